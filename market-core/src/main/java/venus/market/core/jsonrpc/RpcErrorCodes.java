package venus.market.core.jsonrpc;

/** JSON-RPC error codes as go-jsonrpc uses them. */
public final class RpcErrorCodes {
  public static final int PARSE_ERROR = -32700;
  public static final int INVALID_REQUEST = -32600;
  public static final int METHOD_NOT_FOUND = -32601;
  public static final int INVALID_PARAMS = -32602;
  public static final int INTERNAL_ERROR = -32603;

  /**
   * go-jsonrpc gives every error returned by a method this code unless the error type is
   * registered.
   */
  public static final int APPLICATION_ERROR = 1;

  /** go-jsonrpc's code for "websocket connection closed" while a call was in flight. */
  public static final int CONNECTION_CLOSED = -1111111;

  private RpcErrorCodes() {}
}
