package venus.market.core.jsonrpc;

/**
 * The token was refused (HTTP 401): forged, expired, malformed, or missing where the server
 * requires one.
 */
public class RpcUnauthorizedException extends RpcException {
  private static final long serialVersionUID = 1L;

  public RpcUnauthorizedException(String message) {
    super(message);
  }

  public RpcUnauthorizedException(String message, Throwable cause) {
    super(message, cause);
  }
}
