package venus.market.core.address;

/** The address protocol: the first byte of the byte form and the digit after the network prefix. */
public enum Protocol {
  ID(0),
  SECP256K1(1),
  ACTOR(2),
  BLS(3),
  DELEGATED(4);

  private final int code;

  Protocol(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  /** The protocol with this code, or an {@code UNKNOWN_PROTOCOL} error. */
  public static Protocol fromCode(int code) {
    if (code >= 0 && code < values().length) {
      return values()[code];
    }
    throw new AddressException(AddressException.Kind.UNKNOWN_PROTOCOL, "unknown address protocol " + code);
  }
}
