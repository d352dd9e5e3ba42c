package venus.market.core.car;

import venus.market.core.MarketException;

/** A CAR file that is malformed or does not hold what it claims; the message names the byte offset or the CID. */
public class CarException extends MarketException {

  public CarException(String message) {
    super(message);
  }

  public CarException(String message, Throwable cause) {
    super(message, cause);
  }
}
