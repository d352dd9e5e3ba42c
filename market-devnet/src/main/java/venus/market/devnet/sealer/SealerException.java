package venus.market.devnet.sealer;

/** A sector could not be sealed; the message says which and why. */
public final class SealerException extends RuntimeException {
  public SealerException(String message) {
    super(message);
  }

  public SealerException(String message, Throwable cause) {
    super(message, cause);
  }
}
