package venus.market.core.piece;

/** A piece size, payload or commitment that violates the Filecoin piece rules; the message names the values. */
public class PieceException extends RuntimeException {

  public PieceException(String message) {
    super(message);
  }

  public PieceException(String message, Throwable cause) {
    super(message, cause);
  }
}
