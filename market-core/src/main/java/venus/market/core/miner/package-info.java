/**
 * Miner actor types a storage market needs, with their exact CBOR (go-state-types builtin/v17 miner, builtin-actors
 * miner): ChangePeerID / ChangeMultiaddrs / ChangeWorkerAddress params, the current onboarding path
 * (PreCommitSectorBatch2 + ProveCommitSectors3 with piece manifests that notify the market actor), the legacy
 * ProveCommitSector params, MinerInfo and method numbers. Decoders throw only
 * {@link venus.market.core.cbor.CborException}.
 */
package venus.market.core.miner;
