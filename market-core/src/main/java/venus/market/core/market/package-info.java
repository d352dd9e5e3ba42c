/**
 * Storage market actor (f05) types with their exact CBOR: the deal proposal and its label union, the signed client
 * proposal and both of its CIDs, deal state, PublishStorageDeals/AddBalance/WithdrawBalance parameters and returns,
 * method numbers and policy bounds. Sources: go-state-types builtin/v9…v17 market, builtin-actors market. Decoders
 * throw only {@link venus.market.core.cbor.CborException}. {@link venus.market.core.market.MapStruct} and {@link
 * venus.market.core.market.Fields} are the shared codec helpers of this package and of the miner and storagemarket
 * packages.
 */
package venus.market.core.market;
