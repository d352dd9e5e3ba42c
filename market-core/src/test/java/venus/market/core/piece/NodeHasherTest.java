package venus.market.core.piece;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

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

  /** Both node engines; the build's JVMs open the JDK internals, so the fast one must be live here. */
  static Stream<Arguments> engines() {
    return Stream.of(
        Arguments.of("MessageDigest", (Supplier<NodeLanes>) DigestLanes::new),
        Arguments.of("compression intrinsic", (Supplier<NodeLanes>) CompressLanes::new));
  }

  @Test
  void buildJvmsUseTheCompressionPath() {
    assertThat(CompressLanes.UNAVAILABLE_REASON).isNull();
    assertThat(CompressLanes.AVAILABLE).isTrue();
    assertThat(NodeLanes.best()).isInstanceOf(CompressLanes.class);
    assertThat(NodeLanes.describe()).startsWith("SHA-256 compression intrinsic");
  }

  /** Counts below, at and around the four-lane group size, so the grouped loop and its tail both run. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("engines")
  void levelMatchesOneDigestPerNodeForEveryCountAndOffset(String name, Supplier<NodeLanes> engine) throws Exception {
    byte[] src = new byte[64 * 13 + 7];
    new Random(5).nextBytes(src);
    NodeLanes h = engine.get();
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

  @ParameterizedTest(name = "{0}")
  @MethodSource("engines")
  void inPlaceLevelMatchesOutOfPlace(String name, Supplier<NodeLanes> engine) throws Exception {
    NodeLanes h = engine.get();
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

  /** The intrinsic path skips MessageDigest's checks, so out-of-range offsets must still fail cleanly. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("engines")
  void outOfRangeOffsetsFailWithoutTouchingMemory(String name, Supplier<NodeLanes> engine) {
    NodeLanes h = engine.get();
    byte[] src = new byte[64 * 4];
    byte[] dst = new byte[32 * 4];
    assertThatThrownBy(() -> h.nodes(src, 64, dst, 0, 4)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> h.nodes(src, -64, dst, 0, 1)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> h.nodes(src, 0, dst, 100, 1)).isInstanceOf(IndexOutOfBoundsException.class);
  }
}
