package venus.market.daemon.deals;

import static org.assertj.core.api.Assertions.assertThat;
import static venus.market.core.storagemarket.StorageDealStatus.*;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import venus.market.core.MarketException;
import venus.market.core.jsonrpc.RpcTransportException;
import venus.market.core.multiformats.Cid;
import venus.market.core.storagemarket.StorageDealStatus;
import venus.market.daemon.store.RocksKvStore;

class DealPipelineTest {
  @TempDir
  Path dir;

  @Test
  void stagesRunAfterEachTransitionUntilTheDealRestsInAStateWithoutOne() throws Exception {
    try (RocksKvStore kv = RocksKvStore.open(dir);
        DealPipeline p = new DealPipeline(new DealStateMachine(new KvDealStore(kv), TestDeals.steppingClock()), 4)) {
      List<StorageDealStatus> ran = new CopyOnWriteArrayList<>();
      p.on(RESERVE_PROVIDER_FUNDS, d -> {
        ran.add(d.state());
        p.apply(d.proposalCid(), ProviderEvent.FUNDED, "");
      });
      p.on(PUBLISH, d -> {
        ran.add(d.state());
        p.apply(d.proposalCid(), ProviderEvent.DEAL_PUBLISH_INITIATED, "");
      });
      Cid cid = toWaitingForData(p, 1);
      p.apply(cid, ProviderEvent.VERIFIED_DATA, "imported", d -> d.withPiecePath("/p/1"));
      ProviderDeal d = awaitState(p, cid, PUBLISHING);
      assertThat(ran).containsExactly(RESERVE_PROVIDER_FUNDS, PUBLISH);
      assertThat(d.piecePath()).isEqualTo("/p/1");
    }
  }

  @Test
  void aFailingStageMovesTheDealThroughFailingToErrorWithTheReason() throws Exception {
    try (RocksKvStore kv = RocksKvStore.open(dir);
        DealPipeline p = new DealPipeline(new DealStateMachine(new KvDealStore(kv), TestDeals.steppingClock()), 2)) {
      p.on(RESERVE_PROVIDER_FUNDS, d -> {
        throw new IllegalStateException("escrow 1 FIL short: run venus-market actor-funds add");
      });
      Cid cid = toWaitingForData(p, 2);
      p.apply(cid, ProviderEvent.VERIFIED_DATA, "");
      ProviderDeal d = awaitState(p, cid, ERROR);
      assertThat(d.message()).contains("escrow 1 FIL short");
      assertThat(p.deals().history(cid)).extracting(DealTransition::event)
          .endsWith(ProviderEvent.NODE_ERRORED, ProviderEvent.FAILED);
    }
  }

  /** The node down for longer than the node client's own retries: the deal waits where it stood, then goes on. */
  @Test
  void aStageThatCannotReachTheNodeRunsAgainLaterInsteadOfFailingTheDeal() throws Exception {
    try (RocksKvStore kv = RocksKvStore.open(dir);
        DealPipeline p = new DealPipeline(new DealStateMachine(new KvDealStore(kv), TestDeals.steppingClock()), 2,
            Duration.ofMillis(50))) {
      AtomicInteger runs = new AtomicInteger();
      p.on(RESERVE_PROVIDER_FUNDS, d -> {
        if (runs.incrementAndGet() <= 3) {
          throw new MarketException("StateMarketBalance failed after 8 attempts: cannot reach the node",
              new RpcTransportException("Filecoin.StateMarketBalance: cannot reach http://127.0.0.1:1/rpc/v1"));
        }
        p.apply(d.proposalCid(), ProviderEvent.FUNDED, "");
      });
      Cid cid = toWaitingForData(p, 9);
      p.apply(cid, ProviderEvent.VERIFIED_DATA, "");
      awaitState(p, cid, PUBLISH);
      assertThat(runs).hasValue(4);
      assertThat(p.deals().history(cid)).extracting(DealTransition::event)
          .doesNotContain(ProviderEvent.NODE_ERRORED, ProviderEvent.FAILED);
    }
  }

