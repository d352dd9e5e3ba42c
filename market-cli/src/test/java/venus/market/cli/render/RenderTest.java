package venus.market.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RenderTest {
  @Test
  void tableMatchesTheGuidesGetAskOutput() {
    String t = new TextTable("Price per GiB/Epoch", "Verified", "Min. Piece Size (padded)", "Max. Piece Size (padded)",
        "Expiry (Epoch)", "Expiry (Appx. Rem. Time)", "Seq. No.")
        .row("0.02 FIL", "0.01 FIL", "512 B", "8 MiB", 161256, "719h59m0s", 0).render();
    assertThat(t).isEqualTo(
        "Price per GiB/Epoch  Verified  Min. Piece Size (padded)  Max. Piece Size (padded)  Expiry (Epoch)  Expiry (Appx. Rem. Time)  Seq. No.\n"
      + "0.02 FIL             0.01 FIL  512 B                     8 MiB                     161256          719h59m0s                 0\n");
  }
}
