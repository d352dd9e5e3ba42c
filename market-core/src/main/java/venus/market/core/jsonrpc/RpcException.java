package venus.market.core.jsonrpc;

import venus.market.core.MarketException;

/** Base of every JSON-RPC failure: remote errors, authorization failures and transport failures. */
public class RpcException extends MarketException {
  private static final long serialVersionUID = 1L;

  public RpcException(String message) {
    super(message);
  }

  public RpcException(String message, Throwable cause) {
    super(message, cause);
  }
}
