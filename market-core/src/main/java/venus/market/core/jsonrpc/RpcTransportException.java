package venus.market.core.jsonrpc;

/**
 * The call did not complete: connection refused or lost, timeout, or a reply that is not JSON-RPC.
 */
public class RpcTransportException extends RpcException {
  private static final long serialVersionUID = 1L;

  public RpcTransportException(String message) {
    super(message);
  }

  public RpcTransportException(String message, Throwable cause) {
    super(message, cause);
  }
}
