package venus.market.daemon.intake;

import venus.market.core.MarketException;

/** A proposal failed a check; the message is the reason sent to the client, worded as go-fil-markets/boost do. */
public final class DealRejectedException extends MarketException {
  public DealRejectedException(String reason) {
    super(reason);
  }
}
