package venus.market.devnet.rpc;

import venus.market.devnet.DevnetException;

/** A request the devnet API refuses; its message goes back to the caller as the JSON-RPC error. */
public class ApiException extends DevnetException {
  public ApiException(String message) {
    super(message);
  }
}
