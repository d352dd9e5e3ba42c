package venus.market.core.jsonrpc;

/**
 * The caller's token lacks the method's permission. Lotus reports this as an ordinary method error
 * (code 1) with the message "missing permission to invoke 'X' (need 'write')"; clients recognise it
 * by that prefix.
 */
public class RpcPermissionException extends RpcRemoteException {
  private static final long serialVersionUID = 1L;
  static final String MESSAGE_PREFIX = "missing permission to invoke";

  public RpcPermissionException(int code, String message) {
    super(code, message);
  }

  static RpcPermissionException missing(String methodName, Permission needed) {
    return new RpcPermissionException(
        RpcErrorCodes.APPLICATION_ERROR,
        MESSAGE_PREFIX + " '" + methodName + "' (need '" + needed.wireName() + "')");
  }
}
