package venus.market.core.address;

import venus.market.core.MarketException;

/** An address string or byte form that go-address would reject; {@link #kind()} names go-address's error. */
public class AddressException extends MarketException {

  /** go-address's error values, plus {@code INVALID_ENCODING} for any base32 problem. */
  public enum Kind {
    UNKNOWN_NETWORK,
    UNKNOWN_PROTOCOL,
    INVALID_PAYLOAD,
    INVALID_LENGTH,
    INVALID_CHECKSUM,
    INVALID_ENCODING
  }

  private final Kind kind;

  public AddressException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public AddressException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
