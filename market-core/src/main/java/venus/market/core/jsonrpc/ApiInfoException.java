package venus.market.core.jsonrpc;

/** An API-info string, multiaddr or URL that cannot be turned into an endpoint. */
public class ApiInfoException extends RpcException {
  private static final long serialVersionUID = 1L;

  public ApiInfoException(String message) {
    super(message);
  }
}
