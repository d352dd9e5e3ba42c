package venus.market.devnet.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import venus.market.core.jsonrpc.RpcCall;

/** Positional JSON params of a call (every devnet method declares its params as JsonNode). */
final class Params {
  private Params() {}

  static JsonNode at(RpcCall call, int i) {
    Object o = i < call.params().length ? call.params()[i] : null;
    return o instanceof JsonNode n ? n : NullNode.getInstance();
  }
}
