package venus.market.daemon.piecestore;

import java.io.IOException;

/** A piece store could not be used (bad directory, unreachable S3 endpoint, no writable store). */
public class PieceStoreException extends IOException {
  public PieceStoreException(String message) {
    super(message);
  }

  public PieceStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
