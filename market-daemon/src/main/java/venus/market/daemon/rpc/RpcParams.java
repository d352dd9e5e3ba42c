package venus.market.daemon.rpc;

import java.math.BigInteger;
import venus.market.core.address.Address;
import venus.market.core.jsonrpc.RpcInvalidParamsException;

/** Parses Lotus-JSON parameters that arrive as text (addresses, big integers) with a clear error. */
final class RpcParams {
  private RpcParams() {}

  static Address address(String what, String text) {
    try {
      return Address.parse(text);
    } catch (RuntimeException e) {
      throw new RpcInvalidParamsException(what + ": not a Filecoin address: \"" + text + "\" (" + e.getMessage() + ")");
    }
  }

  static BigInteger bigInt(String what, String text) {
    try {
      return new BigInteger(text);
    } catch (RuntimeException e) {
      throw new RpcInvalidParamsException(what + ": not a decimal integer: \"" + text + "\"");
    }
  }
}
