package venus.market.core.multiformats;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Vectors: multiformats/multibase tests/ (basic, leading zero, case-insensitive) and the IETF base58 draft §5. */
class MultibaseTest {

  private static final byte[] YES_MANI = "yes mani !".getBytes(UTF_8);

  @ParameterizedTest
  @CsvSource({
      "BASE16, f796573206d616e692021",
      "BASE16_UPPER, F796573206D616E692021",
      "BASE32, bpfsxgidnmfxgsibb",
      "BASE32_UPPER, BPFSXGIDNMFXGSIBB",
      "BASE58_BTC, z7paNL19xttacUY",
      "BASE64, meWVzIG1hbmkgIQ",
      "BASE64_PAD, MeWVzIG1hbmkgIQ==",
      "BASE64_URL, ueWVzIG1hbmkgIQ",
      "BASE64_URL_PAD, UeWVzIG1hbmkgIQ=="})
  void matchesTheMultibaseBasicVector(Multibase base, String expected) {
    assertThat(base.encode(YES_MANI)).isEqualTo(expected);
    assertThat(Multibase.decode(expected)).isEqualTo(YES_MANI);
    assertThat(Multibase.forPrefix(expected.charAt(0))).isEqualTo(base);
  }

  @Test
  void keepsLeadingZeroBytes() {
    byte[] oneZero = ("\0yes mani !").getBytes(UTF_8);
    byte[] twoZeros = ("\0\0yes mani !").getBytes(UTF_8);
    assertThat(Multibase.BASE58_BTC.encode(oneZero)).isEqualTo("z17paNL19xttacUY");
    assertThat(Multibase.BASE58_BTC.encode(twoZeros)).isEqualTo("z117paNL19xttacUY");
    assertThat(Multibase.BASE32.encode(oneZero)).isEqualTo("bab4wk4zanvqw42jaee");
    assertThat(Multibase.decode("z117paNL19xttacUY")).isEqualTo(twoZeros);
    assertThat(Multibase.decode("bab4wk4zanvqw42jaee")).isEqualTo(oneZero);
  }

  @Test
  void base32DecodingIgnoresCase() {
    assertThat(Multibase.decode("bnbswy3dpeB3W64TMMQ")).isEqualTo("hello world".getBytes(UTF_8));
    assertThat(Multibase.decode("Bnbswy3dpeB3W64TMMQ")).isEqualTo("hello world".getBytes(UTF_8));
    assertThat(Multibase.decode("f68656c6c6f20776F726C64")).isEqualTo("hello world".getBytes(UTF_8));
  }

  @Test
  void base58MatchesIetfDraftVectors() {
    assertThat(Base58.encode("Hello World!".getBytes(UTF_8))).isEqualTo("2NEpo7TZRRrLZSi2U");
    assertThat(Base58.encode(HexFormat.of().parseHex("0000287fb4cd"))).isEqualTo("11233QC4");
    assertThat(Base58.decode("11233QC4")).isEqualTo(HexFormat.of().parseHex("0000287fb4cd"));
    assertThat(Base58.encode(new byte[0])).isEmpty();
    assertThat(Base58.decode("")).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Multibase.class)
  void roundTripsRandomBytesOfEveryLength(Multibase base) {
    Random random = new Random(42);
    for (int len = 0; len < 70; len++) {
      byte[] data = new byte[len];
      random.nextBytes(data);
      if (len > 2) {
        data[0] = 0;
      }
      assertThat(Multibase.decode(base.encode(data))).as("length %d", len).isEqualTo(data);
    }
  }

  @ParameterizedTest
  @CsvSource({
      "'', empty multibase",
      "x123, unsupported multibase prefix 'x'",
      "bab4wk4zanvqw42jae=, invalid base32 character '='",
      "b1, invalid base32 length",
      "baaa, invalid base32 length",
      "bab, non-canonical base32",
      "z0, invalid base58 character '0'",
      "zl, invalid base58 character 'l'",
      "m!!, invalid base64",
      "ueWVz+G1hbmkgIQ, invalid base64url",
      "fabc, invalid base16"})
  void rejectsMalformedStrings(String text, String message) {
    assertThatThrownBy(() -> Multibase.decode(text))
        .isInstanceOf(MultiformatsException.class).hasMessageContaining(message);
  }

  @Test
  void base58RefusesOverlongInput() {
    assertThatThrownBy(() -> Base58.decode("2".repeat(Base58.MAX_DECODE_LENGTH + 1)))
        .isInstanceOf(MultiformatsException.class).hasMessageContaining("exceeds the limit");
  }
}
