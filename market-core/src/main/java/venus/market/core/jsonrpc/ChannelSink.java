package venus.market.core.jsonrpc;

/**
 * The server end of a websocket channel (a Go {@code <-chan T} result). Values are pushed as {@code
 * xrpc.ch.val} notifications in the order sent; thread-safe.
 */
public interface ChannelSink {
  /**
   * Queues a value; returns false once the channel is closed (by either side), so producers can
   * stop.
   */
  boolean send(Object value);

  /** Closes the channel ({@code xrpc.ch.close}); idempotent. */
  void close();

  boolean isClosed();
}
