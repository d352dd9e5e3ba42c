package venus.market.daemon.sealer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import venus.market.core.piece.PaddedPieceSize;
import venus.market.core.piece.PieceCid;
import venus.market.core.piece.PieceCommitment;
import venus.market.core.piece.UnsealedCommitment;
import venus.market.core.piece.ZeroComm;
import venus.market.daemon.deals.DealStateMachine;
import venus.market.daemon.deals.KvDealStore;
import venus.market.daemon.deals.ProviderDeal;
import venus.market.daemon.store.RocksKvStore;

class PiecePackerTest {
  @TempDir Path tmp;

  private List<ProviderDeal> deals(long... sizes) {
    try (RocksKvStore kv = RocksKvStore.open(tmp.resolve("kv-" + System.nanoTime()))) {
      DealStateMachine m = new DealStateMachine(new KvDealStore(kv), Clock.systemUTC());
      List<ProviderDeal> out = new ArrayList<>();
      for (int i = 0; i < sizes.length; i++) {
        out.add(SealerFixtures.handedOff(m, SealerFixtures.proposal(i + 1, sizes[i], 10_000, SealerFixtures.MINER,
            100), i + 1));
      }
      return out;
    }
  }

  private static List<long[]> shape(List<PiecePacker.Slot> slots) {
    return slots.stream().map(s -> new long[] {s.offset(), s.size(), s.isFiller() ? 0 : s.deal().dealId()}).toList();
  }

  @Test
  void dealsAreAlignedToTheirSizeAndTheRestIsZeroFilled() {
    // 1 KiB then 4 KiB in a 16 KiB sector: 1K@0, filler 1K@1K, filler 2K@2K, 4K@4K, filler 8K@8K.
    List<PiecePacker.Slot> slots = PiecePacker.pack(deals(1024, 4096), 16384, DealSpec.defaults());
    assertThat(shape(slots)).containsExactly(new long[] {0, 1024, 1}, new long[] {1024, 1024, 0},
        new long[] {2048, 2048, 0}, new long[] {4096, 4096, 2}, new long[] {8192, 8192, 0});
    long end = 0;
    for (PiecePacker.Slot s : slots) {
      assertThat(s.offset()).isEqualTo(end);
      assertThat(s.offset() % s.size()).isZero();
      end += s.size();
    }
    assertThat(end).isEqualTo(16384);
  }

  @Test
  void theLayoutGivesTheSameCommDAsTheSealersImplicitPadding() {
    List<PiecePacker.Slot> slots = PiecePacker.pack(deals(1024, 4096), 16384, DealSpec.defaults());
    List<PieceCommitment> all = new ArrayList<>();
    List<PieceCommitment> dealsOnly = new ArrayList<>();
    for (PiecePacker.Slot s : slots) {
      PaddedPieceSize size = new PaddedPieceSize(s.size());
      PieceCommitment c = s.isFiller() ? ZeroComm.piece(size)
          : PieceCid.commitment(s.deal().proposal().proposal().pieceCID(), size);
      all.add(c);
      if (!s.isFiller()) {
        dealsOnly.add(c);
      }
    }
    PaddedPieceSize sector = new PaddedPieceSize(16384);
    assertThat(UnsealedCommitment.of(all, sector)).isEqualTo(UnsealedCommitment.of(dealsOnly, sector));
  }

  @Test
  void limitsStopPackingOrRefuseTooLittle() {
    List<ProviderDeal> d = deals(1024, 1024, 1024, 8192);
    assertThat(PiecePacker.pack(d, 8192, DealSpec.maxPiece(2)).stream().filter(s -> !s.isFiller()).count())
        .isEqualTo(2);
    // three 1 KiB deals fit, the 8 KiB deal no longer does
    assertThat(PiecePacker.pack(d, 8192, DealSpec.maxPiece(0)).stream().filter(s -> !s.isFiller())
        .map(s -> s.deal().dealId())).containsExactly(1L, 2L, 3L);
    DealSpec four = new DealSpec(0, 0, 4, 0, 0, 0, 0, null);
    assertThat(PiecePacker.pack(d, 8192, four)).isEmpty();
    DealSpec space = new DealSpec(0, 0, 0, 0, 4096, 0, 0, null);
    assertThat(PiecePacker.pack(d, 8192, space)).isEmpty();
    assertThat(PiecePacker.pack(deals(16384), 8192, DealSpec.defaults())).isEmpty();
  }

  @Test
  void fillersCoverAGapWithAlignedPieces() {
    assertThat(shape(PiecePacker.fillers(1024, 8192))).containsExactly(new long[] {1024, 1024, 0},
        new long[] {2048, 2048, 0}, new long[] {4096, 4096, 0});
    assertThat(shape(PiecePacker.fillers(0, 8192))).containsExactly(new long[] {0, 8192, 0});
    assertThat(PiecePacker.fillers(4096, 4096)).isEmpty();
  }

  @Test
  void layoutRebuildsAnAssignmentFromStoredOffsets() {
    List<ProviderDeal> d = deals(1024, 4096);
    List<PiecePacker.Slot> packed = PiecePacker.pack(d, 16384, DealSpec.defaults());
    List<PiecePacker.Slot> placed = packed.stream().filter(s -> !s.isFiller()).toList();
    assertThat(shape(PiecePacker.layout(reversed(placed), 16384))).containsExactlyElementsOf(shape(packed));
    assertThatThrownBy(() -> PiecePacker.layout(List.of(new PiecePacker.Slot(1024, 4096, d.get(1))), 16384))
        .hasMessageContaining("not aligned");
  }

  private static <T> List<T> reversed(List<T> in) {
    List<T> out = new ArrayList<>(in);
    java.util.Collections.reverse(out);
    return out;
  }

  @Test
  void badSizesAreRefused() {
    assertThatThrownBy(() -> PiecePacker.pack(List.of(), 3000, DealSpec.defaults()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("power of two");
  }
}
