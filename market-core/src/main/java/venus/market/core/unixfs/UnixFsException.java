package venus.market.core.unixfs;

import venus.market.core.MarketException;

/** A dag-pb or UnixFS block that cannot be decoded, or an import that cannot proceed. */
public class UnixFsException extends MarketException {

  public UnixFsException(String message) {
    super(message);
  }

  public UnixFsException(String message, Throwable cause) {
    super(message, cause);
  }
}
