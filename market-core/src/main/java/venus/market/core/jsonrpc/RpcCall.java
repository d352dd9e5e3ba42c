package venus.market.core.jsonrpc;

import java.util.Set;

/**
 * One decoded invocation as a method handler sees it.
 *
 * @param method full method name, e.g. "Filecoin.ChainHead"
 * @param permissions what the caller's token grants (for methods such as AuthVerify that report it)
 * @param params parameters decoded into the types the method declared
 */
public record RpcCall(String method, Set<Permission> permissions, Object[] params) {
  /** The i-th parameter, cast to the declared type. */
  @SuppressWarnings("unchecked")
  public <T> T param(int index) {
    return (T) params[index];
  }
}
