package venus.market.core.jsonrpc;

/**
 * Wrong parameter count or a parameter that does not decode into the method's type (code -32602).
 */
public class RpcInvalidParamsException extends RpcRemoteException {
  private static final long serialVersionUID = 1L;

  public RpcInvalidParamsException(String message) {
    super(RpcErrorCodes.INVALID_PARAMS, message);
  }
}
