package venus.market.daemon.sealer;

/** A sealer API request the deals' current state does not allow; the message says which deal and why. */
public final class SealerDealException extends RuntimeException {
  public SealerDealException(String message) {
    super(message);
  }
}
