package venus.market.core.jsonrpc;

/** The server has no method of that name (code -32601). */
public class RpcMethodNotFoundException extends RpcRemoteException {
  private static final long serialVersionUID = 1L;

  public RpcMethodNotFoundException(String message) {
    super(RpcErrorCodes.METHOD_NOT_FOUND, message);
  }
}
