package venus.market.core.cbor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import venus.market.core.multiformats.Cid;

class CborReaderTest {

  private static final HexFormat HEX = HexFormat.of();

  @Test
  void readsTheDepsKnownAnswerVector() {
    CborReader r = new CborReader(HEX.parseHex(CborWriterTest.DEPS_VECTOR));
    assertThat(r.readMapHeader()).isEqualTo(4);
    assertThat(r.readMapKey()).isEqualTo("a");
    assertThat(r.readUint64()).isEqualTo(1);
    assertThat(r.readMapKey()).isEqualTo("bb");
    List<Long> ints = new ArrayList<>();
    for (int i = r.readArrayHeader(); i > 0; i--) {
      ints.add(r.readInt64());
    }
    assertThat(ints).containsExactly(0L, 23L, 24L, 255L, 256L, 65535L, 65536L, 4294967295L, 4294967296L,
        -1L, -24L, -25L, -256L, -257L);
    assertThat(r.readMapKey()).isEqualTo("dd");
    assertThat(r.readFloat64()).isEqualTo(1.5);
    assertThat(r.readMapKey()).isEqualTo("cid");
    assertThat(r.readCid()).isEqualTo(Cid.parse("bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku"));
    r.requireEnd();
  }

  @Test
  void roundTripsTheVectorThroughTheGenericWalker() {
    byte[] bytes = HEX.parseHex(CborWriterTest.DEPS_VECTOR);
    assertThat(CborCopy.roundTrip(bytes)).isEqualTo(bytes);
  }

  @Test
  void peeksWithoutConsuming() {
    CborReader r = new CborReader(HEX.parseHex("8700204040f4f6fb3ff8000000000000"));
    assertThat(r.peekType()).isEqualTo(CborType.ARRAY);
    assertThat(r.readArrayHeader()).isEqualTo(7);
    assertThat(r.peekType()).isEqualTo(CborType.UNSIGNED_INT);
    r.skipValue();
    assertThat(r.peekType()).isEqualTo(CborType.NEGATIVE_INT);
    r.skipValue();
    assertThat(r.peekType()).isEqualTo(CborType.BYTES);
    assertThat(r.readBytes()).isEmpty();
    assertThat(r.readBigInt()).isEqualTo(BigInteger.ZERO);
    assertThat(r.peekType()).isEqualTo(CborType.BOOLEAN);
    assertThat(r.readBool()).isFalse();
    assertThat(r.readNullIfPresent()).isTrue();
    assertThat(r.readNullIfPresent()).isFalse();
    assertThat(r.peekType()).isEqualTo(CborType.FLOAT64);
    r.skipValue();
    r.requireEnd();
  }

  @Test
  void readsTuplesAndSkipsNestedValues() {
    // [1, {"a": [h'', {"b": null}], "bb": 2}, "x"]
    CborReader r = new CborReader(HEX.parseHex("8301a261618240a16162f6626262026178"));
    r.readTupleHeader("Demo", 3);
    assertThat(r.readUint64()).isEqualTo(1);
    r.skipValue();
    assertThat(r.readText()).isEqualTo("x");
    r.requireEnd();
  }

