package venus.market.client.data;

import venus.market.core.MarketException;

/** Input data the client cannot use (not a CAR, a directory where a file is needed, a CAR with several roots). */
public class DataException extends MarketException {

  public DataException(String message) {
    super(message);
  }

  public DataException(String message, Throwable cause) {
    super(message, cause);
  }
}
