package venus.market.core.amount;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ByteSizesTest {

  @Test
  void parsesLikeGoUnitsRamInBytes() {
    // The seed guide's set-ask flags: --min-piece-size=512b --max-piece-size=8M.
    assertThat(ByteSizes.parse("512b")).isEqualTo(512);
    assertThat(ByteSizes.parse("8M")).isEqualTo(8L << 20);
    assertThat(ByteSizes.parse("8MiB")).isEqualTo(8L << 20);
    assertThat(ByteSizes.parse("8 MiB")).isEqualTo(8L << 20);
    assertThat(ByteSizes.parse("8mb")).isEqualTo(8L << 20);
    assertThat(ByteSizes.parse("2KiB")).isEqualTo(2048);
    assertThat(ByteSizes.parse("32GiB")).isEqualTo(32L << 30);
    assertThat(ByteSizes.parse("1p")).isEqualTo(1L << 50);
    assertThat(ByteSizes.parse("4064")).isEqualTo(4064);
    assertThat(ByteSizes.parse("0.3MB")).isEqualTo(314_572);
    assertThat(ByteSizes.parse("32.3")).isEqualTo(32);
    assertThat(ByteSizes.parse("1.5k")).isEqualTo(1536);
    assertThat(ByteSizes.parse("512 B")).isEqualTo(512);
  }

  @Test
  void rejectsWhatGoUnitsRejects() {
    for (String bad : new String[] {"", "b", "MiB", "8Mi", "8 KiBs", "8x", "8mbb", "8bb", "-1", "8  M", "8M ",
        "1e30", "0x10", "NaN", "Infinity", "8192p"}) {
      assertThatThrownBy(() -> ByteSizes.parse(bad)).as(bad).isInstanceOf(AmountException.class);
    }
  }

  @Test
  void formatsLikeLotusSizeStr() {
    // The seed guide: get-ask "512 B" / "8 MiB", deal list "1016 B", commP "3.969 KiB", "508 KiB".
    assertThat(ByteSizes.sizeStr(512)).isEqualTo("512 B");
    assertThat(ByteSizes.sizeStr(8L << 20)).isEqualTo("8 MiB");
    assertThat(ByteSizes.sizeStr(1016)).isEqualTo("1016 B");
    assertThat(ByteSizes.sizeStr(4064)).isEqualTo("3.969 KiB");
    assertThat(ByteSizes.sizeStr(520_192)).isEqualTo("508 KiB");
    assertThat(ByteSizes.sizeStr(0)).isEqualTo("0 B");
    assertThat(ByteSizes.sizeStr(1023)).isEqualTo("1023 B");
    assertThat(ByteSizes.sizeStr(1024)).isEqualTo("1 KiB");
    assertThat(ByteSizes.sizeStr((1L << 20) - 1)).isEqualTo("1024 KiB");
    assertThat(ByteSizes.sizeStr(Long.MAX_VALUE)).isEqualTo("8 EiB");
  }

  @Test
  void formatsLikeGoUnitsBytesSize() {
    // The seed guide's client deal summary: "Piece size: 1KiB (Payload size: 809B)".
    assertThat(ByteSizes.bytesSize(1024)).isEqualTo("1KiB");
    assertThat(ByteSizes.bytesSize(809)).isEqualTo("809B");
    assertThat(ByteSizes.bytesSize(32L << 30)).isEqualTo("32GiB");
    assertThat(ByteSizes.bytesSize(0)).isEqualTo("0B");
  }

  @Test
  void goPercentG4() {
    assertThat(ByteSizes.formatG4(1023.5)).isEqualTo("1024");
    assertThat(ByteSizes.formatG4(1022.5)).isEqualTo("1022");
    assertThat(ByteSizes.formatG4(3.96875)).isEqualTo("3.969");
    assertThat(ByteSizes.formatG4(12345)).isEqualTo("1.234e+04");
    assertThat(ByteSizes.formatG4(0.00001234)).isEqualTo("1.234e-05");
    assertThat(ByteSizes.formatG4(0.5)).isEqualTo("0.5");
  }
}
