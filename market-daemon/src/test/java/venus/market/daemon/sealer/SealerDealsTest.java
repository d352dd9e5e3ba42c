package venus.market.daemon.sealer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import venus.market.core.address.Address;
import venus.market.core.storagemarket.StorageDealStatus;
import venus.market.daemon.deals.DealPipeline;
import venus.market.daemon.deals.DealStateMachine;
import venus.market.daemon.deals.DealTransition;
import venus.market.daemon.deals.KvDealStore;
import venus.market.daemon.deals.ProviderDeal;
import venus.market.daemon.deals.ProviderEvent;
import venus.market.daemon.store.KvStore;
import venus.market.daemon.store.RocksKvStore;

class SealerDealsTest {
  static final long SECTOR = 8L << 20;
  @TempDir Path tmp;
  RocksKvStore rocks;
  FailingKv kv;
  KvDealStore store;
  DealStateMachine machine;
  DealPipeline pipeline;
  SealerDeals sealer;
  long head = 100;

  /** The RocksDB store, with a switch that makes the next write fail (a crash before the batch lands). */
  static final class FailingKv implements KvStore {
    final KvStore inner;
    final AtomicBoolean failNextWrite = new AtomicBoolean();

    FailingKv(KvStore inner) {
      this.inner = inner;
    }

    @Override
    public Optional<byte[]> get(String key) {
      return inner.get(key);
    }

    @Override
    public void put(String key, byte[] value) {
      inner.put(key, value);
    }

    @Override
    public void delete(String key) {
      inner.delete(key);
    }

    @Override
    public void write(Map<String, byte[]> puts, Collection<String> deletes) {
      if (failNextWrite.getAndSet(false)) {
        throw new IllegalStateException("simulated crash before the write");
      }
      inner.write(puts, deletes);
    }

    @Override
    public Map<String, byte[]> scan(String prefix) {
      return inner.scan(prefix);
    }

    @Override
    public void close() {
      inner.close();
    }
  }

  @BeforeEach
  void open() {
    rocks = RocksKvStore.open(tmp.resolve("kv"));
    kv = new FailingKv(rocks);
    store = new KvDealStore(kv);
    machine = new DealStateMachine(store, Clock.systemUTC());
    pipeline = new DealPipeline(machine, 2);
    sealer = new SealerDeals(pipeline, store, () -> head);
  }

  @AfterEach
  void close() {
    pipeline.close();
    rocks.close();
  }

