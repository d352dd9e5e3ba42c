package venus.market.daemon.publish;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import venus.market.core.address.Address;
import venus.market.core.amount.TokenAmount;
import venus.market.core.jsonrpc.RpcClient;
import venus.market.core.market.ClientDealProposal;
import venus.market.core.miner.MinerMethods;
import venus.market.core.miner.PreCommitSectorBatchParams2;
import venus.market.core.miner.ProveCommitSectorParams;
import venus.market.core.miner.SectorPreCommitInfo;
import venus.market.core.multiformats.Cid;
import venus.market.core.storagemarket.StorageDealStatus;
import venus.market.daemon.config.DealPolicy;
import venus.market.daemon.config.MarketConfig;
import venus.market.daemon.config.PolicyKey;
import venus.market.daemon.deals.DealTransition;
import venus.market.daemon.deals.ProviderDeal;
import venus.market.daemon.deals.ProviderEvent;
import venus.market.daemon.node.ChainMessenger;
import venus.market.daemon.signer.NodeWalletSigner;
import venus.market.devnet.Devnet;
import venus.market.devnet.DevnetOptions;
import venus.market.devnet.actors.MarketPolicy;
import venus.market.devnet.actors.PieceCommD;
import venus.market.devnet.actors.PieceRef;
import venus.market.devnet.chain.Genesis;

/** Funds, publishing, hand-off and chain tracking against the real devnet. */
class DealPublishingDevnetTest {
  @TempDir Path tmp;

  static Supplier<MarketConfig> config(Duration period, int max, BigInteger maxFee) {
    DealPolicy p = DealPolicy.defaults().with(PolicyKey.PublishMsgPeriod, period)
        .with(PolicyKey.MaxDealsPerPublishMsg, max).with(PolicyKey.MaxPublishDealsFee, maxFee);
    MarketConfig c = MarketConfig.defaults().withPolicy(p);
    return () -> c;
  }

  static JsonNode chain(Devnet d, String method, Object... params) {
    return new RpcClient(d.apiUrl(), d.adminToken(), new ObjectMapper(), Duration.ofSeconds(30))
        .call("Filecoin." + method, JsonNode.class, params);
  }

  /** Walks the deals through funding (AddBalance from the worker, confidence 1) into the publisher queue. */
  static void fund(PublishingHarness h, List<Cid> deals) {
    for (Cid c : deals) {
      h.land(h.awaitAddFunds(c));
    }
  }

  static List<ProviderEvent> events(PublishingHarness h, Cid c) {
    return h.pipeline.deals().history(c).stream().map(DealTransition::event).toList();
  }

  @Test
  void aFullBatchIsPublishedInOneMessageAndEachDealGetsItsOwnId() {
    try (Devnet d = Devnet.start(tmp.resolve("chain"), DevnetOptions.forTests());
        PublishingHarness h = new PublishingHarness(d, tmp.resolve("market"),
            config(Duration.ofHours(1), 2, BigInteger.ZERO))) {
      h.fundClient(h.client());
      long start = h.head() + 200;
      Cid a = h.open(h.proposal(1, start, h.client()));
      Cid b = h.open(h.proposal(2, start, h.client()));
      fund(h, List.of(a, b));
      ProviderDeal pa = h.await(a, StorageDealStatus.PUBLISHING);
      ProviderDeal pb = h.await(b, StorageDealStatus.PUBLISHING);
      assertThat(pa.publishCid()).isNotNull().isEqualTo(pb.publishCid());
      assertThat(pa.fundsReserved()).isEqualTo(PublishingHarness.collateral());
      assertThat(h.publishing.funds().reserved(PublishingHarness.miner()))
          .isEqualTo(PublishingHarness.collateral().multiply(2));

      h.land(pa.publishCid());
      for (Cid c : List.of(a, b)) {
        ProviderDeal done = h.await(c, StorageDealStatus.AWAITING_PRE_COMMIT);
        assertThat(done.pieceStatus()).isEqualTo(ProviderDeal.PIECE_UNDEFINED);
        assertThat(done.fundsReserved()).isEqualTo(TokenAmount.ZERO);
        JsonNode onChain = chain(d, "StateMarketStorageDeal", done.dealId(), null);
        assertThat(onChain.get("Proposal").get("PieceCID").get("/").asText())
            .isEqualTo(done.proposal().proposal().pieceCID().toString());
        assertThat(events(h, c)).containsSubsequence(ProviderEvent.FUNDS_RESERVED, ProviderEvent.FUNDING_INITIATED,
            ProviderEvent.FUNDED, ProviderEvent.DEAL_PUBLISH_INITIATED, ProviderEvent.FUNDS_RELEASED,
            ProviderEvent.DEAL_PUBLISHED, ProviderEvent.DEAL_HANDED_OFF);
      }
      assertThat(h.deal(a).dealId()).isNotEqualTo(h.deal(b).dealId());
      assertThat(chain(d, "StateMarketDeals", (Object) null).size()).isEqualTo(2);
      assertThat(h.publishing.funds().reserved(PublishingHarness.miner())).isEqualTo(TokenAmount.ZERO);
    }
  }

