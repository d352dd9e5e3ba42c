package venus.market.core.amount;

import venus.market.core.MarketException;

/** A token amount, epoch duration or byte size that cannot be parsed, or a value out of its allowed range. */
public class AmountException extends MarketException {

  public AmountException(String message) {
    super(message);
  }

  public AmountException(String message, Throwable cause) {
    super(message, cause);
  }
}
