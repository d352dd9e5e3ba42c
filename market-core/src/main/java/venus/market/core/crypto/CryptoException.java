package venus.market.core.crypto;

import venus.market.core.MarketException;

/** A key, signature or hash input that is malformed, or a signature that does not verify where one must. */
public class CryptoException extends MarketException {

  public CryptoException(String message) {
    super(message);
  }

  public CryptoException(String message, Throwable cause) {
    super(message, cause);
  }
}
