package venus.market.daemon.transfer;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import venus.market.core.address.Address;
import venus.market.core.amount.TokenAmount;
import venus.market.core.jsonrpc.Permission;
import venus.market.core.market.ClientDealProposal;
import venus.market.core.market.DealLabel;
import venus.market.core.market.DealProposal;
import venus.market.core.multiformats.Cid;
import venus.market.core.storagemarket.StorageDealStatus;
import venus.market.daemon.config.DealPolicy;
import venus.market.daemon.config.EndpointConfig;
import venus.market.daemon.config.FsStoreConfig;
import venus.market.daemon.config.MarketConfig;
import venus.market.daemon.config.PolicyKey;
import venus.market.daemon.deals.DealPipeline;
import venus.market.daemon.deals.DealStateMachine;
import venus.market.daemon.deals.DealTransfer;
import venus.market.daemon.deals.DealTransition;
import venus.market.daemon.deals.KvDealStore;
import venus.market.daemon.deals.ProviderDeal;
import venus.market.daemon.deals.ProviderEvent;
import venus.market.daemon.node.NodeClient;
import venus.market.daemon.node.Retry;
import venus.market.daemon.piecestore.FsPieceStore;
import venus.market.daemon.publish.DealPublishing;
import venus.market.daemon.signer.NodeWalletSigner;
import venus.market.daemon.store.RocksKvStore;
import venus.market.devnet.Devnet;
import venus.market.devnet.actors.MarketPolicy;
import venus.market.p2p.host.Host;
import venus.market.daemon.testing.DevnetChain;

/**
 * The provider's deal subsystems as MarketDaemon wires them (RocksDB store, pipeline, funds/publishing, FsPieceStore,
 * data transfers) on a real devnet; re-opening the same directory is a daemon restart. The message watcher's timer is
 * an hour: tests poll it, so runs are deterministic.
 */
final class TransferHarness implements AutoCloseable {
  static final Address MINER = Address.newId(1000);
  private static final ObjectMapper JSON = new ObjectMapper();

  final Devnet devnet;
  final Path dir;
  final NodeClient node;
  final RocksKvStore store;
  final KvDealStore dealStore;
  final DealPipeline pipeline;
  final DealPublishing publishing;
  final FsPieceStore pieces;
  final DataTransfers transfers;

  TransferHarness(Devnet devnet, Path dir, long maxStaging, Host host, TransferOptions options) throws Exception {
    this(devnet, dir, maxStaging, host, options, true);
  }

  /** With {@code withTransfers} false, no transfer stages run: tests walk deals by hand into a state and "crash". */
  TransferHarness(Devnet devnet, Path dir, long maxStaging, Host host, TransferOptions options, boolean withTransfers)
      throws Exception {
    this(devnet, dir, new DataTransfers.Settings(dir.resolve(StagingArea.DIR_NAME), maxStaging, 4, 4), host, options,
        withTransfers);
  }

  TransferHarness(Devnet devnet, Path dir, DataTransfers.Settings settings, Host host, TransferOptions options,
      boolean withTransfers) throws Exception {
    this.devnet = devnet;
    this.dir = dir;
    this.node = NodeClient.connect(new EndpointConfig(devnet.apiUrl().toString(), devnet.token(Permission.ADMIN)),
        Duration.ofSeconds(30), Retry.none());
    this.store = RocksKvStore.open(dir.resolve("metadata"));
    this.dealStore = new KvDealStore(store);
    this.pipeline = new DealPipeline(new DealStateMachine(dealStore, Clock.systemUTC()), 4);
    DealPolicy policy = DealPolicy.defaults().with(PolicyKey.PublishMsgPeriod, Duration.ofHours(1))
        .with(PolicyKey.MaxDealsPerPublishMsg, 8).with(PolicyKey.MaxPublishDealsFee, BigInteger.ZERO);
    MarketConfig cfg = MarketConfig.defaults().withPolicy(policy);
    Supplier<MarketConfig> config = () -> cfg;
    this.publishing = DealPublishing.install(config, node, new NodeWalletSigner(node), store, dealStore, pipeline,
        null, new DealPublishing.Options(Duration.ofHours(1), 1, Duration.ofHours(1)));
    this.pieces = FsPieceStore.open(new FsStoreConfig("test-pieces", dir.resolve("pieces").toString(), false));
    this.transfers = withTransfers ? DataTransfers.install(settings, pipeline, pieces, host, options) : null;
    Files.createDirectories(stagingDir());
    pipeline.resume();
  }

  Path stagingDir() {
    return dir.resolve(StagingArea.DIR_NAME);
  }

