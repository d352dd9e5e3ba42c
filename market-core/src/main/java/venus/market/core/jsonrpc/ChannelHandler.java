package venus.market.core.jsonrpc;

/**
 * A method whose result is a channel (only over websocket). {@link #open} starts producing into the
 * sink and returns a hook that stops production; the hook runs when the client cancels ({@code
 * xrpc.cancel}), when the connection drops, or after the sink is closed.
 */
@FunctionalInterface
public interface ChannelHandler {
  AutoCloseable open(RpcCall call, ChannelSink sink) throws Exception;
}
