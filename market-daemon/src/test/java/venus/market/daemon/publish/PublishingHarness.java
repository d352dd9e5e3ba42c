package venus.market.daemon.publish;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import venus.market.core.address.Address;
import venus.market.core.amount.TokenAmount;
import venus.market.core.jsonrpc.Permission;
import venus.market.core.market.ClientDealProposal;
import venus.market.core.market.DealLabel;
import venus.market.core.market.DealProposal;
import venus.market.core.multiformats.Cid;
import venus.market.core.piece.PieceCid;
import venus.market.core.storagemarket.StorageDealStatus;
import venus.market.daemon.config.EndpointConfig;
import venus.market.daemon.config.MarketConfig;
import venus.market.daemon.deals.DealPipeline;
import venus.market.daemon.deals.DealStateMachine;
import venus.market.daemon.deals.KvDealStore;
import venus.market.daemon.deals.ProviderDeal;
import venus.market.daemon.deals.ProviderEvent;
import venus.market.daemon.node.NodeClient;
import venus.market.daemon.node.Retry;
import venus.market.daemon.signer.NodeWalletSigner;
import venus.market.daemon.store.RocksKvStore;
import venus.market.devnet.Devnet;
import venus.market.devnet.actors.MarketPolicy;
import venus.market.daemon.testing.DevnetChain;

/**
 * The funds/publish/track subsystem on a real devnet with a RocksDB store, wired like MarketDaemon does it, with
 * watcher and tracker polls driven by the test (their timers are set to an hour) so runs are deterministic.
 */
final class PublishingHarness implements AutoCloseable {
  static final long PIECE_SIZE = 2048;

  final Devnet devnet;
  final NodeClient node;
  final RocksKvStore store;
  final KvDealStore dealStore;
  final DealPipeline pipeline;
  final DealPublishing publishing;

  PublishingHarness(Devnet devnet, Path dir, Supplier<MarketConfig> config) {
    this.devnet = devnet;
    this.node = NodeClient.connect(new EndpointConfig(devnet.apiUrl().toString(), devnet.token(Permission.ADMIN)),
        Duration.ofSeconds(30), Retry.none());
    this.store = RocksKvStore.open(dir);
    this.dealStore = new KvDealStore(store);
    this.pipeline = new DealPipeline(new DealStateMachine(dealStore, Clock.systemUTC()), 4);
    this.publishing = DealPublishing.install(config, node, new NodeWalletSigner(node), store, dealStore, pipeline,
        null, new DealPublishing.Options(Duration.ofHours(1), 1, Duration.ofHours(1)));
    pipeline.resume();
  }

  Address client() {
    return devnet.account("client");
  }

  Address worker() {
    return devnet.account("worker");
  }

  static Address miner() {
    return Address.newId(1000);
  }

  static TokenAmount collateral() {
    return TokenAmount.ofAtto(MarketPolicy.minProviderCollateral(PIECE_SIZE).multiply(BigInteger.valueOf(110))
        .divide(BigInteger.valueOf(100)));
  }

  long head() {
    return node.chainHead().height();
  }

  /** Client escrow for the deals, on chain. */
  void fundClient(Address who) {
    publishing.funds().addBalance(who, who, TokenAmount.ofFil(10), BigInteger.ZERO);
    devnet.mineTipset();
  }

  /** A deal of piece n starting at {@code start}, signed by {@code signer} (the client unless testing a bad one). */
  ClientDealProposal proposal(int n, long start, Address signer) {
    byte[] root = new byte[32];
    root[0] = (byte) n;
    DealProposal p = new DealProposal(PieceCid.v1(root), PIECE_SIZE, false, client(), miner(),
        DealLabel.ofString("deal-" + n), start, start + MarketPolicy.MIN_DEAL_DURATION, TokenAmount.ofAtto(1000),
        collateral(), TokenAmount.ZERO);
    return new ClientDealProposal(p, devnet.wallet().sign(signer, p.signingBytes()));
  }

  /** Opens the deal and walks it to VerifiedData as intake and import would, so ReserveProviderFunds runs. */
  Cid open(ClientDealProposal p) {
    ProviderDeal d = pipeline.open(ProviderDeal.received(p, Instant.now()), "test");
    pipeline.apply(d.proposalCid(), ProviderEvent.DEAL_DECIDING, "test");
    pipeline.apply(d.proposalCid(), ProviderEvent.DATA_REQUESTED, "test");
    pipeline.apply(d.proposalCid(), ProviderEvent.VERIFIED_DATA, "test");
    return d.proposalCid();
  }

  ProviderDeal deal(Cid cid) {
    return pipeline.deals().get(cid).orElseThrow();
  }

  /** Waits (bounded) until the publisher holds {@code n} queued deals; returns its queues. */
  java.util.List<DealPublisher.Pending> awaitQueued(int n) {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      var pending = publishing.publisher().pending();
      if (pending.stream().mapToInt(q -> q.deals().size()).sum() == n) {
        return pending;
      }
      sleep();
    }
    throw new AssertionError("the publisher never held " + n + " deals: " + publishing.publisher().pending());
  }

  /** Waits (bounded) until the deal recorded the AddBalance message that funds it. */
  Cid awaitAddFunds(Cid cid) {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      if (deal(cid).addFundsCid() != null) {
        return deal(cid).addFundsCid();
      }
      sleep();
    }
    throw new AssertionError("deal " + cid + " sent no AddBalance; it is in " + deal(cid).state().goName());
  }

  /** Waits (bounded) until the deal is in {@code state}; stages run on pipeline threads. */
  ProviderDeal await(Cid cid, StorageDealStatus state) {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      ProviderDeal d = deal(cid);
      if (d.state() == state) {
        return d;
      }
      if (d.isTerminal() && !java.util.Set.of(StorageDealStatus.ERROR, StorageDealStatus.EXPIRED,
          StorageDealStatus.SLASHED).contains(state)) {
        throw new AssertionError("deal " + cid + " ended in " + d.state().goName() + ": " + d.message());
      }
      sleep();
      publishing.watcher().poll();
    }
    throw new AssertionError("deal " + cid + " still in " + deal(cid).state().goName() + ", expected "
        + state.goName());
  }

  /**
   * Mines until {@code msg} (pushed by a pipeline thread, possibly a moment from now) is on chain with one tipset on
   * top, the watcher's confidence; {@link #await} then polls the watcher.
   */
  void land(Cid msg) {
    DevnetChain.land(devnet, node, msg);
  }

  /** Mines {@code n} tipsets, then lets the watcher look at the chain. */
  void mineAndPoll(int n) {
    for (int i = 0; i < n; i++) {
      devnet.mineTipset();
    }
    publishing.watcher().poll();
  }

  static void sleep() {
    DevnetChain.sleep();
  }

  @Override
  public void close() {
    publishing.close();
    pipeline.close();
    store.close();
  }
}
