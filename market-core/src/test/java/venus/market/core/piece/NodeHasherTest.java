package venus.market.core.piece;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NodeHasherTest {

  /** One node the plain way: SHA-256 of the 64-byte pair, top two bits of the last byte cleared. */
  private static byte[] expectedNode(byte[] src, int off) throws Exception {
    byte[] h = MessageDigest.getInstance("SHA-256").digest(Arrays.copyOfRange(src, off, off + 64));
    h[31] &= 0x3f;
    return h;
  }

  private static byte[] expectedLevel(byte[] src, int srcOff, int count) throws Exception {
    byte[] out = new byte[32 * count];
    for (int i = 0; i < count; i++) {
      System.arraycopy(expectedNode(src, srcOff + 64 * i), 0, out, 32 * i, 32);
    }
    return out;
  }

  /** Counts below, at and around the four-lane group size, so the grouped loop and its tail both run. */
  @Test
  void levelMatchesOneDigestPerNodeForEveryCountAndOffset() throws Exception {
    byte[] src = new byte[64 * 13 + 7];
    new Random(5).nextBytes(src);
    NodeHasher h = new NodeHasher();
    for (int count = 0; count <= 13; count++) {
      for (int srcOff : new int[] {0, 7}) {
        if (srcOff + 64 * count > src.length) {
          continue;
        }
        byte[] dst = new byte[32 * count + 3];
        h.nodes(src, srcOff, dst, 3, count);
        assertThat(Arrays.copyOfRange(dst, 3, dst.length)).as("count %d at %d", count, srcOff)
            .isEqualTo(expectedLevel(src, srcOff, count));
        assertThat(Arrays.copyOfRange(dst, 0, 3)).as("bytes before the output are untouched").containsOnly(0);
      }
    }
  }

  @Test
  void inPlaceLevelMatchesOutOfPlace() throws Exception {
    NodeHasher h = new NodeHasher();
    for (int count = 1; count <= 13; count++) {
      byte[] buf = new byte[64 * count];
      new Random(count).nextBytes(buf);
      byte[] expected = expectedLevel(buf, 0, count);
      h.nodes(buf, 0, buf, 0, count);
      assertThat(Arrays.copyOf(buf, 32 * count)).as("in place, count %d", count).isEqualTo(expected);
    }
  }

  @Test
  void rootInPlaceEqualsLevelByLevelReduction() throws Exception {
    byte[] leaves = new byte[32 * 64];
    new Random(9).nextBytes(leaves);
    byte[] level = leaves.clone();
    for (int n = level.length / 32; n > 1; n /= 2) {
      level = expectedLevel(level, 0, n / 2);
    }
    byte[] buf = leaves.clone();
    new NodeHasher().rootInPlace(buf, buf.length);
    assertThat(Arrays.copyOf(buf, 32)).isEqualTo(level);
  }
}
