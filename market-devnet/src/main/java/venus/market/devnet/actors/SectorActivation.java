package venus.market.devnet.actors;

import java.util.List;

/**
 * One SectorActivationManifest of ProveCommitSectors3: the sector and its pieces; {@code dealIds}
 * of a piece are the market deals its notifications to f05 name.
 */
public record SectorActivation(long sectorNumber, List<Piece> pieces) {
  public SectorActivation {
    pieces = List.copyOf(pieces);
  }

  /** A piece of the sector with the market deal ids it activates. */
  public record Piece(byte[] pieceCid, long size, List<Long> dealIds) {
    public Piece {
      dealIds = List.copyOf(dealIds);
    }
  }
}