  /**
   * Found by market-reliability's crash test: a deal reserved after the first deal's AddBalance was executed, but
   * before the watcher's confidence, counted that top-up twice (in the escrow balance and as in flight), sent none
   * of its own, and failed at publishing with "escrow available ... does not cover collateral".
   */
  @Test
  void aDealReservedAfterAnEarlierTopUpLandedSendsItsOwnTopUp() {
    try (Devnet d = Devnet.start(tmp.resolve("chain"), DevnetOptions.forTests());
        PublishingHarness h = new PublishingHarness(d, tmp.resolve("market"),
            config(Duration.ofHours(1), 2, BigInteger.ZERO))) {
      h.fundClient(h.client());
      long start = h.head() + 200;
      Cid a = h.open(h.proposal(1, start, h.client()));
      Cid first = h.awaitAddFunds(a);
      h.land(first); // executed, and the watcher has not looked yet
      Cid b = h.open(h.proposal(2, start, h.client()));
      Cid second = h.awaitAddFunds(b);
      assertThat(second).isNotEqualTo(first);
      h.land(second);
      ProviderDeal pa = h.await(a, StorageDealStatus.PUBLISHING);
      h.await(b, StorageDealStatus.PUBLISHING);
      h.land(pa.publishCid());
      h.await(a, StorageDealStatus.AWAITING_PRE_COMMIT);
      h.await(b, StorageDealStatus.AWAITING_PRE_COMMIT);
    }
  }

  @Test
  void aQueueIsPublishedWhenItsPeriodExpires() {
    try (Devnet d = Devnet.start(tmp.resolve("chain"), DevnetOptions.forTests());
        PublishingHarness h = new PublishingHarness(d, tmp.resolve("market"),
            config(Duration.ofSeconds(3), 8, BigInteger.ZERO))) {
      h.fundClient(h.client());
      Cid a = h.open(h.proposal(1, h.head() + 200, h.client()));
      fund(h, List.of(a));
      h.await(a, StorageDealStatus.PUBLISH);
      // queued with its period start, then published by the timer alone
      List<DealPublisher.Pending> pending = h.awaitQueued(1);
      assertThat(pending.get(0).deals()).extracting(ClientDealProposal::proposalCid).containsExactly(a);
      assertThat(pending.get(0).period()).isEqualTo(Duration.ofSeconds(3));
      assertThat(pending.get(0).periodStart()).isNotNull();
      assertThat(h.deal(a).state()).isEqualTo(StorageDealStatus.PUBLISH);
      h.await(a, StorageDealStatus.PUBLISHING);
      assertThat(h.publishing.publisher().pending()).isEmpty();
      h.land(h.deal(a).publishCid());
      h.await(a, StorageDealStatus.AWAITING_PRE_COMMIT);
    }
  }

