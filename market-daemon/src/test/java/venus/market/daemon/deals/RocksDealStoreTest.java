package venus.market.daemon.deals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static venus.market.core.storagemarket.StorageDealStatus.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import venus.market.core.multiformats.Cid;
import venus.market.core.multiformats.Multicodec;
import venus.market.core.multiformats.Multihash;
import venus.market.daemon.store.RocksKvStore;

/** The deal store on the daemon's real RocksDB metadata store. */
class RocksDealStoreTest {
  @TempDir
  Path dir;

  @Test
  void dealsAndHistorySurviveCloseAndReopen() {
    Cid cid;
    ProviderDeal before;
    List<DealTransition> historyBefore;
    try (RocksKvStore kv = RocksKvStore.open(dir)) {
      DealStateMachine m = new DealStateMachine(new KvDealStore(kv), TestDeals.steppingClock());
      cid = m.open(TestDeals.proposal(1), "hello").proposalCid();
      m.apply(cid, ProviderEvent.DEAL_DECIDING, "");
      m.apply(cid, ProviderEvent.DATA_REQUESTED, "");
      m.apply(cid, ProviderEvent.VERIFIED_DATA, "imported", d -> d.withPiecePath("/p/1"));
      m.apply(cid, ProviderEvent.FUNDED, "");
      before = m.apply(cid, ProviderEvent.DEAL_PUBLISH_INITIATED, "",
          d -> d.withPublishCid(Cid.v1(Multicodec.DAG_CBOR, Multihash.sha256(new byte[] {7}))));
      historyBefore = m.history(cid);
    }
    try (RocksKvStore kv = RocksKvStore.open(dir)) {
      KvDealStore store = new KvDealStore(kv);
      assertThat(store.get(cid)).contains(before);
      assertThat(store.get(cid).orElseThrow().proposal()).isEqualTo(TestDeals.proposal(1));
      assertThat(store.history(cid)).isEqualTo(historyBefore).hasSize(6);
      assertThat(store.history(cid).get(3).note()).isEqualTo("imported");
      assertThat(store.listByState(PUBLISHING)).containsExactly(before);
      assertThat(store.listByState(PUBLISH)).isEmpty();
      // The machine carries on after the restart with the persisted state.
      DealStateMachine m = new DealStateMachine(store, TestDeals.steppingClock());
      assertThat(m.resumable()).containsExactly(before);
      assertThat(m.apply(cid, ProviderEvent.DEAL_PUBLISHED, "", d -> d.withDealId(5)).state()).isEqualTo(STAGED);
      assertThat(store.history(cid)).hasSize(7);
    }
  }

  @Test
  void crashBetweenPersistAndSideEffectLeavesThePersistedState() {
    Cid cid;
    try (RocksKvStore kv = RocksKvStore.open(dir)) {
      DealStateMachine m = new DealStateMachine(new KvDealStore(kv), TestDeals.steppingClock());
      cid = m.open(TestDeals.proposal(2), "").proposalCid();
      m.apply(cid, ProviderEvent.DEAL_DECIDING, "");
      m.apply(cid, ProviderEvent.DATA_REQUESTED, "");
      m.apply(cid, ProviderEvent.VERIFIED_DATA, "");
      m.apply(cid, ProviderEvent.FUNDED, "");
      // The publisher would now send PublishStorageDeals; the process dies before it does.
      assertThatThrownBy(() -> sideEffectThatNeverHappens(m.get(cid).orElseThrow()))
          .isInstanceOf(IllegalStateException.class);
    }
    try (RocksKvStore kv = RocksKvStore.open(dir)) {
      DealStateMachine m = new DealStateMachine(new KvDealStore(kv), TestDeals.steppingClock());
      List<ProviderDeal> resume = m.resumable();
      assertThat(resume).extracting(ProviderDeal::state).containsExactly(PUBLISH);
      assertThat(resume.get(0).publishCid()).isNull();
      assertThat(m.apply(cid, ProviderEvent.RESTART, "daemon restarted").state()).isEqualTo(PUBLISH);
      assertThat(m.history(cid)).extracting(DealTransition::event).endsWith(ProviderEvent.FUNDED,
          ProviderEvent.RESTART);
    }
  }

