package venus.market.daemon.piecestore;

import java.io.IOException;

/** A write was attempted on a store configured {@code ReadOnly = true}. */
public final class ReadOnlyPieceStoreException extends IOException {
  public ReadOnlyPieceStoreException(String store) {
    super("piece store " + store + " is read-only (ReadOnly = true in [PieceStorage]); pieces are written only to a"
        + " writable store");
  }
}
