package venus.market.core.crypto;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;

/**
 * A private key in the lotus wallet format (chain/types.KeyInfo): JSON {@code {"Type":"secp256k1"|"bls"|"delegated",
 * "PrivateKey":"<base64>"}}. {@code lotus wallet export} prints the hex of that JSON and {@code wallet import} reads it
 * back; {@link #exportHex()} and {@link #importHex(String)} do the same. secp256k1 keys are big-endian scalars, BLS
 * keys little-endian (see {@link Bls}). {@link #toString()} never shows the key.
 */
public final class KeyInfo {

  /** Go's json.Unmarshal rejects trailing data after the object; Jackson must be told to. */
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  /** A hex-encoded KeyInfo is about 150 characters; anything far beyond that is not one. */
  private static final int MAX_TEXT_CHARS = 4096;

  private final SigType type;
  private final byte[] privateKey;

  private KeyInfo(SigType type, byte[] privateKey) {
    this.type = type;
    this.privateKey = privateKey;
  }

  public static KeyInfo of(SigType type, byte[] privateKey) {
    if (privateKey.length != 32) {
      throw new CryptoException(type.keyType() + " private key must be 32 bytes, got " + privateKey.length);
    }
    return new KeyInfo(type, privateKey.clone());
  }

  public SigType type() {
    return type;
  }

  public byte[] privateKey() {
    return privateKey.clone();
  }

  /** The JSON form, byte for byte what Go's json.Marshal writes for types.KeyInfo. */
  public String toJson() {
    return "{\"Type\":\"" + type.keyType() + "\",\"PrivateKey\":\"" + Base64.getEncoder().encodeToString(privateKey)
        + "\"}";
  }

  /** {@code lotus wallet export} output: lowercase hex of the JSON form. */
  public String exportHex() {
    return HexFormat.of().formatHex(toJson().getBytes(StandardCharsets.UTF_8));
  }

  /** Reads {@code lotus wallet export} output (surrounding whitespace, e.g. a final newline, is ignored). */
  public static KeyInfo importHex(String text) {
    String hex = text.strip();
    if (hex.length() > MAX_TEXT_CHARS) {
      throw new CryptoException("key export too long (" + hex.length() + " characters) to be a KeyInfo");
    }
    byte[] json;
    try {
      json = HexFormat.of().parseHex(hex);
    } catch (IllegalArgumentException e) {
      throw new CryptoException("key export is not hex: " + e.getMessage(), e);
    }
    return fromJson(new String(json, StandardCharsets.UTF_8));
  }

  /** Parses the JSON form. Field names match case-insensitively and unknown fields are ignored, as in Go. */
  public static KeyInfo fromJson(String json) {
    if (json.length() > MAX_TEXT_CHARS) {
      throw new CryptoException("KeyInfo JSON too long (" + json.length() + " characters)");
    }
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new CryptoException("KeyInfo is not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new CryptoException("KeyInfo JSON must be an object {\"Type\":...,\"PrivateKey\":...}");
    }
    JsonNode type = field(root, "Type");
    JsonNode key = field(root, "PrivateKey");
    if (type == null || !type.isTextual()) {
      throw new CryptoException("KeyInfo JSON: \"Type\" must be a string (secp256k1, bls or delegated)");
    }
    if (key == null || !key.isTextual()) {
      throw new CryptoException("KeyInfo JSON: \"PrivateKey\" must be a base64 string");
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(key.textValue());
    } catch (IllegalArgumentException e) {
      throw new CryptoException("KeyInfo JSON: \"PrivateKey\" is not base64: " + e.getMessage(), e);
    }
    return of(SigType.fromKeyType(type.textValue()), bytes);
  }

  private static JsonNode field(JsonNode root, String name) {
    JsonNode exact = root.get(name);
    if (exact != null) {
      return exact;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().equalsIgnoreCase(name)) {
        return e.getValue();
      }
    }
    return null;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KeyInfo k && k.type == type && Arrays.equals(k.privateKey, privateKey);
  }

  @Override
  public int hashCode() {
    return 31 * type.hashCode() + Arrays.hashCode(privateKey);
  }

  @Override
  public String toString() {
    return "KeyInfo{" + type.keyType() + ", private key redacted}";
  }
}