  @Test
  void theChainDropsAnInvalidDealAndTheOthersGetTheRightIds() {
    try (Devnet d = Devnet.start(tmp.resolve("chain"), DevnetOptions.forTests());
        PublishingHarness h = new PublishingHarness(d, tmp.resolve("market"),
            config(Duration.ofHours(1), 8, BigInteger.ZERO))) {
      h.fundClient(h.client());
      long start = h.head() + 200;
      Cid a = h.open(h.proposal(1, start, h.client()));
      Cid bad = h.open(h.proposal(2, start, h.worker())); // signed by the wrong key
      Cid c = h.open(h.proposal(3, start, h.client()));
      fund(h, List.of(a, bad, c));
      for (Cid x : List.of(a, bad, c)) {
        h.await(x, StorageDealStatus.PUBLISH);
      }
      // the Publish stage queues each deal right after its transition
      List<DealPublisher.Pending> pending = h.awaitQueued(3);
      assertThat(pending).hasSize(1);
      assertThat(pending.get(0).provider()).isEqualTo(PublishingHarness.miner());
      assertThat(pending.get(0).deals()).extracting(ClientDealProposal::proposalCid)
          .containsExactlyInAnyOrder(a, bad, c);
      h.publishing.publisher().publishAll(); // publish-now
      for (Cid x : List.of(a, bad, c)) {
        h.await(x, StorageDealStatus.PUBLISHING);
      }
      h.land(h.deal(a).publishCid());
      ProviderDeal failed = h.await(bad, StorageDealStatus.ERROR);
      assertThat(failed.message()).contains("deal was invalid at publication").contains("is not in ValidDeals");
      assertThat(failed.fundsReserved()).isEqualTo(TokenAmount.ZERO);
      for (Cid x : List.of(a, c)) {
        ProviderDeal ok = h.await(x, StorageDealStatus.AWAITING_PRE_COMMIT);
        JsonNode onChain = chain(d, "StateMarketStorageDeal", ok.dealId(), null);
        assertThat(onChain.get("Proposal").get("Label").asText()).isEqualTo(ok.proposal().proposal().label()
            .jsonString());
      }
      assertThat(List.of(h.deal(a).dealId(), h.deal(c).dealId())).containsExactlyInAnyOrder(1L, 2L);
      assertThat(h.publishing.funds().reserved(PublishingHarness.miner())).isEqualTo(TokenAmount.ZERO);
    }
  }

  @Test
  void aDealWhoseStartEpochPassedFailsAloneBeforeTheBatchIsSent() {
    try (Devnet d = Devnet.start(tmp.resolve("chain"), DevnetOptions.forTests());
        PublishingHarness h = new PublishingHarness(d, tmp.resolve("market"),
            config(Duration.ofHours(1), 8, BigInteger.ZERO))) {
      h.fundClient(h.client());
      long head = h.head();
      Cid late = h.open(h.proposal(1, head + 6, h.client()));
      Cid ok = h.open(h.proposal(2, head + 200, h.client()));
      fund(h, List.of(late, ok));
      h.await(late, StorageDealStatus.PUBLISH);
      h.await(ok, StorageDealStatus.PUBLISH);
      h.awaitQueued(2);
      for (int i = 0; i < 6; i++) {
        d.mineTipset();
      }
      h.publishing.publisher().publishAll();
      ProviderDeal failed = h.await(late, StorageDealStatus.ERROR);
      assertThat(failed.message()).contains("cannot publish deal with piece CID")
          .contains("has passed deal proposal start epoch " + (head + 6));
      h.await(ok, StorageDealStatus.PUBLISHING);
      h.land(h.deal(ok).publishCid());
      h.await(ok, StorageDealStatus.AWAITING_PRE_COMMIT);
      assertThat(h.publishing.funds().reserved(PublishingHarness.miner())).isEqualTo(TokenAmount.ZERO);
    }
  }

  @Test
  void thePublishMessageRespectsMaxPublishDealsFee() {
    BigInteger cap = BigInteger.valueOf(10_000_000_000L);
    try (Devnet d = Devnet.start(tmp.resolve("chain"), DevnetOptions.forTests());
        PublishingHarness h = new PublishingHarness(d, tmp.resolve("market"), config(Duration.ZERO, 8, cap))) {
      h.fundClient(h.client());
      Cid a = h.open(h.proposal(1, h.head() + 200, h.client()));
      fund(h, List.of(a));
      ProviderDeal p = h.await(a, StorageDealStatus.PUBLISHING);
      h.land(p.publishCid());
      JsonNode msg = chain(d, "ChainGetMessage", java.util.Map.of("/", p.publishCid().toString()));
      BigInteger fee = new BigInteger(msg.get("GasFeeCap").asText()).multiply(BigInteger.valueOf(
          msg.get("GasLimit").asLong()));
      assertThat(fee).isLessThanOrEqualTo(cap);
      // the node's own estimate would have cost more: the cap actually applied
      assertThat(new BigInteger(msg.get("GasFeeCap").asText())).isLessThan(BigInteger.valueOf(100_400));
      h.land(p.publishCid());
      h.await(a, StorageDealStatus.AWAITING_PRE_COMMIT);
    }
  }

