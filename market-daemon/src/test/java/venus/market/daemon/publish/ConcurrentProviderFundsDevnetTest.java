package venus.market.daemon.publish;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import venus.market.core.amount.TokenAmount;
import venus.market.core.multiformats.Cid;
import venus.market.core.storagemarket.StorageDealStatus;
import venus.market.daemon.deals.ProviderDeal;
import venus.market.daemon.deals.ProviderEvent;
import venus.market.devnet.Devnet;
import venus.market.devnet.DevnetOptions;

/**
 * Several deals reach ReserveProviderFunds at once while the provider's escrow is empty, with the chain producing
 * tipsets (and the watcher polling) the whole time, so top-ups land while other deals are reserving and publishing.
 * Every deal must be funded (by a top-up that has landed, or by escrow already there) before it is published: none
 * may fail the publisher's escrow pre-check, each is published exactly once, and the reservations go back to zero.
 */
class ConcurrentProviderFundsDevnetTest {
  @TempDir Path tmp;

  @Test
  void dealsReservedAtOnceOnAnEmptyEscrowArePublishedOnceEachWithoutPeriod() {
    runConcurrently(Duration.ZERO, 8, 4, 0);
  }

  @Test
  void dealsReservedAtOnceOnAnEmptyEscrowArePublishedOnceEachInShortBatches() {
    runConcurrently(Duration.ofSeconds(1), 3, 5, 0);
  }

  /** Arrivals a tipset or so apart: top-ups land (and reach confidence) between one reservation and the next. */
  @Test
  void dealsReservedWhileEarlierTopUpsLandArePublishedOnceEachWithoutPeriod() {
    runConcurrently(Duration.ZERO, 8, 5, 20);
  }

  @Test
  void dealsReservedWhileEarlierTopUpsLandArePublishedOnceEachInShortBatches() {
    runConcurrently(Duration.ofSeconds(1), 2, 5, 20);
  }

  /**
   * Opens {@code n} deals on {@code n} threads released together (deal i after i × {@code staggerMs}) while a
   * background thread mines a tipset and polls the watcher every ~30 ms, then waits until every deal is handed off.
   */
  private void runConcurrently(Duration period, int maxPerMessage, int n, long staggerMs) {
    try (Devnet d = Devnet.start(tmp.resolve("chain"), DevnetOptions.forTests());
        PublishingHarness h = new PublishingHarness(d, tmp.resolve("market"),
            DealPublishingDevnetTest.config(period, maxPerMessage, BigInteger.ZERO))) {
      h.fundClient(h.client());
      assertThat(new BigInteger(DealPublishingDevnetTest.chain(d, "StateMarketBalance", "t01000", null)
          .get("Escrow").asText())).isZero();
      long start = h.head() + 400;

      AtomicBoolean stop = new AtomicBoolean();
      AtomicReference<Throwable> minerError = new AtomicReference<>();
      Thread miner = new Thread(() -> {
        try {
          while (!stop.get()) {
            d.mineTipset();
            h.publishing.watcher().poll();
            Thread.sleep(30);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } catch (Throwable t) {
          minerError.set(t);
        }
      }, "test-miner");

      List<Cid> deals = Collections.synchronizedList(new ArrayList<>());
      ExecutorService openers = Executors.newFixedThreadPool(n);
      try {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Cid>> opened = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          long delay = (i - 1) * staggerMs;
          var proposal = h.proposal(i, start, h.client());
          opened.add(openers.submit(() -> {
            go.await();
            Thread.sleep(delay);
            return h.open(proposal);
          }));
        }
        miner.start();
        go.countDown();
        for (Future<Cid> f : opened) {
          deals.add(f.get(60, TimeUnit.SECONDS));
        }

        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!deals.stream().allMatch(c -> h.deal(c).state() == StorageDealStatus.AWAITING_PRE_COMMIT)) {
          for (Cid c : deals) {
            ProviderDeal p = h.deal(c);
            assertThat(p.isTerminal()).as("deal %s ended in %s: %s", c, p.state().goName(), p.message()).isFalse();
          }
          assertThat(minerError.get()).isNull();
          assertThat(System.nanoTime()).as("deals still in %s",
              deals.stream().map(c -> h.deal(c).state().goName()).toList()).isLessThan(deadline);
          PublishingHarness.sleep();
        }
      } catch (Exception e) {
        throw new AssertionError(e);
      } finally {
        stop.set(true);
        openers.shutdownNow();
        try {
          miner.join(10_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }

      Set<Long> ids = new HashSet<>();
      Set<Cid> publishMessages = new HashSet<>();
      int fundedByTopUp = 0;
      for (Cid c : deals) {
        ProviderDeal p = h.deal(c);
        assertThat(p.fundsReserved()).isEqualTo(TokenAmount.ZERO);
        List<ProviderEvent> ev = DealPublishingDevnetTest.events(h, c);
        // Funded by its own top-up once it landed, or by escrow an earlier top-up left over: topUp may send one
        // top-up too many (never one too few), so a later deal can find its collateral already covered.
        assertThat(ev).as("deal %s funded before publishing", c)
            .containsSubsequence(ProviderEvent.FUNDED, ProviderEvent.DEAL_PUBLISH_INITIATED);
        String fundedNote = h.pipeline.deals().history(c).stream()
            .filter(t -> t.event() == ProviderEvent.FUNDED).findFirst().orElseThrow().note();
        if (p.addFundsCid() != null) {
          assertThat(fundedNote).as("deal %s", c).startsWith("AddBalance " + p.addFundsCid() + " landed at height");
          fundedByTopUp++;
        } else {
          assertThat(fundedNote).as("deal %s", c).isEqualTo("provider escrow covers the collateral");
        }
        assertThat(ev.stream().filter(e -> e == ProviderEvent.DEAL_PUBLISH_INITIATED).count()).isEqualTo(1);
        assertThat(ev.stream().filter(e -> e == ProviderEvent.DEAL_PUBLISHED).count()).isEqualTo(1);
        assertThat(ev).doesNotContain(ProviderEvent.NODE_ERRORED);
        ids.add(p.dealId());
        publishMessages.add(p.publishCid());
      }
      assertThat(fundedByTopUp).as("the escrow started empty: top-ups funded the deals").isPositive();
      assertThat(ids).hasSize(n);
      assertThat(publishMessages).isNotEmpty().hasSizeLessThanOrEqualTo(n);
      // each deal is on chain exactly once, and its collateral is locked there instead of reserved here
      JsonNode onChain = DealPublishingDevnetTest.chain(d, "StateMarketDeals", (Object) null);
      assertThat(onChain.size()).isEqualTo(n);
      assertThat(h.publishing.funds().reserved(PublishingHarness.miner())).isEqualTo(TokenAmount.ZERO);
      JsonNode bal = DealPublishingDevnetTest.chain(d, "StateMarketBalance", "t01000", null);
      assertThat(new BigInteger(bal.get("Locked").asText()))
          .isEqualTo(PublishingHarness.collateral().atto().multiply(BigInteger.valueOf(n)));
    }
  }
}
