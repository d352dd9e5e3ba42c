package venus.market.devnet.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.Base64;
import java.util.List;
import venus.market.core.address.Address;
import venus.market.core.address.Network;
import venus.market.core.crypto.SigType;
import venus.market.core.crypto.Signature;
import venus.market.core.multiformats.Cid;
import venus.market.core.amount.TokenAmount;
import venus.market.core.chain.SignedMessage;
import venus.market.core.chain.UnsignedMessage;
import venus.market.devnet.chain.TipsetRecord;
import venus.market.devnet.chain.BlockFields;
import venus.market.devnet.chain.CborHeaderCodec;

/**
 * Lotus JSON conventions for the values the devnet API renders and reads: addresses as t-prefixed
 * strings, big integers as decimal strings, CIDs as {"/": "..."}, byte strings as standard base64
 * (null for nil), signatures as {"Type": n, "Data": base64}, field names in Go's UpperCamelCase.
 */
public final class Json {
  private Json() {}

  static final JsonNodeFactory F = JsonNodeFactory.instance;

  public static ObjectNode obj() {
    return F.objectNode();
  }

  public static ArrayNode arr() {
    return F.arrayNode();
  }

  public static JsonNode cid(Cid c) {
    return c == null ? NullNode.getInstance() : obj().put("/", c.toString());
  }

  public static JsonNode cid(byte[] binary) {
    return binary == null ? NullNode.getInstance() : cid(Cid.decode(binary));
  }

  public static String addr(Address a) {
    return a.toString(Network.TESTNET);
  }

  public static String idAddr(long id) {
    return addr(Address.newId(id));
  }

  public static String big(BigInteger v) {
    return v.toString();
  }

  public static JsonNode bytes(byte[] b) {
    return b == null ? NullNode.getInstance() : F.textNode(Base64.getEncoder().encodeToString(b));
  }

  public static JsonNode signature(Signature s) {
    return obj().put("Type", s.type().code()).set("Data", bytes(s.data()));
  }

  public static ArrayNode cids(List<byte[]> binaries) {
    ArrayNode a = arr();
    binaries.forEach(b -> a.add(cid(b)));
    return a;
  }

  public static ObjectNode message(UnsignedMessage m) {
    ObjectNode o = obj();
    o.put("Version", UnsignedMessage.VERSION);
    o.put("To", addr(m.to()));
    o.put("From", addr(m.from()));
    o.put("Nonce", new BigInteger(Long.toUnsignedString(m.nonce())));
    o.put("Value", big(m.value().atto()));
    o.put("GasLimit", m.gasLimit());
    o.put("GasFeeCap", big(m.gasFeeCap().atto()));
    o.put("GasPremium", big(m.gasPremium().atto()));
    o.put("Method", new BigInteger(Long.toUnsignedString(m.method())));
    o.set("Params", m.params().length == 0 ? NullNode.getInstance() : bytes(m.params()));
    o.set("CID", cid(m.cid()));
    return o;
  }

  public static ObjectNode signedMessage(SignedMessage s) {
    ObjectNode o = obj();
    o.set("Message", message(s.message()));
    o.set("Signature", signature(s.signature()));
    o.set("CID", cid(s.cid()));
    return o;
  }

  public static ObjectNode header(BlockFields h) {
    ObjectNode o = obj();
    o.put("Miner", idAddr(h.minerId()));
    o.set("Ticket", obj().set("VRFProof", bytes(CborHeaderCodec.vrfOf(h.height()))));
    o.set("ElectionProof", obj().put("WinCount", 1).set("VRFProof", bytes(CborHeaderCodec.vrfOf(h.height()))));
    o.set("BeaconEntries", arr());
    o.set("WinPoStProof", arr());
    o.set("Parents", cids(h.parents()));
    o.put("ParentWeight", big(h.parentWeight()));
    o.put("Height", h.height());
    o.set("ParentStateRoot", cid(h.parentStateRoot()));
    o.set("ParentMessageReceipts", cid(h.parentMessageReceipts()));
    o.set("Messages", cid(h.messages()));
    o.set("BLSAggregate", NullNode.getInstance());
    o.put("Timestamp", h.timestamp());
    o.set("BlockSig", NullNode.getInstance());
    o.put("ForkSignaling", 0);
    o.put("ParentBaseFee", big(h.parentBaseFee()));
    return o;
  }

