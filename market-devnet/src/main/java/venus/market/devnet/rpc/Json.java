package venus.market.devnet.rpc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import venus.market.core.chain.TipSetKey;
import venus.market.core.json.LotusJson;
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

  /**
   * Core's Lotus JSON module, printing addresses with the t prefix: every shape core knows (CIDs,
   * messages, signatures, tipset keys) is rendered and read by it rather than by hand here.
   */
  static final ObjectMapper LOTUS = LotusJson.mapper(Network.TESTNET);

  /** {@code value} in Lotus JSON as a tree, so it can be placed inside a hand-built devnet reply. */
  public static JsonNode tree(Object value) {
    return value == null ? NullNode.getInstance() : LOTUS.valueToTree(value);
  }

  public static JsonNode cid(Cid c) {
    return tree(c);
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
    return tree(s);
  }

  public static ArrayNode cids(List<byte[]> binaries) {
    ArrayNode a = arr();
    binaries.forEach(b -> a.add(cid(b)));
    return a;
  }

  public static JsonNode message(UnsignedMessage m) {
    return tree(m);
  }

  public static JsonNode signedMessage(SignedMessage s) {
    return tree(s);
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
    o.set("Cids", tipsetKey(t.blockCid()));
    o.set("Blocks", arr().add(header(t.header())));
    o.put("Height", t.height());
    return o;
  }

  /** The key of a devnet tipset, which always holds exactly one block. */
  public static JsonNode tipsetKey(byte[] blockCid) {
    return tree(new TipSetKey(List.of(Cid.decode(blockCid))));
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
    requireVersion0(n, "message");
    return read(n, UnsignedMessage.class, "message");
  }

  public static Signature parseSignature(JsonNode n) {
    if (n == null || !n.isObject()) {
      throw new ApiException("signature must be an object {\"Type\": n, \"Data\": base64}");
    }
    return read(n, Signature.class, "signature");
  }

  public static SignedMessage parseSignedMessage(JsonNode n) {
    if (n == null || !n.isObject()) {
      throw new ApiException("signed message must be a JSON object");
    }
    requireVersion0(n.get("Message"), "message");
    return read(n, SignedMessage.class, "signed message");
  }

  /** Core's reader ignores Version (lotus checks it only on push); the devnet refuses others early. */
  private static void requireVersion0(JsonNode n, String what) {
    if (n == null || !n.isObject()) {
      throw new ApiException(what + " must be a JSON object");
    }
    long version = parseUint64(n.get("Version"), "Version");
    if (version != UnsignedMessage.VERSION) {
      throw new ApiException(what + " Version must be 0, got " + version);
    }
  }

  private static <T> T read(JsonNode n, Class<T> type, String what) {
    try {
      return LOTUS.treeToValue(n, type);
    } catch (JsonProcessingException e) {
      throw new ApiException("invalid " + what + ": " + e.getOriginalMessage());
    }
  }
}
