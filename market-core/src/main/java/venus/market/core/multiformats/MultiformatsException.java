package venus.market.core.multiformats;

import venus.market.core.MarketException;

/** Malformed varint, multibase string, multihash or CID. */
public class MultiformatsException extends MarketException {

  public MultiformatsException(String message) {
    super(message);
  }

  public MultiformatsException(String message, Throwable cause) {
    super(message, cause);
  }
}
