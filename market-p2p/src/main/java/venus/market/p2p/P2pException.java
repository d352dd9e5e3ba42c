package venus.market.p2p;

import venus.market.core.MarketException;

/** Base of the errors the libp2p stack raises on purpose: bad peer input, protocol violations, limits, timeouts. */
public class P2pException extends MarketException {

  public P2pException(String message) {
    super(message);
  }

  public P2pException(String message, Throwable cause) {
    super(message, cause);
  }
}
