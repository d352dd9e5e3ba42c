package venus.market.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static venus.market.core.crypto.CryptoVectors.hex;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Blake2bTest {

  private static final byte[] ABC = "abc".getBytes(StandardCharsets.US_ASCII);

  @Test
  void matchesKnownAnswers() {
    assertThat(hex(Blake2b.sum256(new byte[0])))
        .isEqualTo("0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8");
    assertThat(hex(Blake2b.sum160(new byte[0]))).isEqualTo("3345524abf6bbe1809449224b5972c41790b6cf2");
    assertThat(hex(Blake2b.sum160(ABC))).isEqualTo("384264f676f39536840523f284921cdc68b6846b");
    // RFC 7693 appendix A: BLAKE2b-512("abc").
    assertThat(hex(Blake2b.hash(ABC, 64))).isEqualTo("ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d1"
        + "7d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923");
  }

  @Test
  void streamingEqualsOneShotAtEverySplit() {
    byte[] data = new byte[300];
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) (i * 7);
    }
    byte[] expected = Blake2b.sum256(data);
    for (int split = 0; split <= data.length; split += 13) {
      byte[] got = Blake2b.newHasher(32).update(data, 0, split).update(data, split, data.length - split).digest();
      assertThat(got).isEqualTo(expected);
    }
    ByteBuffer direct = ByteBuffer.allocateDirect(data.length).put(data).flip();
    assertThat(Blake2b.newHasher(32).update(direct).digest()).isEqualTo(expected);
    assertThat(direct.hasRemaining()).isFalse();
    assertThat(Blake2b.newHasher(32).update(ByteBuffer.wrap(data)).digest()).isEqualTo(expected);
  }

  @Test
  void rejectsBadDigestLengthAndReuse() {
    assertThatThrownBy(() -> Blake2b.newHasher(0)).isInstanceOf(CryptoException.class);
    assertThatThrownBy(() -> Blake2b.newHasher(65)).isInstanceOf(CryptoException.class);
    Blake2b h = Blake2b.newHasher(4);
    assertThat(h.digestLength()).isEqualTo(4);
    h.digest();
    assertThatThrownBy(h::digest).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void sha256MatchesFips180() {
    assertThat(hex(Sha256.hash(ABC))).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(hex(Sha256.hash(new byte[] {9, 'a', 'b', 'c', 9}, 1, 3))).isEqualTo(hex(Sha256.hash(ABC)));
  }
}
