package venus.market.core.jsonrpc;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;

/**
 * Makes typed JSON-RPC calls; implemented over HTTP ({@link RpcClient}) and websocket ({@link
 * RpcWsClient}).
 */
public interface RpcCaller {
  /**
   * Calls {@code method} (full name) with positional params and decodes the result.
   *
   * @throws RpcRemoteException (or a subclass) for an error returned by the server
   * @throws RpcUnauthorizedException if the server refused the token
   * @throws RpcTransportException if no valid reply arrived in time
   */
  <T> T call(String method, JavaType resultType, Object... params);

  <T> T call(String method, Class<T> resultType, Object... params);

  <T> T call(String method, TypeReference<T> resultType, Object... params);
}
