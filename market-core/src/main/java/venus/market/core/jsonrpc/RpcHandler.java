package venus.market.core.jsonrpc;

/**
 * A request/response method. The return value is encoded with the server's ObjectMapper (null for
 * void).
 */
@FunctionalInterface
public interface RpcHandler {
  Object handle(RpcCall call) throws Exception;
}
