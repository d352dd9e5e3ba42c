package venus.market.core.multiformats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VarintTest {

  private static final HexFormat HEX = HexFormat.of();

  // Examples from the multiformats unsigned-varint spec, plus the Filecoin codes listed in wire.md §6.
  @ParameterizedTest
  @CsvSource({
      "1, 01", "127, 7f", "128, 8001", "255, ff01", "300, ac02", "16384, 808001",
      "61697, 81e203", "61698, 82e203", "45600, a0e402", "4114, 9220",
      "9223372036854775807, ffffffffffffffff7f"})
  void encodesAndDecodesSpecExamples(long value, String hex) throws IOException {
    byte[] bytes = HEX.parseHex(hex);
    assertThat(Varint.encode(value)).isEqualTo(bytes);
    assertThat(Varint.size(value)).isEqualTo(bytes.length);
    assertThat(Varint.decode(bytes, 0)).isEqualTo(new Varint.Decoded(value, bytes.length));
    assertThat(Varint.read(ByteBuffer.wrap(bytes))).isEqualTo(value);
    assertThat(Varint.read(new ByteArrayInputStream(bytes))).isEqualTo(value);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Varint.write(value, out);
    assertThat(out.toByteArray()).isEqualTo(bytes);
  }

  @Test
  void zeroIsOneByte() {
    assertThat(Varint.encode(0)).containsExactly(0);
    assertThat(Varint.decode(new byte[] {0}, 0).value()).isZero();
  }

  @Test
  void decodesAtOffsetAndBufferAdvances() {
    byte[] bytes = HEX.parseHex("ff8001ac02");
    assertThat(Varint.decode(bytes, 1)).isEqualTo(new Varint.Decoded(128, 2));
    ByteBuffer buf = ByteBuffer.wrap(bytes, 1, 4);
    assertThat(Varint.read(buf)).isEqualTo(128);
    assertThat(Varint.read(buf)).isEqualTo(300);
    assertThat(buf.hasRemaining()).isFalse();
  }

  @ParameterizedTest
  @CsvSource({"8000", "ff00", "808000", "8180808000"})
  void rejectsNonMinimalEncodings(String hex) {
    assertThatThrownBy(() -> Varint.decode(HEX.parseHex(hex), 0))
        .isInstanceOf(MultiformatsException.class).hasMessageContaining("non-minimal");
    assertThatThrownBy(() -> Varint.read(ByteBuffer.wrap(HEX.parseHex(hex))))
        .isInstanceOf(MultiformatsException.class).hasMessageContaining("non-minimal");
  }

  @Test
  void rejectsMoreThanNineBytes() {
    byte[] tenBytes = HEX.parseHex("ffffffffffffffffff01");
    assertThatThrownBy(() -> Varint.decode(tenBytes, 0))
        .isInstanceOf(MultiformatsException.class).hasMessageContaining("longer than 9 bytes");
    assertThatThrownBy(() -> Varint.read(new ByteArrayInputStream(tenBytes)))
        .isInstanceOf(MultiformatsException.class).hasMessageContaining("longer than 9 bytes");
  }

  @Test
  void rejectsTruncatedInput() {
    assertThatThrownBy(() -> Varint.decode(HEX.parseHex("8080"), 0))
        .isInstanceOf(MultiformatsException.class).hasMessageContaining("truncated");
    assertThatThrownBy(() -> Varint.decode(new byte[0], 0))
        .isInstanceOf(MultiformatsException.class).hasMessageContaining("truncated");
    assertThatThrownBy(() -> Varint.read(ByteBuffer.wrap(HEX.parseHex("80"))))
        .isInstanceOf(MultiformatsException.class).hasMessageContaining("truncated");
    assertThatThrownBy(() -> Varint.read(new ByteArrayInputStream(HEX.parseHex("80"))))
        .isInstanceOf(MultiformatsException.class).hasMessageContaining("truncated");
  }

  @Test
  void streamDistinguishesCleanEndFromMissingValue() throws IOException {
    assertThat(Varint.readIfPresent(new ByteArrayInputStream(new byte[0]))).isEmpty();
    assertThatThrownBy(() -> Varint.read(new ByteArrayInputStream(new byte[0])))
        .isInstanceOf(MultiformatsException.class).hasMessageContaining("stream ended");
  }

  @Test
  void refusesToEncodeNegativeValues() {
    assertThatThrownBy(() -> Varint.encode(-1)).isInstanceOf(IllegalArgumentException.class);
  }
}
