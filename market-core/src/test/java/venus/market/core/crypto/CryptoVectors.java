package venus.market.core.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HexFormat;

/** Loads the JSON vectors under src/test/resources/vectors/crypto and builds message CIDs from them. */
final class CryptoVectors {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** CIDv1, dag-cbor (0x71), blake2b-256 multihash (0xb220, varint a0 e4 02), 32-byte digest. */
  private static final byte[] MESSAGE_CID_PREFIX = HexFormat.of().parseHex("0171a0e40220");

  private CryptoVectors() {}

  static JsonNode load(String name) {
    try (InputStream in = CryptoVectors.class.getResourceAsStream("/vectors/crypto/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test vector " + name);
      }
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The binary CID of an unsigned message, which is what Filecoin message signatures cover. */
  static byte[] messageCid(byte[] messageCbor) {
    byte[] digest = Blake2b.sum256(messageCbor);
    byte[] cid = new byte[MESSAGE_CID_PREFIX.length + digest.length];
    System.arraycopy(MESSAGE_CID_PREFIX, 0, cid, 0, MESSAGE_CID_PREFIX.length);
    System.arraycopy(digest, 0, cid, MESSAGE_CID_PREFIX.length, digest.length);
    return cid;
  }

  static byte[] hex(String s) {
    return HexFormat.of().parseHex(s);
  }

  static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }
}
