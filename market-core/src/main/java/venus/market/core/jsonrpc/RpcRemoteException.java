package venus.market.core.jsonrpc;

/**
 * An error object returned by the remote side (or, on the server, thrown by a method to choose the
 * code). The message is the remote message verbatim, as lotus shows it to the operator.
 */
public class RpcRemoteException extends RpcException {
  private static final long serialVersionUID = 1L;
  private final int code;

  public RpcRemoteException(int code, String message) {
    super(message);
    this.code = code;
  }

  public int code() {
    return code;
  }

  /** Maps an error object to the most specific exception type. */
  public static RpcRemoteException of(int code, String message) {
    String msg = message == null ? "" : message;
    switch (code) {
      case RpcErrorCodes.METHOD_NOT_FOUND:
        return new RpcMethodNotFoundException(msg);
      case RpcErrorCodes.INVALID_PARAMS:
        return new RpcInvalidParamsException(msg);
      default:
        if (msg.startsWith(RpcPermissionException.MESSAGE_PREFIX)) {
          return new RpcPermissionException(code, msg);
        }
        return new RpcRemoteException(code, msg);
    }
  }
}
