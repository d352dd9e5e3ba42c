package venus.market.core.multiformats;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.OptionalLong;

/**
 * Varints (every length prefix on the wire and in CAR files), multihashes and multibase strings: hostile input fails
 * only with a MultiformatsException; accepted varints are minimal and all readers agree on them.
 */
class MultiformatsFuzzTest {

  @FuzzTest(maxDuration = "10s")
  void varintReadersAgreeAndFailOnlyWithMultiformatsException(byte[] input) throws IOException {
    Varint.Decoded d;
    try {
      d = Varint.decode(input, 0);
    } catch (MultiformatsException expected) {
      d = null;
    }
    Long fromBuffer;
    try {
      fromBuffer = Varint.read(ByteBuffer.wrap(input));
    } catch (MultiformatsException expected) {
      fromBuffer = null;
    }
    Long fromStream;
    try {
      OptionalLong l = Varint.readIfPresent(new ByteArrayInputStream(input));
      fromStream = l.isPresent() ? l.getAsLong() : null;
    } catch (MultiformatsException expected) {
      fromStream = null;
    }
    if (d == null) {
      assertThat(fromBuffer).isNull();
      assertThat(fromStream).isNull();
      return;
    }
    assertThat(fromBuffer).isEqualTo(d.value());
    assertThat(fromStream).isEqualTo(d.value());
    assertThat(Varint.encode(d.value())).isEqualTo(java.util.Arrays.copyOf(input, d.length()));
  }

  @FuzzTest(maxDuration = "10s")
  void multihashAndMultibaseFailOnlyWithMultiformatsException(byte[] input) {
    try {
      Multihash m = Multihash.decode(input);
      assertThat(m.bytes()).isEqualTo(input);
    } catch (MultiformatsException expected) {
      // rejected input is fine
    }
    String text = new String(input, ISO_8859_1);
    try {
      byte[] data = Multibase.decode(text);
      assertThat(Multibase.decode(Multibase.forPrefix(text.charAt(0)).encode(data))).isEqualTo(data);
    } catch (MultiformatsException expected) {
      // rejected input is fine
    }
  }
}
