package venus.market.core.piece;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PieceSizeTest {

  @Test
  void convertsBetweenPaddedAndUnpadded() {
    assertThat(new UnpaddedPieceSize(4064).padded()).isEqualTo(new PaddedPieceSize(4096));
    assertThat(new PaddedPieceSize(4096).unpadded()).isEqualTo(new UnpaddedPieceSize(4064));
    assertThat(new PaddedPieceSize(128).unpadded().bytes()).isEqualTo(127);
    assertThat(new PaddedPieceSize(34359738368L).unpadded().bytes()).isEqualTo(34091302912L);
    assertThat(new PaddedPieceSize(524288).unpadded().bytes()).isEqualTo(520192);
  }

  @Test
  void rejectsInvalidSizes() {
    assertThatThrownBy(() -> new PaddedPieceSize(64)).isInstanceOf(PieceException.class)
        .hasMessageContaining("64").hasMessageContaining("power of two");
    assertThatThrownBy(() -> new PaddedPieceSize(4064)).isInstanceOf(PieceException.class);
    assertThatThrownBy(() -> new PaddedPieceSize(-128)).isInstanceOf(PieceException.class);
    assertThatThrownBy(() -> new UnpaddedPieceSize(4096)).isInstanceOf(PieceException.class)
        .hasMessageContaining("127");
    assertThatThrownBy(() -> new UnpaddedPieceSize(126)).isInstanceOf(PieceException.class)
        .hasMessageContaining("minimum");
    assertThatThrownBy(() -> new UnpaddedPieceSize(127 * 3)).isInstanceOf(PieceException.class);
  }

  @Test
  void fittingFollowsLotusPadding() {
    assertThat(PaddedPieceSize.fitting(0).bytes()).isEqualTo(128);
    assertThat(PaddedPieceSize.fitting(127).bytes()).isEqualTo(128);
    assertThat(PaddedPieceSize.fitting(128).bytes()).isEqualTo(256);
    assertThat(PaddedPieceSize.fitting(254).bytes()).isEqualTo(256);
    assertThat(PaddedPieceSize.fitting(255).bytes()).isEqualTo(512);
    assertThat(PaddedPieceSize.fitting(4064).bytes()).isEqualTo(4096);
    assertThat(PaddedPieceSize.fitting(4065).bytes()).isEqualTo(8192);
    assertThat(PaddedPieceSize.fitting(392375).bytes()).isEqualTo(524288);
    assertThatThrownBy(() -> PaddedPieceSize.fitting(-1)).isInstanceOf(PieceException.class);
  }

  @Test
  void treeHeightMatchesCommcidTable() {
    // go-fil-commcid TestTreeHeight: padded size -> height, for valid piece sizes
    assertThat(new PaddedPieceSize(128).treeHeight()).isEqualTo(2);
    assertThat(new PaddedPieceSize(512).treeHeight()).isEqualTo(4);
    assertThat(new PaddedPieceSize(34359738368L).treeHeight()).isEqualTo(30);
    assertThat(new PaddedPieceSize(68719476736L).treeHeight()).isEqualTo(31);
  }
}
