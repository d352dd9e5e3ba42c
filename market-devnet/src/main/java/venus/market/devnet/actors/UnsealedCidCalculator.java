package venus.market.devnet.actors;

import java.util.List;

/** Computes a sector's unsealed CID (commD) from its pieces, zero-padding the rest of the sector. */
@FunctionalInterface
public interface UnsealedCidCalculator {
  /** @return the binary CID of commD */
  byte[] compute(long sectorSize, List<PieceRef> pieces);
}