  private List<ProviderDeal> handOff(int n, long size) {
    List<ProviderDeal> out = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      out.add(SealerFixtures.handedOff(machine, SealerFixtures.proposal(i, size, 10_000, SealerFixtures.MINER, 100 + i),
          i));
    }
    return out;
  }

  private static List<Long> dealIds(List<PiecePacker.Slot> slots) {
    return slots.stream().filter(s -> !s.isFiller()).map(s -> s.deal().dealId()).toList();
  }

  private ProviderDeal byId(long id) {
    return sealer.find(SealerFixtures.MINER, id);
  }

  @Test
  void sealersAskingAtOnceNeverGetTheSameDeal() throws Exception {
    handOff(40, 2048);
    int sealers = 8;
    ExecutorService pool = Executors.newFixedThreadPool(sealers);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<List<Long>>> got = new ArrayList<>();
      for (int s = 0; s < sealers; s++) {
        long sector = 10 + s;
        Callable<List<Long>> ask = () -> {
          go.await();
          List<Long> mine = new ArrayList<>();
          for (int round = 0; round < 3; round++) {
            // each sealer fills several sectors; numbers are unique per sealer and round
            mine.addAll(dealIds(sealer.assign(SealerFixtures.MINER, sector * 100 + round, SECTOR, DealSpec.maxPiece(3))));
          }
          return mine;
        };
        got.add(pool.submit(ask));
      }
      go.countDown();
      Set<Long> seen = new HashSet<>();
      int total = 0;
      for (Future<List<Long>> f : got) {
        for (long id : f.get()) {
          assertThat(seen.add(id)).as("deal %d handed to two sealers", id).isTrue();
          total++;
        }
      }
      assertThat(total).isEqualTo(40);
      assertThat(seen).hasSize(40);
    } finally {
      pool.shutdownNow();
    }
    for (ProviderDeal d : store.listByState(StorageDealStatus.AWAITING_PRE_COMMIT)) {
      assertThat(d.pieceStatus()).isEqualTo(PieceStatus.ASSIGNED);
      assertThat(d.sectorNumber()).isGreaterThanOrEqualTo(1000);
    }
    assertThat(dealIds(sealer.assign(SealerFixtures.MINER, 99L, SECTOR, DealSpec.defaults()))).isEmpty();
  }

  @Test
  void anAssignmentIsAllOrNothingWhenTheWriteFails() {
    handOff(3, 2048);
    kv.failNextWrite.set(true);
    assertThatThrownBy(() -> sealer.assign(SealerFixtures.MINER, 5L, SECTOR, DealSpec.defaults()))
        .hasMessageContaining("simulated crash");
    for (long id = 1; id <= 3; id++) {
      assertThat(byId(id).pieceStatus()).isEqualTo(ProviderDeal.PIECE_UNDEFINED);
      assertThat(byId(id).sectorNumber()).isZero();
    }
    // same size and start: the best-paying deal first (price 100 + n)
    assertThat(dealIds(sealer.assign(SealerFixtures.MINER, 5L, SECTOR, DealSpec.defaults()))).containsExactly(3L, 2L,
        1L);
  }

  @Test
  void askingAgainForTheSameSectorReturnsTheSameAssignment() {
    handOff(3, 2048);
    List<PiecePacker.Slot> first = sealer.assign(SealerFixtures.MINER, 7L, SECTOR, DealSpec.maxPiece(2));
    List<PiecePacker.Slot> again = sealer.assign(SealerFixtures.MINER, 7L, SECTOR, DealSpec.maxPiece(2));
    assertThat(dealIds(again)).isEqualTo(dealIds(first)).containsExactly(3L, 2L);
    assertThat(again.stream().map(PiecePacker.Slot::offset).toList())
        .isEqualTo(first.stream().map(PiecePacker.Slot::offset).toList());
    assertThat(dealIds(sealer.assign(SealerFixtures.MINER, 8L, SECTOR, DealSpec.defaults()))).containsExactly(1L);
  }

  @Test
  void dealsWhoseStartPassedOrOfAnotherMinerAreNotOffered() {
    SealerFixtures.handedOff(machine, SealerFixtures.proposal(1, 2048, 150, SealerFixtures.MINER, 1), 1);
    SealerFixtures.handedOff(machine, SealerFixtures.proposal(2, 2048, 10_000, Address.newId(1001), 1), 2);
    SealerFixtures.handedOff(machine, SealerFixtures.proposal(3, 2048, 10_000, SealerFixtures.MINER, 1), 3);
    head = 200;
    assertThat(sealer.unpacked(SealerFixtures.MINER, null)).extracting(ProviderDeal::dealId).containsExactly(3L);
    assertThat(dealIds(sealer.assign(SealerFixtures.MINER, 1L, SECTOR, null))).containsExactly(3L);
  }

  @Test
  void specFiltersBySizeEpochsAndSnapSectorLifetime() {
    SealerFixtures.handedOff(machine, SealerFixtures.proposal(1, 1024, 10_000, SealerFixtures.MINER, 1), 1);
    SealerFixtures.handedOff(machine, SealerFixtures.proposal(2, 4096, 20_000, SealerFixtures.MINER, 1), 2);
    assertThat(sealer.unpacked(SealerFixtures.MINER, new DealSpec(0, 2048, 0, 0, 0, 0, 0, null)))
        .extracting(ProviderDeal::dealId).containsExactly(1L);
    assertThat(sealer.unpacked(SealerFixtures.MINER, new DealSpec(0, 0, 0, 2048, 0, 0, 0, null)))
        .extracting(ProviderDeal::dealId).containsExactly(2L);
    assertThat(sealer.unpacked(SealerFixtures.MINER, new DealSpec(0, 0, 0, 0, 0, 15_000, 0, null)))
        .extracting(ProviderDeal::dealId).containsExactly(2L);
    assertThat(sealer.unpacked(SealerFixtures.MINER, new DealSpec(0, 0, 0, 0, 0, 0, 530_000, null)))
        .extracting(ProviderDeal::dealId).containsExactly(1L);
    // a CC sector living 518 400 + 10 epochs from head 100 fits both 518 400-epoch terms
    DealSpec snap = DealSpec.defaults().withSectorExpiration(head + 518_410);
    assertThat(sealer.unpacked(SealerFixtures.MINER, snap)).hasSize(2);
    assertThat(sealer.unpacked(SealerFixtures.MINER, DealSpec.defaults().withSectorExpiration(head + 1000))).isEmpty();
  }

  @Test
  void theOldFlowMarksThenPacksAndRefusesADealInAnotherSector() {
    handOff(2, 2048);
    assertThat(sealer.unpacked(SealerFixtures.MINER, DealSpec.maxPiece(50))).hasSize(2);
    sealer.markPacking(SealerFixtures.MINER, List.of(1L));
    assertThatThrownBy(() -> sealer.markPacking(SealerFixtures.MINER, List.of(2L, 1L)))
        .isInstanceOf(SealerDealException.class).hasMessageContaining("deal 1 is already taken");
    assertThat(byId(2).pieceStatus()).as("all or none").isEqualTo(ProviderDeal.PIECE_UNDEFINED);
    sealer.updateOnPacking(SealerFixtures.MINER, 1, 9, 0);
    assertThat(byId(1).sectorNumber()).isEqualTo(9);
    assertThat(byId(1).pieceStatus()).isEqualTo(PieceStatus.ASSIGNED);
    assertThatThrownBy(() -> sealer.updateOnPacking(SealerFixtures.MINER, 1, 10, 0))
        .hasMessageContaining("already in sector 9");
    sealer.updateStatus(SealerFixtures.MINER, 1, "Packing", null);
    sealer.updateStatus(SealerFixtures.MINER, 1, "Proving", (int) StorageDealStatus.ACTIVE.code());
    assertThat(byId(1).pieceStatus()).isEqualTo(PieceStatus.PROVING);
    assertThat(byId(1).state()).as("the chain, not the sealer, activates deals")
        .isEqualTo(StorageDealStatus.AWAITING_PRE_COMMIT);
    assertThatThrownBy(() -> sealer.updateStatus(SealerFixtures.MINER, 1, "Sealed", null))
        .hasMessageContaining("not one of Undefine, Assigned, Packing, Proving");
    assertThat(sealer.unpacked(SealerFixtures.MINER, null)).extracting(ProviderDeal::dealId).containsExactly(2L);
  }

  @Test
  void releasedDealsAreAssignableAgain() {
    handOff(2, 2048);
    sealer.assign(SealerFixtures.MINER, 3L, SECTOR, null);
    pipeline.apply(byId(1).proposalCid(), ProviderEvent.DEAL_PRECOMMITTED, "test");
    sealer.release(SealerFixtures.MINER, List.of(1L, 2L));
    for (long id = 1; id <= 2; id++) {
      ProviderDeal d = byId(id);
      assertThat(d.state()).isEqualTo(StorageDealStatus.AWAITING_PRE_COMMIT);
      assertThat(d.pieceStatus()).isEqualTo(PieceStatus.UNDEFINE);
      assertThat(d.sectorNumber()).isZero();
      assertThat(d.offset()).isZero();
    }
    assertThat(store.history(byId(1).proposalCid())).extracting(DealTransition::event)
        .containsSubsequence(ProviderEvent.SEALER_UPDATED, ProviderEvent.DEAL_PRECOMMITTED, ProviderEvent.DEAL_RELEASED);
    assertThat(dealIds(sealer.assign(SealerFixtures.MINER, 4L, SECTOR, null))).containsExactlyInAnyOrder(1L, 2L);
    // UpdateDealStatus "Undefine" is the 2022 way to give a deal back
    sealer.updateStatus(SealerFixtures.MINER, 2, "Undefine", null);
    assertThat(byId(2).pieceStatus()).isEqualTo(PieceStatus.UNDEFINE);
    assertThatThrownBy(() -> sealer.release(SealerFixtures.MINER, List.of(77L))).hasMessageContaining("no deal with ID 77");
  }

  @Test
  void aBadPieceIsKeptOutOfSectorsUntilReleased() {
    handOff(2, 2048);
    sealer.assign(SealerFixtures.MINER, 3L, SECTOR, null);
    sealer.reportBadPiece(SealerFixtures.MINER, 1, "commP mismatch");
    ProviderDeal bad = byId(1);
    assertThat(bad.pieceStatus()).isEqualTo(PieceStatus.INVALID);
    assertThat(bad.state()).isEqualTo(StorageDealStatus.AWAITING_PRE_COMMIT);
    assertThat(bad.message()).contains("commP mismatch").contains("ReleaseDeals");
    sealer.release(SealerFixtures.MINER, List.of(2L));
    assertThat(dealIds(sealer.assign(SealerFixtures.MINER, 4L, SECTOR, null))).containsExactly(2L);
    assertThatThrownBy(() -> sealer.updateOnPacking(SealerFixtures.MINER, 1, 4, 0)).hasMessageContaining("rejected");
    sealer.release(SealerFixtures.MINER, List.of(1L));
    assertThat(dealIds(sealer.assign(SealerFixtures.MINER, 5L, SECTOR, null))).containsExactly(1L);
  }

  @Test
  void getDealsPagesByDealIdAndTheOperatorCanOverrideTheState() {
    handOff(5, 2048);
    assertThat(sealer.deals(SealerFixtures.MINER, 0, Integer.MAX_VALUE)).extracting(ProviderDeal::dealId)
        .containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(sealer.deals(SealerFixtures.MINER, 1, 2)).extracting(ProviderDeal::dealId).containsExactly(3L, 4L);
    assertThat(sealer.deals(SealerFixtures.MINER, 3, 2)).isEmpty();
    ProviderDeal d = sealer.overrideState(byId(5).proposalCid(), StorageDealStatus.ERROR, "Proving");
    assertThat(d.state()).isEqualTo(StorageDealStatus.ERROR);
    assertThat(store.history(d.proposalCid())).last().extracting(DealTransition::event)
        .isEqualTo(ProviderEvent.STATE_OVERRIDDEN);
    assertThat(sealer.deals(SealerFixtures.MINER, 0, 10)).extracting(ProviderDeal::dealId)
        .as("terminal deals are not listed").containsExactly(1L, 2L, 3L, 4L);
  }
}