  @Test
  void aCrashBetweenPersistingAndPushingNeverPublishesTwice() {
    Supplier<MarketConfig> cfg = config(Duration.ofHours(1), 2, BigInteger.ZERO);
    try (Devnet d = Devnet.start(tmp.resolve("chain"), DevnetOptions.forTests())) {
      Cid a;
      Cid b;
      Cid publishCid;
      long nonceBefore;
      try (PublishingHarness h = new PublishingHarness(d, tmp.resolve("market"), cfg)) {
        h.fundClient(h.client());
        long start = h.head() + 200;
        AtomicReference<Cid> saved = new AtomicReference<>();
        h.publishing.publisher().beforePush(m -> {
          saved.set(m.cid());
          throw new IllegalStateException("simulated crash before MpoolPush");
        });
        a = h.open(h.proposal(1, start, h.client()));
        b = h.open(h.proposal(2, start, h.client()));
        fund(h, List.of(a, b));
        nonceBefore = h.node.mpoolGetNonce(h.worker());
        h.await(a, StorageDealStatus.PUBLISHING);
        h.await(b, StorageDealStatus.PUBLISHING);
        publishCid = h.deal(a).publishCid();
        while (saved.get() == null) {
          PublishingHarness.sleep();
        }
        assertThat(saved.get()).isEqualTo(publishCid);
      }
      // nothing reached the pool: the worker's next nonce is unchanged and the chain has no deal
      d.mineTipset();
      assertThat(chain(d, "MpoolGetNonce", d.account("worker").toString()).asLong()).isEqualTo(nonceBefore);
      assertThat(chain(d, "StateMarketDeals", (Object) null).size()).isZero();

      try (PublishingHarness h = new PublishingHarness(d, tmp.resolve("market"), cfg)) {
        // the restart pushed the saved message itself, not a new one
        assertThat(h.node.mpoolGetNonce(h.worker())).isEqualTo(nonceBefore + 1);
        h.land(publishCid);
        ProviderDeal da = h.await(a, StorageDealStatus.AWAITING_PRE_COMMIT);
        ProviderDeal db = h.await(b, StorageDealStatus.AWAITING_PRE_COMMIT);
        assertThat(da.publishCid()).isEqualTo(publishCid);
        assertThat(db.publishCid()).isEqualTo(publishCid);
        assertThat(chain(d, "StateMarketDeals", (Object) null).size()).isEqualTo(2);
        h.mineAndPoll(3);
        assertThat(h.node.mpoolGetNonce(h.worker())).isEqualTo(nonceBefore + 1);
        assertThat(h.publishing.funds().reserved(PublishingHarness.miner())).isEqualTo(TokenAmount.ZERO);
      }
      // and a second restart with everything handed off sends nothing
      try (PublishingHarness h = new PublishingHarness(d, tmp.resolve("market"), cfg)) {
        assertThat(h.node.mpoolGetNonce(h.worker())).isEqualTo(nonceBefore + 1);
        assertThat(h.deal(a).state()).isEqualTo(StorageDealStatus.AWAITING_PRE_COMMIT);
      }
    }
  }

  @Test
  void aHandedOffDealBecomesSealingThenActiveWhenItsSectorIsCommitted() {
    try (Devnet d = Devnet.start(tmp.resolve("chain"), DevnetOptions.forTests());
        PublishingHarness h = new PublishingHarness(d, tmp.resolve("market"),
            config(Duration.ZERO, 8, BigInteger.ZERO))) {
      h.fundClient(h.client());
      long start = h.head() + 200;
      Cid a = h.open(h.proposal(1, start, h.client()));
      fund(h, List.of(a));
      h.await(a, StorageDealStatus.PUBLISHING);
      h.land(h.deal(a).publishCid());
      ProviderDeal deal = h.await(a, StorageDealStatus.AWAITING_PRE_COMMIT);
      h.publishing.tracker().check(h.head());
      assertThat(h.deal(a).state()).isEqualTo(StorageDealStatus.AWAITING_PRE_COMMIT);

      long sector = 5;
      byte[] piece = deal.proposal().proposal().pieceCID().bytes();
      Cid commD = Cid.decode(new PieceCommD().compute(Genesis.SECTOR_SIZE_8MIB,
          List.of(new PieceRef(piece, PublishingHarness.PIECE_SIZE))));
      ChainMessenger m = new ChainMessenger(h.node, new NodeWalletSigner(h.node));
      SectorPreCommitInfo pre = new SectorPreCommitInfo(Genesis.SEAL_PROOF_8MIB_V1_1, sector, commD, h.head(),
          List.of(deal.dealId()), start + MarketPolicy.MIN_DEAL_DURATION + 100, commD);
      m.send(h.worker(), PublishingHarness.miner(), TokenAmount.ZERO, MinerMethods.PRE_COMMIT_SECTOR_BATCH2,
          new PreCommitSectorBatchParams2(List.of(pre)).toCbor(), BigInteger.ZERO, s -> {});
      d.mineTipset();
      // the sealer tells the market which sector holds the deal (its API records it on the deal)
      h.pipeline.deals().apply(a, ProviderEvent.RESTART, "sealer assigned sector",
          x -> x.toBuilder().sectorNumber(sector).build());
      h.publishing.tracker().check(h.head());
      h.await(a, StorageDealStatus.SEALING);

      m.send(h.worker(), PublishingHarness.miner(), TokenAmount.ZERO, MinerMethods.PROVE_COMMIT_SECTOR,
          new ProveCommitSectorParams(sector, new byte[] {1, 2, 3}).toCbor(), BigInteger.ZERO, s -> {});
      d.mineTipset();
      h.publishing.tracker().check(h.head());
      ProviderDeal active = h.await(a, StorageDealStatus.ACTIVE);
      assertThat(active.sectorNumber()).isEqualTo(sector);
      assertThat(active.pieceStatus()).isEqualTo("Proving");
      assertThat(events(h, a)).containsSubsequence(ProviderEvent.DEAL_PRECOMMITTED, ProviderEvent.DEAL_ACTIVATED,
          ProviderEvent.FINALIZED);
      // the sealer API moving the deal as well is tolerated: a second pass changes nothing
      h.publishing.tracker().check(h.head());
      assertThat(h.deal(a).state()).isEqualTo(StorageDealStatus.ACTIVE);
    }
  }

