package venus.market.daemon.rpc;

import java.math.BigInteger;
import venus.market.core.address.Address;
import venus.market.core.multiformats.Cid;
import venus.market.daemon.api.ApiJson;
import venus.market.core.jsonrpc.RpcInvalidParamsException;

/** Parses Lotus-JSON parameters (addresses, big integers, proposal CIDs) with a clear error. */
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

  /** A deal's proposal CID in Lotus JSON ({"/": "<cid>"}). */
  static Cid proposalCid(ApiJson.CidJson c) {
    if (c == null || c.cid() == null) {
      throw new RpcInvalidParamsException("proposal cid: expected {\"/\": \"<cid>\"}");
    }
    try {
      return Cid.parse(c.cid());
    } catch (RuntimeException e) {
      throw new RpcInvalidParamsException("proposal cid: not a CID: \"" + c.cid() + "\" (" + e.getMessage() + ")");
    }
  }
}
