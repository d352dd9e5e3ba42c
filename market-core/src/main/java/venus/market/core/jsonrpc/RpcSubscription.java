package venus.market.core.jsonrpc;

/**
 * A live channel subscription; {@link #close()} asks the server to stop it ({@code xrpc.cancel}).
 */
public interface RpcSubscription extends AutoCloseable {
  /** The server's channel id. */
  long channelId();

  boolean isClosed();

  @Override
  void close();
}