  public static ObjectNode tipset(TipsetRecord t) {
    ObjectNode o = obj();
    o.set("Cids", arr().add(cid(t.blockCid())));
    o.set("Blocks", arr().add(header(t.header())));
    o.put("Height", t.height());
    return o;
  }

  public static ArrayNode tipsetKey(TipsetRecord t) {
    return arr().add(cid(t.blockCid()));
  }

  // ---- parsing ----

  public static Address parseAddress(JsonNode n, String what) {
    if (n == null || !n.isTextual()) {
      throw new ApiException(what + " must be an address string");
    }
    return Address.parse(n.textValue());
  }

  public static BigInteger parseBig(JsonNode n, String what) {
    if (n == null || n.isNull()) {
      return BigInteger.ZERO;
    }
    try {
      return new BigInteger(n.asText());
    } catch (NumberFormatException e) {
      throw new ApiException(what + " must be a decimal integer string, got " + n);
    }
  }

  public static Cid parseCid(JsonNode n, String what) {
    if (n == null || !n.isObject() || !n.path("/").isTextual()) {
      throw new ApiException(what + " must be a CID object {\"/\": \"...\"}");
    }
    return Cid.parse(n.get("/").textValue());
  }

  public static byte[] parseBytes(JsonNode n, String what) {
    if (n == null || n.isNull()) {
      return new byte[0];
    }
    if (!n.isTextual()) {
      throw new ApiException(what + " must be a base64 string");
    }
    try {
      return Base64.getDecoder().decode(n.textValue());
    } catch (IllegalArgumentException e) {
      throw new ApiException(what + " is not valid base64: " + e.getMessage());
    }
  }

  public static long parseLong(JsonNode n, String what) {
    if (n == null || n.isNull()) {
      return 0;
    }
    if (!n.canConvertToLong()) {
      throw new ApiException(what + " must be an integer, got " + n);
    }
    return n.longValue();
  }

  /** A Go uint64: JSON numbers up to 2^64-1 (values above 2^63-1 come back as negative longs). */
  public static long parseUint64(JsonNode n, String what) {
    if (n == null || n.isNull()) {
      return 0;
    }
    if (n.isIntegralNumber()) {
      BigInteger v = n.bigIntegerValue();
      if (v.signum() >= 0 && v.bitLength() <= 64) {
        return v.longValue();
      }
    }
    throw new ApiException(what + " must be an unsigned 64-bit integer, got " + n);
  }

  public static UnsignedMessage parseMessage(JsonNode n) {
    if (n == null || !n.isObject()) {
      throw new ApiException("message must be a JSON object");
    }
    long version = parseUint64(n.get("Version"), "Version");
    if (version != UnsignedMessage.VERSION) {
      throw new ApiException("message Version must be 0, got " + version);
    }
    return UnsignedMessage.builder().to(parseAddress(n.get("To"), "To")).from(parseAddress(n.get("From"), "From"))
        .nonce(parseUint64(n.get("Nonce"), "Nonce")).value(amount(n.get("Value"), "Value"))
        .gasLimit(parseLong(n.get("GasLimit"), "GasLimit")).gasFeeCap(amount(n.get("GasFeeCap"), "GasFeeCap"))
        .gasPremium(amount(n.get("GasPremium"), "GasPremium")).method(parseUint64(n.get("Method"), "Method"))
        .params(parseBytes(n.get("Params"), "Params")).build();
  }

  private static TokenAmount amount(JsonNode n, String what) {
    return TokenAmount.ofAtto(parseBig(n, what));
  }

  public static Signature parseSignature(JsonNode n) {
    if (n == null || !n.isObject()) {
      throw new ApiException("signature must be an object {\"Type\": n, \"Data\": base64}");
    }
    return Signature.of(SigType.fromCode((int) parseLong(n.get("Type"), "Type")), parseBytes(n.get("Data"), "Data"));
  }

  public static SignedMessage parseSignedMessage(JsonNode n) {
    if (n == null || !n.isObject()) {
      throw new ApiException("signed message must be a JSON object");
    }
    return new SignedMessage(parseMessage(n.get("Message")), parseSignature(n.get("Signature")));
  }
}
