package venus.market.devnet.actors;

import java.util.List;

/**
 * One SectorPreCommitInfo: seal proof, sector number, sealed CID (commR), seal randomness epoch,
 * deal ids, expiration and the declared unsealed CID (commD; null when the sector has no deals).
 */
public record PreCommitInput(
    long sealProof,
    long sectorNumber,
    byte[] sealedCid,
    long sealRandEpoch,
    List<Long> dealIds,
    long expiration,
    byte[] unsealedCid) {
  public PreCommitInput {
    dealIds = List.copyOf(dealIds);
  }
}
