package venus.market.core.piece;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** Loads the copied public vectors under src/test/resources/vectors (see SOURCES.md there). */
public final class TestVectors {

  private TestVectors() {
  }

  public static byte[] bytes(String path) {
    try (InputStream in = TestVectors.class.getResourceAsStream("/vectors/" + path)) {
      if (in == null) {
        throw new IllegalStateException("missing test vector " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static List<String> lines(String path) {
    return Arrays.stream(new String(bytes(path), StandardCharsets.UTF_8).split("\n"))
        .map(String::strip).filter(l -> !l.isEmpty()).toList();
  }
}
