package venus.market.core.cbor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import venus.market.core.multiformats.Cid;
import venus.market.core.multiformats.Multicodec;
import venus.market.core.multiformats.Multihash;

class CborWriterTest {

  private static final HexFormat HEX = HexFormat.of();

  /** deps.md §2: produced byte-for-byte by Jackson streaming and by co.nstant.in, and derived by hand. */
  static final String DEPS_VECTOR = "a4616101626262"
      + "8e0017181818ff19010019ffff1a000100001affffffff1b00000001000000002037381838ff390100"
      + "626464fb3ff8000000000000"
      + "63636964d82a58250001551220e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  @Test
  void writesTheDepsKnownAnswerVector() {
    CborWriter w = new CborWriter();
    w.writeMapHeader(4);
    w.writeText("a").writeUint64(1);
    w.writeText("bb").writeArrayHeader(14);
    for (long v : new long[] {0, 23, 24, 255, 256, 65535, 65536, 4294967295L, 4294967296L, -1, -24, -25, -256, -257}) {
      w.writeInt64(v);
    }
    w.writeText("dd").writeFloat64(1.5);
    w.writeText("cid").writeCid(Cid.v1(Multicodec.RAW, Multihash.sha256(new byte[0])));
    assertThat(HEX.formatHex(w.toByteArray())).isEqualTo(DEPS_VECTOR);
  }

  @ParameterizedTest
  @CsvSource({
      "0, 40", "1000, 430003e8", "-1000, 430103e8", "255, 4200ff", "256, 43000100", "-1, 420101",
      "1000000000000000000, 49000de0b6b3a7640000"})
  void writesFilecoinBigInts(String value, String hex) {
    byte[] bytes = new CborWriter().writeBigInt(new BigInteger(value)).toByteArray();
    assertThat(HEX.formatHex(bytes)).isEqualTo(hex);
    assertThat(CborReader.decode(bytes, CborReader::readBigInt)).isEqualTo(new BigInteger(value));
  }

  @ParameterizedTest
  @CsvSource({
      "0, 00", "23, 17", "24, 1818", "255, 18ff", "256, 190100", "65536, 1a00010000",
      "-1, 1bffffffffffffffff", "-9223372036854775808, 1b8000000000000000"})
  void writesUint64AsUnsigned(long unsigned, String hex) {
    assertThat(HEX.formatHex(new CborWriter().writeUint64(unsigned).toByteArray())).isEqualTo(hex);
  }

  @Test
  void writesExtremeIntegers() {
    BigInteger min = BigInteger.ONE.shiftLeft(64).negate();
    BigInteger max = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    assertThat(HEX.formatHex(new CborWriter().writeInteger(min).toByteArray())).isEqualTo("3bffffffffffffffff");
    assertThat(HEX.formatHex(new CborWriter().writeInteger(max).toByteArray())).isEqualTo("1bffffffffffffffff");
    assertThat(HEX.formatHex(new CborWriter().writeInt64(Long.MIN_VALUE).toByteArray())).isEqualTo("3b7fffffffffffffff");
    assertThatThrownBy(() -> new CborWriter().writeInteger(min.subtract(BigInteger.ONE)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CborWriter().writeInteger(max.add(BigInteger.ONE)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void writesSimpleValuesStringsAndNullableCids() {
    CborWriter w = new CborWriter();
    w.writeArrayHeader(6).writeBool(false).writeBool(true).writeNull().writeText("é").writeBytes(new byte[0])
        .writeNullableCid(null);
    assertThat(HEX.formatHex(w.toByteArray())).isEqualTo("86f4f5f662c3a940f6");
  }

  @Test
  void streamsToAnOutputStream() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CborWriter w = new CborWriter(out);
    w.writeArrayHeader(2).writeUint64(1).writeText("x");
    w.requireComplete();
    assertThat(HEX.formatHex(out.toByteArray())).isEqualTo("820161" + "78");
    assertThatThrownBy(w::toByteArray).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void sortsKeysLengthFirst() {
    assertThat(MapKeyOrder.sorted(List.of("ccc", "bb", "d", "a", "ab"))).containsExactly("a", "d", "ab", "bb", "ccc");
  }

  @Test
  void refusesUnsortedOrDuplicateKeys() {
    CborWriter w = new CborWriter().writeMapHeader(2).writeText("bb").writeUint64(1);
    assertThatThrownBy(() -> w.writeText("a")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("out of canonical order");
    CborWriter dup = new CborWriter().writeMapHeader(2).writeText("a").writeUint64(1);
    assertThatThrownBy(() -> dup.writeText("a")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("duplicate map key");
  }

  @Test
  void refusesNonTextKeysAndIncompleteContainers() {
    assertThatThrownBy(() -> new CborWriter().writeMapHeader(1).writeUint64(1))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("map key");
    assertThatThrownBy(() -> new CborWriter().writeArrayHeader(2).writeUint64(1).toByteArray())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("still open");
  }

  @Test
  void refusesNonFiniteFloats() {
    assertThatThrownBy(() -> new CborWriter().writeFloat64(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CborWriter().writeFloat64(Double.NEGATIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void encodesCborEncodableValues() {
    CborEncodable pair = w -> w.writeArrayHeader(2).writeUint64(7).writeText("x");
    assertThat(HEX.formatHex(pair.toCbor())).isEqualTo("82076178");
    assertThat(HEX.formatHex(new CborWriter().writeArrayHeader(1).write(pair).toByteArray())).isEqualTo("8182076178");
  }
}
