package venus.market.core.piece;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class UnsealedCommitmentTest {

  private static byte[] random(int n, long seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }

  @Test
  void emptySectorIsTheZeroPiece() {
    PaddedPieceSize sector = new PaddedPieceSize(2048);
    assertThat(UnsealedCommitment.of(List.of(), sector)).isEqualTo(ZeroComm.piece(sector));
  }

  @Test
  void onePieceFillingTheSectorIsThatPiece() {
    PieceCommitment p = CommPHasher.of(random(2032, 1));
    assertThat(UnsealedCommitment.of(List.of(p), new PaddedPieceSize(2048))).isEqualTo(p);
  }

  /** commD equals commP of the sector's unpadded bytes laid out as the sealer lays them out (pieces aligned). */
  @Test
  void alignedLayoutWithZeroFillEqualsHashingTheSectorBytes() {
    byte[] a = random(127, 2);   // 128 padded, at 0
    byte[] b = random(500, 3);   // 512 padded: needs alignment to 512
    byte[] c = random(254, 4);   // 256 padded, at 1024
    PieceCommitment pa = CommPHasher.of(a);
    PieceCommitment pb = CommPHasher.of(b);
    PieceCommitment pc = CommPHasher.of(c);
    ByteArrayOutputStream sector = new ByteArrayOutputStream();
    sector.writeBytes(a);
    sector.writeBytes(new byte[127 * 3]);             // zero fill 128..512
    sector.writeBytes(java.util.Arrays.copyOf(b, 508)); // 512..1024
    sector.writeBytes(java.util.Arrays.copyOf(c, 254)); // 1024..1280
    PaddedPieceSize size = new PaddedPieceSize(4096);
    CommPHasher whole = new CommPHasher();
    byte[] bytes = sector.toByteArray();
    whole.write(bytes, 0, bytes.length);
    assertThat(UnsealedCommitment.of(List.of(pa, pb, pc), size)).isEqualTo(whole.digest(size));
  }

  @Test
  void piecesOverflowingTheSectorAreRejected() {
    PieceCommitment p = CommPHasher.of(random(1016, 5));
    assertThatThrownBy(() -> UnsealedCommitment.of(List.of(p, p, p), new PaddedPieceSize(2048)))
        .isInstanceOf(PieceException.class).hasMessageContaining("piece 2").hasMessageContaining("2048");
  }
}
