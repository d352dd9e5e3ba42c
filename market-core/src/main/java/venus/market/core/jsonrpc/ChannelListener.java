package venus.market.core.jsonrpc;

/**
 * Receives a subscription's values on the client. Callbacks run one at a time, in order, on the
 * client's delivery thread (never on the socket reader), so they may call the client again.
 */
public interface ChannelListener<T> {
  void onValue(T value);

  /**
   * The channel ended: closed by the server, cancelled, or the connection was lost. Called once.
   */
  default void onClose() {}
}