  @Test
  void aSavedPublishMessageWhoseNonceWasTakenFailsItsDealsAtRestart() {
    Supplier<MarketConfig> cfg = config(Duration.ZERO, 8, BigInteger.ZERO);
    try (Devnet d = Devnet.start(tmp.resolve("chain"), DevnetOptions.forTests())) {
      Cid a;
      try (PublishingHarness h = new PublishingHarness(d, tmp.resolve("market"), cfg)) {
        h.fundClient(h.client());
        h.publishing.publisher().beforePush(m -> {
          throw new IllegalStateException("simulated crash before MpoolPush");
        });
        a = h.open(h.proposal(1, h.head() + 200, h.client()));
        fund(h, List.of(a));
        h.await(a, StorageDealStatus.PUBLISHING);
        // while the market is down, another message from the worker takes the saved message's nonce
        new ChainMessenger(h.node, new NodeWalletSigner(h.node)).send(h.worker(), h.client(), TokenAmount.ofAtto(1),
            0, new byte[0], BigInteger.ZERO, s -> {});
        d.mineTipset();
      }
      try (PublishingHarness h = new PublishingHarness(d, tmp.resolve("market"), cfg)) {
        ProviderDeal failed = h.await(a, StorageDealStatus.ERROR);
        assertThat(failed.message()).contains("was refused when pushed again");
        assertThat(h.publishing.funds().reserved(PublishingHarness.miner())).isEqualTo(TokenAmount.ZERO);
        assertThat(chain(d, "StateMarketDeals", (Object) null).size()).isZero();
      }
    }
  }

  @Test
  void aRestartWhileTheTopUpIsInFlightWaitsForThatMessage() {
    Supplier<MarketConfig> cfg = config(Duration.ZERO, 8, BigInteger.ZERO);
    try (Devnet d = Devnet.start(tmp.resolve("chain"), DevnetOptions.forTests())) {
      Cid a;
      Cid addFunds;
      try (PublishingHarness h = new PublishingHarness(d, tmp.resolve("market"), cfg)) {
        h.fundClient(h.client());
        a = h.open(h.proposal(1, h.head() + 200, h.client()));
        addFunds = h.awaitAddFunds(a);
      }
      try (PublishingHarness h = new PublishingHarness(d, tmp.resolve("market"), cfg)) {
        assertThat(h.deal(a).state()).isEqualTo(StorageDealStatus.PROVIDER_FUNDING);
        h.land(addFunds);
        ProviderDeal p = h.await(a, StorageDealStatus.PUBLISHING);
        h.land(p.publishCid());
        h.await(a, StorageDealStatus.AWAITING_PRE_COMMIT);
        // one top-up only: the restarted stage waited for the first one instead of sending another
        assertThat(new BigInteger(chain(d, "StateMarketBalance", "t01000", null).get("Escrow").asText()))
            .isEqualTo(PublishingHarness.collateral().atto());
      }
    }
  }
}
