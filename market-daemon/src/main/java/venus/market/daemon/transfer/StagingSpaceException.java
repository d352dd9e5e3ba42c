package venus.market.daemon.transfer;

/** A deal's declared transfer size can never fit the configured staging space. */
public final class StagingSpaceException extends RuntimeException {
  public StagingSpaceException(String message) {
    super(message);
  }
}
