package venus.market.daemon.transfer;

/**
 * A transfer that cannot finish (the server refused, the data does not match what the client declared, retries ran
 * out). The message is the deal's failure message: it says what went wrong and never carries credentials.
 */
public final class TransferFailedException extends Exception {
  public TransferFailedException(String message) {
    super(message);
  }

  public TransferFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
