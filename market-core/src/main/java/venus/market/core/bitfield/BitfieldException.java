package venus.market.core.bitfield;

import venus.market.core.MarketException;

/** Malformed or non-minimal RLE+ bytes. */
public class BitfieldException extends MarketException {

  public BitfieldException(String message) {
    super(message);
  }
}
