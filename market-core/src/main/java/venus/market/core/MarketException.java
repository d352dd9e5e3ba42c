package venus.market.core;

/**
 * Base of every exception this project throws on purpose. Unchecked, because callers rarely can do more than
 * report it; the message is written for the operator: what failed, where (offset, field, identifier) and what was
 * expected instead.
 */
public class MarketException extends RuntimeException {

  public MarketException(String message) {
    super(message);
  }

  public MarketException(String message, Throwable cause) {
    super(message, cause);
  }
}
