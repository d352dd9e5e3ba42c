package venus.market.core.market;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import venus.market.core.crypto.Blake2b;

/** Loads vectors/market/computed-deal-example.json (see vectors/market/README.md). */
public final class MarketVectors {

  public static final JsonNode DEAL = load("computed-deal-example.json");

  private MarketVectors() {}

  public static JsonNode load(String name) {
    try (InputStream in = MarketVectors.class.getResourceAsStream("/vectors/market/" + name)) {
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] hex(String s) {
    return HexFormat.of().parseHex(s);
  }

  public static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }

  public static byte[] dealHex(String field) {
    return hex(DEAL.get(field).asText());
  }

  /** FRC-0042: the first big-endian 4-byte word of blake2b-512("1|" + name) that is ≥ 2^24. */
  public static long frc42(String name) {
    byte[] h = Blake2b.hash(("1|" + name).getBytes(StandardCharsets.UTF_8), 64);
    for (int i = 0; i + 4 <= h.length; i += 4) {
      long v = ((h[i] & 0xffL) << 24) | ((h[i + 1] & 0xff) << 16) | ((h[i + 2] & 0xff) << 8) | (h[i + 3] & 0xff);
      if (v >= (1 << 24)) {
        return v;
      }
    }
    throw new IllegalStateException("no FRC-42 number for " + name);
  }
}