  List<Path> staged() throws Exception {
    try (Stream<Path> s = Files.list(stagingDir())) {
      return s.toList();
    }
  }

  Address client() {
    return devnet.account("client");
  }

  long head() {
    return node.chainHead().height();
  }

  void fundClient() {
    publishing.funds().addBalance(client(), client(), TokenAmount.ofFil(10), BigInteger.ZERO);
    devnet.mineTipset();
  }

  /** A deal for {@code pieceCid} of {@code pieceSize} padded bytes, signed by the client's key. */
  ClientDealProposal proposal(Cid pieceCid, long pieceSize, String label) {
    long start = head() + 200;
    TokenAmount collateral = TokenAmount.ofAtto(MarketPolicy.minProviderCollateral(pieceSize)
        .multiply(BigInteger.valueOf(110)).divide(BigInteger.valueOf(100)));
    DealProposal p = new DealProposal(pieceCid, pieceSize, false, client(), MINER, DealLabel.ofString(label), start,
        start + MarketPolicy.MIN_DEAL_DURATION, TokenAmount.ofAtto(1000), collateral, TokenAmount.ZERO);
    return new ClientDealProposal(p, devnet.wallet().sign(client(), p.signingBytes()));
  }

  /** Stores the deal with a boost transfer and walks it to WaitingForData as intake does after accepting it. */
  Cid openOnline(ClientDealProposal p, String type, String url, Map<String, String> headers, long size)
      throws Exception {
    String params = JSON.writeValueAsString(Map.of("URL", url, "Headers", headers));
    ProviderDeal d = ProviderDeal.builder(p, Instant.now()).dealUuid(UUID.randomUUID()).protocol("/fil/storage/mk/1.2.0")
        .transfer(new DealTransfer(type, params, size)).build();
    pipeline.open(d, "test");
    pipeline.apply(d.proposalCid(), ProviderEvent.DEAL_DECIDING, "test");
    pipeline.apply(d.proposalCid(), ProviderEvent.DATA_REQUESTED, "test");
    return d.proposalCid();
  }

  ProviderDeal deal(Cid cid) {
    return pipeline.deals().get(cid).orElseThrow();
  }

  List<ProviderEvent> events(Cid cid) {
    return pipeline.deals().history(cid).stream().map(DealTransition::event).toList();
  }

  /** Waits (bounded) until the deal is in one of {@code states}; stages run on pipeline and transfer threads. */
  ProviderDeal await(Cid cid, Set<StorageDealStatus> states) {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (System.nanoTime() < deadline) {
      ProviderDeal d = deal(cid);
      if (states.contains(d.state())) {
        return d;
      }
      if (d.isTerminal()) {
        throw new AssertionError("deal " + cid + " ended in " + d.state().goName() + ": " + d.message());
      }
      sleep();
      publishing.watcher().poll();
    }
    throw new AssertionError("deal " + cid + " still in " + deal(cid).state().goName() + ", expected " + states);
  }

  ProviderDeal await(Cid cid, StorageDealStatus state) {
    return await(cid, Set.of(state));
  }

  /** Waits until the deal has verified data: funds are being reserved or later. */
  ProviderDeal awaitVerified(Cid cid) {
    return await(cid, Set.of(StorageDealStatus.RESERVE_PROVIDER_FUNDS, StorageDealStatus.PROVIDER_FUNDING,
        StorageDealStatus.PUBLISH));
  }

  ProviderDeal awaitError(Cid cid) {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (System.nanoTime() < deadline) {
      ProviderDeal d = deal(cid);
      if (d.state() == StorageDealStatus.ERROR) {
        return d;
      }
      sleep();
    }
    throw new AssertionError("deal " + cid + " still in " + deal(cid).state().goName() + ", expected Error");
  }

  /** Mines until {@code msg} is on chain with a tipset on top (the watcher's confidence in these tests). */
  void land(Cid msg) {
    DevnetChain.land(devnet, node, msg);
  }

  /** Walks a verified deal through funding into the publisher's queue. */
  ProviderDeal toPublish(Cid cid) {
    ProviderDeal d = await(cid, Set.of(StorageDealStatus.PROVIDER_FUNDING, StorageDealStatus.PUBLISH));
    if (d.state() == StorageDealStatus.PROVIDER_FUNDING) {
      land(d.addFundsCid());
    }
    return await(cid, StorageDealStatus.PUBLISH);
  }

  static void sleep() {
    DevnetChain.sleep();
  }

  @Override
  public void close() {
    if (transfers != null) {
      transfers.close();
    }
    publishing.close();
    pipeline.close();
    store.close();
  }
}
