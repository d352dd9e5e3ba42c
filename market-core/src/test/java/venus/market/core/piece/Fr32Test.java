package venus.market.core.piece;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class Fr32Test {

  /** The definition, bit by bit: input bit i goes to element i/254, bit i%254 of its little-endian 256 bits. */
  private static byte[] referencePad(byte[] in) {
    byte[] out = new byte[in.length / 127 * 128];
    for (int block = 0; block < in.length / 127; block++) {
      for (int i = 0; i < 1016; i++) {
        int bit = (in[block * 127 + i / 8] >>> (i % 8)) & 1;
        int element = i / 254;
        int pos = i % 254;
        out[block * 128 + element * 32 + pos / 8] |= (byte) (bit << (pos % 8));
      }
    }
    return out;
  }

  @Test
  void matchesBitLevelDefinitionOnRandomBlocks() {
    byte[] in = new byte[127 * 64];
    new Random(42).nextBytes(in);
    byte[] out = new byte[128 * 64];
    Fr32.pad(in, 0, out, 0, 64);
    assertThat(out).isEqualTo(referencePad(in));
  }

  @Test
  void allOnesLeaveTopTwoBitsOfEveryElementClear() {
    byte[] in = new byte[127];
    java.util.Arrays.fill(in, (byte) 0xff);
    byte[] out = new byte[128];
    Fr32.pad(in, 0, out, 0, 1);
    for (int e = 0; e < 4; e++) {
      for (int i = 0; i < 31; i++) {
        assertThat(out[e * 32 + i]).isEqualTo((byte) 0xff);
      }
      assertThat(out[e * 32 + 31]).isEqualTo((byte) 0x3f);
    }
  }

  @Test
  void firstThirtyOneBytesPassThroughAndOffsetsAreHonoured() {
    byte[] in = new byte[3 + 127];
    new Random(7).nextBytes(in);
    byte[] out = new byte[5 + 128];
    Fr32.pad(in, 3, out, 5, 1);
    for (int i = 0; i < 31; i++) {
      assertThat(out[5 + i]).isEqualTo(in[3 + i]);
    }
    assertThat(out[5 + 31]).isEqualTo((byte) (in[3 + 31] & 0x3f));
    assertThat(out[5 + 32]).isEqualTo((byte) (((in[3 + 31] & 0xff) >>> 6) | (in[3 + 32] << 2)));
  }
}