  @Test
  void readsNullableCids() {
    CborReader r = new CborReader(HEX.parseHex("82f6d82a5825" + "0001551220e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
    r.readArrayHeader();
    assertThat(r.readNullableCid()).isEmpty();
    assertThat(r.readNullableCid()).isPresent();
    r.requireEnd();
  }

  @Test
  void readsFromTheBufferPosition() {
    ByteBuffer buf = ByteBuffer.wrap(HEX.parseHex("ffff0a"));
    buf.position(2);
    CborReader r = new CborReader(buf);
    assertThat(r.readUint64()).isEqualTo(10);
    assertThat(r.offset()).isEqualTo(1);
    assertThat(r.isAtEnd()).isTrue();
  }

  @Test
  void readsUint64AboveLongMaxAsUnsigned() {
    assertThat(CborReader.decode(HEX.parseHex("1bffffffffffffffff"), CborReader::readUint64)).isEqualTo(-1L);
    assertThat(CborReader.decode(HEX.parseHex("3bffffffffffffffff"), CborReader::readInteger))
        .isEqualTo(BigInteger.ONE.shiftLeft(64).negate());
  }

  /** Each case: hex input, what to read, and a fragment of the expected message (offset included where useful). */
  @ParameterizedTest(name = "{0} -> {2}")
  @CsvSource(delimiter = '|', value = {
      // non-minimal integers and lengths
      "1801 | uint | offset 0: non-minimal encoding of 1",
      "1900ff | uint | non-minimal encoding of 255",
      "1a0000ffff | uint | non-minimal encoding of 65535",
      "1b00000000ffffffff | uint | non-minimal encoding of 4294967295",
      "3817 | int | non-minimal",
      "5801ff | bytes | non-minimal",
      "7801 | text | non-minimal",
      "9801 | array | non-minimal",
      "b90000 | map | non-minimal",
      // indefinite lengths and reserved info
      "5f41ff | bytes | indefinite-length",
      "7f | text | indefinite-length",
      "9f01ff | array | indefinite-length",
      "bfff | map | indefinite-length",
      "ff | any | unexpected break",
      "1c | uint | reserved additional information 28",
      // tags and simple values
      "c11a514b67b0 | any | tag 1 is not allowed",
      "d82b4100 | cid | tag 43 is not allowed",
      "f7 | any | undefined is not allowed",
      "f0 | any | simple value",
      "f820 | any | simple value",
      "f93c00 | any | only 64-bit floats",
      "fa3fc00000 | any | 32-bit float",
      "fb7ff8000000000000 | float | is not allowed in DAG-CBOR",
      "fb7ff0000000000000 | float | Infinity is not allowed",
      "fbfff0000000000000 | float | -Infinity is not allowed",
      // truncation and lengths beyond the input
      "'' | uint | unexpected end of input",
      "19 | uint | unexpected end of input",
      "1b00000001 | uint | unexpected end of input",
      "43aabb | bytes | length 3 exceeds the 2 remaining",
      "5bffffffffffffffff | bytes | exceeds the limit",
      "63616263 | bytes | expected a byte string, got text string",
      "9a7fffffff | array | cannot fit in the 0 remaining",
      "9bffffffffffffffff | array | exceeds the limit",
      "a3616101 | map | cannot fit",
      "82010101 | any | trailing byte",
      "828101 | array | input ends inside 1 unfinished",
      // map keys
      "a2616201616101 | any | out of canonical order",
      "a262626201616101 | any | offset 5: map key \"a\" is out of canonical order",
      "a2616101616102 | any | duplicate map key \"a\"",
      "a10101 | any | expected a text string map key",
      "a1410101 | any | expected a text string map key",
      // text
      "62c328 | text | not valid UTF-8",
      "63eda080 | text | not valid UTF-8",
      // CIDs
      "d82a40 | cid | CID byte string too short",
      "d82a420155 | cid | must start with the 0x00 multibase prefix",
      "d82a4400015500 | cid | invalid CID",
      "d82a01 | cid | expected a byte string inside tag 42",
      "d82a4400020000 | cid | unsupported CID version 2",
      "d82a590201 | cid | exceeds the limit of 512",
      // BigInt
      "4102 | bigint | sign byte must be 0x00 or 0x01",
      "4100 | bigint | sign byte but no magnitude",
      "43000001 | bigint | leading zero byte",
      "5881" + "00 | bigint | exceeds the limit of 128",
      // type mismatches and int64 overflow
      "20 | uint | expected an unsigned integer, got negative integer",
      "1b8000000000000000 | int | does not fit in int64",
      "3b8000000000000000 | int | does not fit in int64",
      "f6 | int | expected an integer, got null",
      "f5 | null | expected null, got boolean",
      "01 | bool | expected a boolean",
      "f4 | float | expected a float64",
      "8101 | tuple | Demo: expected a tuple of 2 fields, got 1",
      "a0 | tuple | expected Demo (an array of 2 fields), got map of 0",
      "01 | key | not inside a map",
      // nesting depth
      "8181818181818181818181818181818181818181818181818181818181818181"
          + "8181818181818181818181818181818181818181818181818181818181818181" + "8101 | any | nesting deeper than 64"})
  void rejects(String hex, String read, String message) {
    byte[] bytes = HEX.parseHex(hex);
    assertThatThrownBy(() -> CborReader.decode(bytes, r -> {
      reader(read).accept(r);
      return null;
    })).isInstanceOf(CborException.class).hasMessageContaining(message);
  }

  @Test
  void reportsTheOffsetOfTheBadItem() {
    CborException e = org.junit.jupiter.api.Assertions.assertThrows(CborException.class,
        () -> CborCopy.roundTrip(HEX.parseHex("830102" + "1801")));
    assertThat(e.offset()).isEqualTo(3);
    assertThat(e).hasMessageStartingWith("CBOR at byte offset 3: ");
  }

  @Test
  void enforcesCallerLimits() {
    assertThatThrownBy(() -> new CborReader(HEX.parseHex("43010203")).readBytes(2))
        .isInstanceOf(CborException.class).hasMessageContaining("byte string of 3 bytes exceeds the limit of 2");
    assertThatThrownBy(() -> new CborReader(HEX.parseHex("63616263")).readText(2))
        .isInstanceOf(CborException.class).hasMessageContaining("exceeds the limit of 2");
    assertThatThrownBy(() -> new CborReader(HEX.parseHex("83010203")).readArrayHeader(2))
        .isInstanceOf(CborException.class).hasMessageContaining("exceeds the limit of 2");
    assertThatThrownBy(() -> new CborReader(HEX.parseHex("a1616101")).readMapHeader(0))
        .isInstanceOf(CborException.class).hasMessageContaining("exceeds the limit");
  }

  private static Consumer<CborReader> reader(String name) {
    return switch (name) {
      case "uint" -> CborReader::readUint64;
      case "int" -> CborReader::readInt64;
      case "bytes" -> CborReader::readBytes;
      case "text" -> CborReader::readText;
      case "array" -> CborReader::readArrayHeader;
      case "map" -> CborReader::readMapHeader;
      case "cid" -> CborReader::readCid;
      case "bigint" -> CborReader::readBigInt;
      case "float" -> CborReader::readFloat64;
      case "bool" -> CborReader::readBool;
      case "null" -> CborReader::readNull;
      case "key" -> CborReader::readMapKey;
      case "tuple" -> r -> r.readTupleHeader("Demo", 2);
      case "any" -> r -> CborCopy.copyItem(r, new CborWriter());
      default -> throw new IllegalArgumentException(name);
    };
  }
}
