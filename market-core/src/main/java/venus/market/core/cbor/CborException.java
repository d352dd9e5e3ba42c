package venus.market.core.cbor;

import venus.market.core.MarketException;

/** Malformed or non-canonical DAG-CBOR. The message names the byte offset and what was expected. */
public class CborException extends MarketException {

  private final long offset;

  public CborException(long offset, String message) {
    super("CBOR at byte offset " + offset + ": " + message);
    this.offset = offset;
  }

  public CborException(long offset, String message, Throwable cause) {
    super("CBOR at byte offset " + offset + ": " + message, cause);
    this.offset = offset;
  }

  /** Offset of the offending item from the start of the decoded input. */
  public long offset() {
    return offset;
  }
}
