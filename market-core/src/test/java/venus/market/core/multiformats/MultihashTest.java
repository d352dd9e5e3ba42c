package venus.market.core.multiformats;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Vectors: the multihash spec's sha2-256 example ("Merkle–Damgård") and the NIST sha256("") digest. */
class MultihashTest {

  private static final HexFormat HEX = HexFormat.of();

  @Test
  void encodesSha256AsTheSpecExample() {
    Multihash mh = Multihash.sha256("Merkle–Damgård".getBytes(UTF_8));
    assertThat(HEX.formatHex(mh.bytes()))
        .isEqualTo("122041dd7b6443542e75701aa98a0c235951a28a0d851b11564d20022ab11d2589a8");
    assertThat(Multihash.decode(mh.bytes())).isEqualTo(mh);
  }

  @Test
  void exposesCodeAndDigest() {
    Multihash mh = Multihash.sha256(new byte[0]);
    assertThat(mh.code()).isEqualTo(Multicodec.SHA2_256);
    assertThat(HEX.formatHex(mh.digest()))
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    assertThat(mh).hasToString("sha2-256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  }

  @Test
  void encodesMultiByteCodes() {
    Multihash mh = Multihash.of(Multicodec.BLAKE2B_256, new byte[32]);
    assertThat(mh.bytes()).startsWith(HEX.parseHex("a0e40220"));
    assertThat(mh.encodedLength()).isEqualTo(36);
    Multihash id = Multihash.identity(new byte[] {1, 2});
    assertThat(id.bytes()).containsExactly(0, 2, 1, 2);
  }

  @Test
  void isImmutable() {
    byte[] digest = new byte[] {1, 2, 3};
    Multihash mh = Multihash.of(Multicodec.IDENTITY, digest);
    digest[0] = 9;
    mh.digest()[1] = 9;
    assertThat(mh.digest()).containsExactly(1, 2, 3);
  }

  @Test
  void rejectsBadInput() {
    assertThatThrownBy(() -> Multihash.decode(HEX.parseHex("1220aabb")))
        .isInstanceOf(MultiformatsException.class).hasMessageContaining("exceeds the 2 remaining");
    assertThatThrownBy(() -> Multihash.decode(HEX.parseHex("0001aabb")))
        .isInstanceOf(MultiformatsException.class).hasMessageContaining("trailing byte");
    assertThatThrownBy(() -> Multihash.decode(HEX.parseHex("12")))
        .isInstanceOf(MultiformatsException.class).hasMessageContaining("truncated varint");
    assertThatThrownBy(() -> Multihash.decode(HEX.parseHex("12ffffffffffffffff7f")))
        .isInstanceOf(MultiformatsException.class).hasMessageContaining("exceeds");
  }
}
