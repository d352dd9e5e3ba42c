package venus.market.daemon.deals;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import venus.market.core.multiformats.Cid;
import venus.market.core.storagemarket.StorageDealStatus;
import venus.market.daemon.store.RocksKvStore;

/** Commits of different deals run in parallel (per-deal locking); each deal's record, history and index still agree. */
class KvDealStoreConcurrencyTest {
  @TempDir Path dir;

  @Test
  void manyDealsMovedFromSeveralThreadsStayConsistent() throws Exception {
    try (RocksKvStore kv = RocksKvStore.open(dir)) {
      KvDealStore store = new KvDealStore(kv);
      DealStateMachine m = new DealStateMachine(store, TestDeals.steppingClock());
      ExecutorService pool = Executors.newFixedThreadPool(6);
      List<Future<Cid>> done = new ArrayList<>();
      for (int i = 1; i <= 60; i++) {
        int n = i;
        done.add(pool.submit(() -> {
          Cid cid = m.open(TestDeals.proposal(n), "").proposalCid();
          m.apply(cid, ProviderEvent.DEAL_DECIDING, "");
          m.apply(cid, ProviderEvent.DATA_REQUESTED, "");
          return cid;
        }));
      }
      // and several threads racing on one deal: exactly one of each transition wins
      Cid shared = m.open(TestDeals.proposal(100), "").proposalCid();
      List<Future<Boolean>> racers = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        racers.add(pool.submit(() -> {
          try {
            m.apply(shared, ProviderEvent.DEAL_DECIDING, "");
            return true;
          } catch (IllegalDealTransitionException e) {
            return false;
          }
        }));
      }
      List<Cid> cids = new ArrayList<>();
      for (Future<Cid> f : done) {
        cids.add(f.get(60, TimeUnit.SECONDS));
      }
      long winners = 0;
      for (Future<Boolean> f : racers) {
        winners += f.get(60, TimeUnit.SECONDS) ? 1 : 0;
      }
      pool.shutdown();
      assertThat(winners).isEqualTo(1);
      assertThat(store.history(shared)).hasSize(2);
      for (Cid c : cids) {
        assertThat(store.get(c).orElseThrow().state()).isEqualTo(StorageDealStatus.WAITING_FOR_DATA);
        assertThat(store.history(c)).extracting(DealTransition::to).containsExactly(StorageDealStatus.VALIDATING,
            StorageDealStatus.ACCEPT_WAIT, StorageDealStatus.WAITING_FOR_DATA);
      }
      assertThat(store.listByState(StorageDealStatus.WAITING_FOR_DATA)).hasSize(60);
      assertThat(store.listByState(StorageDealStatus.VALIDATING)).isEmpty();
    }
  }

  @Test
  void overlappingMultiDealCommitsDoNotDeadlock() throws Exception {
    try (RocksKvStore kv = RocksKvStore.open(dir)) {
      KvDealStore store = new KvDealStore(kv);
      DealStateMachine m = new DealStateMachine(store, TestDeals.steppingClock());
      List<Cid> cids = new ArrayList<>();
      for (int i = 1; i <= 8; i++) {
        cids.add(m.open(TestDeals.proposal(i), "").proposalCid());
      }
      ExecutorService pool = Executors.newFixedThreadPool(4);
      List<Future<?>> runs = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        List<Cid> order = new ArrayList<>(cids);
        java.util.Collections.rotate(order, t * 3);
        runs.add(pool.submit(() -> {
          for (int round = 0; round < 25; round++) {
            java.util.List<DealStore.Commit> batch = new ArrayList<>();
            for (Cid c : order) {
              ProviderDeal d = store.get(c).orElseThrow();
              batch.add(new DealStore.Commit(d.state(), d, new DealTransition(java.time.Instant.now(), d.state(),
                  d.state(), ProviderEvent.RESTART, "")));
            }
            try {
              store.commitAll(batch);
            } catch (IllegalStateException e) {
              // another batch moved a deal in between: expected, no deadlock is the point
            }
          }
          return null;
        }));
      }
      for (Future<?> f : runs) {
        f.get(60, TimeUnit.SECONDS);
      }
      pool.shutdown();
      for (Cid c : cids) {
        assertThat(store.get(c).orElseThrow().state()).isEqualTo(StorageDealStatus.VALIDATING);
      }
    }
  }
}
