package venus.market.core.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static venus.market.core.market.MarketVectors.hex;

import org.junit.jupiter.api.Test;
import venus.market.core.MarketException;
import venus.market.core.cbor.CborException;
import venus.market.core.cbor.CborReader;

/** The cases of go-state-types builtin/v17/market deal_test.go TestDealLabel, plus decoding limits. */
class DealLabelTest {

  private static DealLabel decode(String h) {
    return CborReader.decode(hex(h), DealLabel::read);
  }

  @Test
  void emptyLabelIsTheEmptyTextString() {
    assertThat(hex(DealLabel.EMPTY.toCbor())).isEqualTo("60");
    assertThat(hex(DealLabel.ofString("").toCbor())).isEqualTo("60");
    DealLabel back = decode("60");
    assertThat(back.isString()).isTrue();
    assertThat(back.asString()).isEmpty();
    assertThat(back).isEqualTo(DealLabel.EMPTY);
  }

  @Test
  void byteLabelIsAByteString() {
    DealLabel l = DealLabel.ofBytes(hex("cafeb00a"));
    assertThat(hex(l.toCbor())).isEqualTo("44cafeb00a");
    DealLabel back = decode("44cafeb00a");
    assertThat(back.isBytes()).isTrue();
    assertThat(back.bytes()).isEqualTo(hex("cafeb00a"));
    assertThat(back.jsonString()).isEmpty();
    assertThatThrownBy(back::asString).isInstanceOf(MarketException.class);
  }

  @Test
  void stringLabelIsATextString() {
    String s = "i am a label, turn me into cbor maj typ 3 plz";
    DealLabel l = DealLabel.ofString(s);
    assertThat(l.toCbor()[0]).isEqualTo((byte) 0x78);
    DealLabel back = CborReader.decode(l.toCbor(), DealLabel::read);
    assertThat(back.isString()).isTrue();
    assertThat(back.asString()).isEqualTo(s);
    assertThat(back.jsonString()).isEqualTo(s);
  }

  @Test
  void sameBytesDifferentKindAreDifferentLabels() {
    assertThat(DealLabel.ofString("ab")).isNotEqualTo(DealLabel.ofBytes("ab".getBytes()));
    assertThat(hex(DealLabel.ofString("ab").toCbor())).isEqualTo("626162");
    assertThat(hex(DealLabel.ofBytes("ab".getBytes()).toCbor())).isEqualTo("426162");
  }

  @Test
  void constructorsEnforceTheActorLimit() {
    assertThat(DealLabel.ofString("x".repeat(256)).length()).isEqualTo(256);
    assertThatThrownBy(() -> DealLabel.ofString("x".repeat(257))).isInstanceOf(MarketException.class)
        .hasMessageContaining("257");
    assertThatThrownBy(() -> DealLabel.ofBytes(new byte[257])).isInstanceOf(MarketException.class);
    // 86 three-byte characters = 258 UTF-8 bytes: the limit counts bytes, not chars.
    assertThatThrownBy(() -> DealLabel.ofString("€".repeat(86))).isInstanceOf(MarketException.class);
    assertThatThrownBy(() -> DealLabel.ofString("\ud800")).isInstanceOf(MarketException.class)
        .hasMessageContaining("UTF-8");
  }

  @Test
  void decodingAcceptsLongLabelsLikeGo() {
    // Go decodes up to 2 MiB; the 256-byte limit is the actor's business.
    DealLabel l = decode("590200" + "61".repeat(512));
    assertThat(l.length()).isEqualTo(512);
  }

  @Test
  void decodingRejectsOtherTypesAndInvalidUtf8() {
    assertThatThrownBy(() -> decode("01")).isInstanceOf(CborException.class).hasMessageContaining("DealLabel");
    assertThatThrownBy(() -> decode("f6")).isInstanceOf(CborException.class);
    assertThatThrownBy(() -> decode("64deadbeef")).isInstanceOf(CborException.class)
        .hasMessageContaining("UTF-8");
  }
}
