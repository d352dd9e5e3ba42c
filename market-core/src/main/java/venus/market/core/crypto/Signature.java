package venus.market.core.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import venus.market.core.MarketException;
import venus.market.core.cbor.CborEncodable;
import venus.market.core.cbor.CborException;
import venus.market.core.cbor.CborReader;
import venus.market.core.cbor.CborWriter;

/**
 * go-state-types crypto.Signature: a type and the raw signature bytes (65 for secp256k1, 96 for BLS).
 *
 * <p>Byte form (what CBOR wraps in a byte string): the type byte followed by the data. JSON form (lotus API):
 * {@code {"Type":1,"Data":"<base64>"}}. Immutable; the data is copied in and out.
 */
public final class Signature implements CborEncodable {

  /** cbor-gen refuses longer signature byte strings; so do we. */
  public static final int MAX_BYTES = 200;

  private final SigType type;
  private final byte[] data;

  private Signature(SigType type, byte[] data) {
    this.type = type;
    this.data = data;
  }

  public static Signature of(SigType type, byte[] data) {
    if (type == null) {
      throw new CryptoException("signature type is missing");
    }
    if (data.length + 1 > MAX_BYTES) {
      throw new CryptoException("signature too long: " + data.length + " data bytes (max " + (MAX_BYTES - 1) + ")");
    }
    return new Signature(type, data.clone());
  }

  /** Parses the byte form {@code type || data}, with go-state-types' checks. */
  public static Signature fromBytes(byte[] bytes) {
    if (bytes.length == 0) {
      throw new CryptoException("invalid signature bytes of length 0");
    }
    if (bytes.length > MAX_BYTES) {
      throw new CryptoException("invalid signature bytes: " + bytes.length + " bytes, max " + MAX_BYTES);
    }
    SigType type = SigType.fromCode(bytes[0] & 0xff);
    return new Signature(type, Arrays.copyOfRange(bytes, 1, bytes.length));
  }

  /** Reads the CBOR form (a byte string of the byte form); any problem is a {@link CborException}. */
  public static Signature readCbor(CborReader reader) {
    int at = reader.offset();
    byte[] bytes = reader.readBytes(MAX_BYTES);
    try {
      return fromBytes(bytes);
    } catch (MarketException e) {
      throw new CborException(at, "invalid signature: " + e.getMessage(), e);
    }
  }

  @Override
  public void writeCbor(CborWriter writer) {
    writer.writeBytes(toBytes());
  }

  public SigType type() {
    return type;
  }

  public byte[] data() {
    return data.clone();
  }

  public int dataLength() {
    return data.length;
  }

  /** The byte form {@code type || data}. */
  public byte[] toBytes() {
    byte[] out = new byte[data.length + 1];
    out[0] = (byte) type.code();
    System.arraycopy(data, 0, out, 1, data.length);
    return out;
  }

  /** The lotus JSON form {@code {"Type":n,"Data":"<base64>"}}. */
  public ObjectNode toJson() {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("Type", type.code());
    node.put("Data", Base64.getEncoder().encodeToString(data));
    return node;
  }

  /** Parses the lotus JSON form; "Data" may be null or absent (an empty signature), as Go accepts. */
  public static Signature fromJson(JsonNode node) {
    if (node == null || !node.isObject()) {
      throw new CryptoException("signature JSON must be an object {\"Type\":n,\"Data\":\"base64\"}");
    }
    JsonNode t = node.get("Type");
    if (t == null || !t.canConvertToInt() || !t.isIntegralNumber()) {
      throw new CryptoException("signature JSON: \"Type\" must be a number, got " + t);
    }
    JsonNode d = node.get("Data");
    byte[] bytes;
    if (d == null || d.isNull()) {
      bytes = new byte[0];
    } else if (d.isTextual()) {
      try {
        bytes = Base64.getDecoder().decode(d.textValue());
      } catch (IllegalArgumentException e) {
        throw new CryptoException("signature JSON: \"Data\" is not base64: " + e.getMessage(), e);
      }
    } else {
      throw new CryptoException("signature JSON: \"Data\" must be a base64 string, got " + d.getNodeType());
    }
    return of(SigType.fromCode(t.intValue()), bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Signature s && s.type == type && Arrays.equals(s.data, data);
  }

  @Override
  public int hashCode() {
    return 31 * type.hashCode() + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "Signature{" + type.keyType() + ", " + HexFormat.of().formatHex(data) + "}";
  }
}
