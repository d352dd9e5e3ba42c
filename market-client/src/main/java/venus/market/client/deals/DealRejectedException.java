package venus.market.client.deals;

import venus.market.core.MarketException;

/** A pre-flight check failed before anything was signed or sent, or the provider refused the proposal. */
public class DealRejectedException extends MarketException {

  public DealRejectedException(String message) {
    super(message);
  }
}
