package venus.market.core.piece;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A JVM started without {@code --add-opens java.base/sun.security.provider} (someone's own launcher, an IDE) must
 * still compute commP, on MessageDigest, and say why the fast path is off.
 */
class NodeEngineFallbackTest {

  /** Run in the child JVM: prints the engine, then the commP of a fixed 100 KB payload. */
  public static void main(String[] args) {
    System.out.println(CommPHasher.nodeEngine());
    System.out.println(CommPHasher.of(payload()));
  }

  private static byte[] payload() {
    byte[] data = new byte[100_000];
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) (i * 31 + 7);
    }
    return data;
  }

  @Test
  void jvmWithoutTheOpensFallsBackToMessageDigestWithTheSameCommP() throws Exception {
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
        NodeEngineFallbackTest.class.getName()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    List<String> lines = out.lines().toList();
    assertThat(lines.get(0)).startsWith("MessageDigest, 4 lanes")
        .contains("--add-opens java.base/sun.security.provider=ALL-UNNAMED");
    assertThat(lines.get(1)).isEqualTo(inThisJvm());
  }

  private static String inThisJvm() {
    assertThat(CommPHasher.nodeEngine()).startsWith("SHA-256 compression intrinsic");
    return CommPHasher.of(payload()).toString();
  }
}
