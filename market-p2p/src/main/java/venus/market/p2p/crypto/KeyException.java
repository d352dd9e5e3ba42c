package venus.market.p2p.crypto;

import venus.market.p2p.P2pException;

/** A key or signature that cannot be decoded or is of a type this node does not support. */
public class KeyException extends P2pException {

  public KeyException(String message) {
    super(message);
  }

  public KeyException(String message, Throwable cause) {
    super(message, cause);
  }
}
