package venus.market.daemon.deals;

import venus.market.core.MarketException;

/** The deal store holds something this build cannot read (corruption, a newer format). */
public final class DealStoreException extends MarketException {
  public DealStoreException(String message) {
    super(message);
  }

  public DealStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