  @Test
  void concurrentAppliesOnDifferentDeals() throws Exception {
    int deals = 16;
    List<ProviderEvent> path = List.of(ProviderEvent.DEAL_DECIDING, ProviderEvent.DATA_REQUESTED,
        ProviderEvent.DATA_TRANSFER_INITIATED, ProviderEvent.DATA_TRANSFER_COMPLETED, ProviderEvent.VERIFIED_DATA,
        ProviderEvent.FUNDING_INITIATED, ProviderEvent.FUNDED, ProviderEvent.DEAL_PUBLISH_INITIATED,
        ProviderEvent.DEAL_PUBLISHED);
    try (RocksKvStore kv = RocksKvStore.open(dir)) {
      DealStateMachine m = new DealStateMachine(new KvDealStore(kv), TestDeals.steppingClock());
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        List<Future<Cid>> futures = new ArrayList<>();
        for (int i = 0; i < deals; i++) {
          int n = i;
          futures.add(pool.submit(() -> {
            Cid cid = m.open(TestDeals.proposal(100 + n), "").proposalCid();
            for (ProviderEvent e : path) {
              m.apply(cid, e, "");
            }
            return cid;
          }));
        }
        for (Future<Cid> f : futures) {
          Cid cid = f.get();
          assertThat(m.get(cid).orElseThrow().state()).isEqualTo(STAGED);
          assertThat(m.history(cid)).hasSize(path.size() + 1);
        }
      } finally {
        pool.shutdown();
      }
      KvDealStore store = new KvDealStore(kv);
      assertThat(store.listByState(STAGED)).hasSize(deals);
      for (var s : values()) {
        if (s != STAGED) {
          assertThat(store.listByState(s)).as(s.goName()).isEmpty();
        }
      }
    }
  }

  @Test
  void concurrentAppliesOnOneDealAreSerialised() throws Exception {
    try (RocksKvStore kv = RocksKvStore.open(dir)) {
      DealStateMachine m = new DealStateMachine(new KvDealStore(kv), TestDeals.steppingClock());
      Cid cid = m.open(TestDeals.proposal(3), "").proposalCid();
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        List<Future<Boolean>> tries = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
          tries.add(pool.submit(() -> {
            try {
              m.apply(cid, ProviderEvent.DEAL_DECIDING, "");
              return true;
            } catch (IllegalDealTransitionException e) {
              return false;
            }
          }));
        }
        int won = 0;
        for (Future<Boolean> f : tries) {
          won += f.get() ? 1 : 0;
        }
        assertThat(won).isEqualTo(1);
      } finally {
        pool.shutdown();
      }
      assertThat(m.history(cid)).hasSize(2);
    }
  }

  @Test
  void pagingListsEveryDealOnceInOrder() {
    try (RocksKvStore kv = RocksKvStore.open(dir)) {
      KvDealStore store = new KvDealStore(kv);
      DealStateMachine m = new DealStateMachine(store, TestDeals.steppingClock());
      List<String> all = new ArrayList<>();
      for (int i = 0; i < 7; i++) {
        all.add(m.open(TestDeals.proposal(i), "").proposalCid().toString());
      }
      all.sort(null);
      List<String> paged = new ArrayList<>();
      String after = null;
      while (true) {
        List<ProviderDeal> page = store.list(after, 3);
        if (page.isEmpty()) {
          break;
        }
        assertThat(page.size()).isLessThanOrEqualTo(3);
        page.forEach(d -> paged.add(d.proposalCid().toString()));
        after = paged.get(paged.size() - 1);
      }
      assertThat(paged).isEqualTo(all);
      assertThatThrownBy(() -> store.list(null, 0)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void corruptRecordIsReportedWithItsKey() {
    try (RocksKvStore kv = RocksKvStore.open(dir)) {
      Cid cid = TestDeals.proposal(1).proposalCid();
      kv.put(KvDealStore.DEALS + cid, new byte[] {(byte) 0x8b, 0x01});
      assertThatThrownBy(() -> new KvDealStore(kv).get(cid)).isInstanceOf(DealStoreException.class)
          .hasMessageContaining(KvDealStore.DEALS + cid);
    }
  }

  private static void sideEffectThatNeverHappens(ProviderDeal deal) {
    throw new IllegalStateException("killed before publishing " + deal.proposalCid());
  }
}
