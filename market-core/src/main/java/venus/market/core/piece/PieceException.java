package venus.market.core.piece;

import venus.market.core.MarketException;

/** A piece size, payload or commitment that violates the Filecoin piece rules; the message names the values. */
public class PieceException extends MarketException {

  public PieceException(String message) {
    super(message);
  }

  public PieceException(String message, Throwable cause) {
    super(message, cause);
  }
}
