package venus.market.core.multiformats;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Vectors: piece CIDs from go-fil-commcid / go-commp-utils tests and lotus commP output (vectors/README.md), the
 * cat.png.car root from go-data-segment, the CID spec's v0/v1 example, and well-known sha2-256 CIDs.
 */
class CidTest {

  private static final HexFormat HEX = HexFormat.of();

  @ParameterizedTest
  @ValueSource(strings = {
      "baga6ea4seaqes3nobte6ezpp4wqan2age2s5yxcatzotcvobhgcmv5wi2xh5mbi",
      "baga6ea4seaqao7s73y24kcutaosvacpdjgfe5pw76ooefnyqw4ynr3d2y6x2mpq",
      "baga6ea4seaqae5ysjdbsr4b5jhotaz5ooh62jrrdbxwygfpkkfjz44kvywycmgy"})
  void parsesPieceCids(String text) {
    Cid cid = Cid.parse(text);
    assertThat(cid.version()).isEqualTo(1);
    assertThat(cid.codec()).isEqualTo(Multicodec.FIL_COMMITMENT_UNSEALED);
    assertThat(cid.multihash().code()).isEqualTo(Multicodec.SHA2_256_TRUNC254_PADDED);
    assertThat(cid.multihash().digestLength()).isEqualTo(32);
    assertThat(cid.bytes()).startsWith(HEX.parseHex("0181e203922020"));
    assertThat(cid.toString()).isEqualTo(text);
    assertThat(Cid.decode(cid.bytes())).isEqualTo(cid);
  }

  @Test
  void matchesTheCarRootOfCatPng() {
    // root CID bytes as stored in the header of go-data-segment's cat.png.car; string from its lotus commP listing
    byte[] bytes = HEX.parseHex("0155a0e402201b45de314a482e93d1fd64a0f85035087d5bc16989e483b4dac1f060c9466caa");
    Cid cid = Cid.decode(bytes);
    assertThat(cid.codec()).isEqualTo(Multicodec.RAW);
    assertThat(cid.multihash().code()).isEqualTo(Multicodec.BLAKE2B_256);
    assertThat(cid).hasToString("bafk2bzaceanulxrrjjec5e6r7vskb6cqgueh2w6bnge6ja5u3la7aygjizwku");
    assertThat(Cid.parse(cid.toString()).bytes()).isEqualTo(bytes);
  }

  @Test
  void computesSha256CidsOfKnownContent() {
    Cid raw = Cid.v1(Multicodec.RAW, Multihash.sha256(new byte[0]));
    assertThat(raw).hasToString("bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku");
    // the empty UnixFS directory node (dag-pb bytes 0a 02 08 01)
    Cid emptyDir = Cid.v0(Multihash.sha256(HEX.parseHex("0a020801")));
    assertThat(emptyDir).hasToString("QmUNLLsPACCz1vLxQVkXqqLX5R1X345qqfHbsf67hvA3Nn");
    assertThat(emptyDir.codec()).isEqualTo(Multicodec.DAG_PB);
    assertThat(emptyDir.bytes()).hasSize(34);
  }

  @Test
  void convertsBetweenV0AndV1AsTheCidSpecShows() {
    Cid v0 = Cid.parse("QmbWqxBEKC3P8tqsKc98xmWNzrzDtRLMiMPL8wBuTGsMnR");
    Cid v1 = Cid.parse("bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi");
    assertThat(v0.version()).isZero();
    assertThat(v0.toV1()).isEqualTo(v1);
    assertThat(v0).isNotEqualTo(v1);
    assertThat(v1.multihash()).isEqualTo(v0.multihash());
    assertThat(v0.toString(Multibase.BASE58_BTC)).isEqualTo("QmbWqxBEKC3P8tqsKc98xmWNzrzDtRLMiMPL8wBuTGsMnR");
  }

  @Test
  void parsesOtherMultibases() {
    Cid cid = Cid.v1(Multicodec.DAG_CBOR, Multihash.sha256("x".getBytes(UTF_8)));
    for (Multibase base : Multibase.values()) {
      assertThat(Cid.parse(cid.toString(base))).as(base.name()).isEqualTo(cid);
    }
    assertThat(Cid.parse(cid.toString().toUpperCase(java.util.Locale.ROOT).replaceFirst("^B", "b"))).isEqualTo(cid);
  }

  @Test
  void readsConsecutiveCidsFromABuffer() {
    Cid a = Cid.v1(Multicodec.RAW, Multihash.identity(new byte[] {1, 2, 3}));
    Cid b = Cid.v0(Multihash.sha256(new byte[] {9}));
    ByteBuffer buf = ByteBuffer.allocate(a.encodedLength() + b.encodedLength() + 1);
    buf.put(a.bytes()).put(b.bytes()).put((byte) 7).flip();
    assertThat(Cid.read(buf)).isEqualTo(a);
    assertThat(Cid.read(buf)).isEqualTo(b);
    assertThat(buf.get()).isEqualTo((byte) 7);
  }

  @Test
  void equalCidsHaveEqualHashCodes() {
    Cid a = Cid.parse("bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku");
    Cid b = Cid.v1(Multicodec.RAW, Multihash.sha256(new byte[0]));
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
  }

  @ParameterizedTest
  @CsvSource({
      "02551220e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855, unsupported CID version 2",
      "00551220e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855, unsupported CID version 0",
      "01551220e3b0, exceeds the 2 remaining",
      "015512, truncated varint",
      "1220e3b0c442, truncated CIDv0",
      "0155000000, trailing byte",
      "0180005512, non-minimal",
      "'', truncated varint"})
  void rejectsMalformedBinaryCids(String hex, String message) {
    assertThatThrownBy(() -> Cid.decode(HEX.parseHex(hex)))
        .isInstanceOf(MultiformatsException.class).hasMessageContaining(message);
  }

  @ParameterizedTest
  @CsvSource({
      "'', empty multibase",
      "Qm, invalid CID",
      "bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvykv, non-canonical base32",
      "QmUNLLsPACCz1vLxQVkXqqLX5R1X345qqfHbsf67hvA3N0, invalid base58 character '0'",
      "hello, unsupported multibase prefix"})
  void rejectsMalformedStrings(String text, String message) {
    assertThatThrownBy(() -> Cid.parse(text))
        .isInstanceOf(MultiformatsException.class).hasMessageContaining(message);
  }

  @Test
  void rejectsHugeStringsBeforeDecoding() {
    assertThatThrownBy(() -> Cid.parse("z" + "2".repeat(Cid.MAX_STRING_LENGTH)))
        .isInstanceOf(MultiformatsException.class).hasMessageContaining("longer than");
  }

  @Test
  void v0NeedsSha256AndOnlyPrintsInBase58() {
    assertThatThrownBy(() -> Cid.v0(Multihash.identity(new byte[32])))
        .isInstanceOf(MultiformatsException.class).hasMessageContaining("CIDv0 needs");
    Cid v0 = Cid.v0(Multihash.sha256(new byte[0]));
    assertThatThrownBy(() -> v0.toString(Multibase.BASE32))
        .isInstanceOf(MultiformatsException.class).hasMessageContaining("only be written in base58btc");
  }
}