  @Test
  void recordOnlyEventsDoNotRunTheStageAgain() throws Exception {
    try (RocksKvStore kv = RocksKvStore.open(dir);
        DealPipeline p = new DealPipeline(new DealStateMachine(new KvDealStore(kv), TestDeals.steppingClock()), 2)) {
      AtomicInteger runs = new AtomicInteger();
      CountDownLatch release = new CountDownLatch(1);
      p.on(TRANSFERRING, d -> {
        runs.incrementAndGet();
        release.await(10, TimeUnit.SECONDS);
      });
      Cid cid = toWaitingForData(p, 3);
      p.apply(cid, ProviderEvent.DATA_TRANSFER_INITIATED, "");
      for (int i = 1; i <= 5; i++) {
        long bytes = i * 1000L;
        p.apply(cid, ProviderEvent.DATA_TRANSFER_PROGRESS, "", d -> d.withTransferredBytes(bytes));
      }
      release.countDown();
      assertThat(p.deals().get(cid).orElseThrow().transferredBytes()).isEqualTo(5000);
      Thread.sleep(200); // any wrongly scheduled extra run would have started by now
      assertThat(runs.get()).isEqualTo(1);
    }
  }

  @Test
  void resumeRestartsEveryInFlightDealAndRunsItsStageOnce() throws Exception {
    Cid publishing;
    Cid transferring;
    Cid validating;
    try (RocksKvStore kv = RocksKvStore.open(dir);
        DealPipeline p = new DealPipeline(new DealStateMachine(new KvDealStore(kv), TestDeals.steppingClock()), 2)) {
      publishing = toWaitingForData(p, 4);
      p.apply(publishing, ProviderEvent.VERIFIED_DATA, "");
      p.apply(publishing, ProviderEvent.FUNDED, "");
      p.apply(publishing, ProviderEvent.DEAL_PUBLISH_INITIATED, "");
      transferring = toWaitingForData(p, 5);
      p.apply(transferring, ProviderEvent.DATA_TRANSFER_INITIATED, "");
      validating = p.open(ProviderDeal.received(TestDeals.proposal(6), TestDeals.fixedClock().instant()), "")
          .proposalCid();
    } // "killed": no stage was registered, so the deals rest where they were
    try (RocksKvStore kv = RocksKvStore.open(dir);
        DealPipeline p = new DealPipeline(new DealStateMachine(new KvDealStore(kv), TestDeals.steppingClock()), 2)) {
      List<Cid> published = new CopyOnWriteArrayList<>();
      p.on(PUBLISHING, d -> published.add(d.proposalCid()));
      assertThat(p.resume()).isEqualTo(3);
      awaitCondition(() -> published.size() == 1);
      assertThat(published).containsExactly(publishing);
      assertThat(p.deals().get(transferring).orElseThrow().state()).isEqualTo(PROVIDER_TRANSFER_AWAIT_RESTART);
      assertThat(p.deals().get(validating).orElseThrow().state()).isEqualTo(ERROR);
    }
  }

  private static Cid toWaitingForData(DealPipeline p, int n) {
    Cid cid = p.open(ProviderDeal.received(TestDeals.proposal(n), TestDeals.fixedClock().instant()), "")
        .proposalCid();
    p.apply(cid, ProviderEvent.DEAL_DECIDING, "");
    p.apply(cid, ProviderEvent.DATA_REQUESTED, "");
    return cid;
  }

  private static ProviderDeal awaitState(DealPipeline p, Cid cid, StorageDealStatus want) throws Exception {
    awaitCondition(() -> p.deals().get(cid).orElseThrow().state() == want);
    return p.deals().get(cid).orElseThrow();
  }

  private static void awaitCondition(java.util.function.BooleanSupplier ok) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!ok.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 10 s");
      }
      Thread.sleep(10);
    }
  }
}
