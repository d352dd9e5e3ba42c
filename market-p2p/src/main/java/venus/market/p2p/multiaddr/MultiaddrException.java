package venus.market.p2p.multiaddr;

import venus.market.p2p.P2pException;

/** A multiaddr string or binary form that cannot be parsed. */
public class MultiaddrException extends P2pException {

  public MultiaddrException(String message) {
    super(message);
  }

  public MultiaddrException(String message, Throwable cause) {
    super(message, cause);
  }
}
