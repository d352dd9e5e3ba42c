package venus.market.daemon.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import venus.market.core.amount.TokenAmount;
import venus.market.core.json.LotusJson;
import venus.market.core.jsonrpc.ApiInfo;
import venus.market.core.jsonrpc.Permission;
import venus.market.core.jsonrpc.RpcClient;
import venus.market.core.jsonrpc.RpcRemoteException;
import venus.market.core.market.ClientDealProposal;
import venus.market.core.market.DealLabel;
import venus.market.core.market.DealProposal;
import venus.market.core.multiformats.Cid;
import venus.market.core.piece.CommPHasher;
import venus.market.core.piece.PaddedPieceSize;
import venus.market.core.piece.PieceCid;
import venus.market.core.storagemarket.StorageDealStatus;
import venus.market.core.unixfs.CarGenerator;
import venus.market.daemon.MarketDaemon;
import venus.market.daemon.api.ApiJson;
import venus.market.daemon.api.MarketApi;
import venus.market.daemon.config.ConfigOverrides;
import venus.market.daemon.config.Libp2pConfig;
import venus.market.daemon.deals.DealTransition;
import venus.market.daemon.deals.IllegalDealTransitionException;
import venus.market.daemon.deals.ProviderDeal;
import venus.market.daemon.deals.ProviderEvent;
import venus.market.daemon.repo.Repo;
import venus.market.daemon.testing.DaemonFixture;
import venus.market.devnet.Devnet;
import venus.market.devnet.DevnetOptions;
import venus.market.devnet.actors.MarketPolicy;

/**
 * import-data end to end: the real daemon (API, RocksDB, file-system piece store, funds stage) on the devnet, deals
 * with real client signatures opened through the daemon's pipeline as intake leaves them (WaitingForData), and
 * DealsImportData called over JSON-RPC with the admin token, as the CLI does.
 */
class ImportDataDevnetTest {
  private static final long PIECE = 512 << 10;

  @TempDir static Path dir;
  static Devnet devnet;
  static MarketDaemon daemon;
  static Path cars;
  static Path pieces;
  static int seq;

  @BeforeAll
  static void start() throws Exception {
    devnet = Devnet.start(dir.resolve("devnet"), DevnetOptions.forTests());
    cars = Files.createDirectories(dir.resolve("cars"));
    pieces = dir.resolve("pieces");
    ApiInfo node = ApiInfo.parse(devnet.apiInfo());
    ApiInfo wallet = ApiInfo.parse(devnet.walletApiInfo(Permission.ADMIN));
    daemon = MarketDaemon.start(Repo.open(dir.resolve("market")), List.of(
        ConfigOverrides.nodeUrl(node.address()), ConfigOverrides.nodeToken(node.token()),
        ConfigOverrides.walletUrl(wallet.address()), ConfigOverrides.walletToken(wallet.token()),
        ConfigOverrides.pieceStorage("fs:" + pieces),
        c -> c.withPieceStorage(c.pieceStorage().withAllowedImportDirs(List.of(cars.toString()))),
        ConfigOverrides.miner(devnet.minerAddress() + ":acct"),
        ConfigOverrides.apiListen("/ip4/127.0.0.1/tcp/0"),
        c -> c.withLibp2p(new Libp2pConfig(List.of("/ip4/127.0.0.1/tcp/0"), List.of(), List.of(), ""))));
  }

  @AfterAll
  static void stop() {
    if (daemon != null) {
      daemon.close();
    }
    if (devnet != null) {
      devnet.close();
    }
  }

  private static RpcClient api() {
    return new RpcClient(ApiInfo.parse(daemon.adminToken() + ":" + daemon.apiAddress()).httpUrl("v0"),
        daemon.adminToken(), LotusJson.mapper(), Duration.ofSeconds(120));
  }

  private static void importData(Cid deal, Path file) {
    api().call(MarketApi.full(MarketApi.DEALS_IMPORT_DATA), Object.class, new ApiJson.CidJson(deal.toString()),
        file.toString());
  }

  private static JsonNode getDeal(Cid deal) {
    return api().call(MarketApi.full(MarketApi.MARKET_GET_DEAL), JsonNode.class, new ApiJson.CidJson(deal.toString()));
  }

  /** A lotus-style CAR of a random file, and its piece CID for a {@link #PIECE}-byte deal (zero-padded up). */
  private static Path car(String name, int size, long seed) throws Exception {
    byte[] b = new byte[size];
    new Random(seed).nextBytes(b);
    Path raw = Files.write(dir.resolve(name + ".raw"), b);
    Path car = cars.resolve(name + ".car");
    try (OutputStream out = Files.newOutputStream(car)) {
      new CarGenerator().generate(raw, out);
    }
    return car;
  }

  private static Cid commP(Path file) throws Exception {
    CommPHasher h = new CommPHasher(new PaddedPieceSize(PIECE));
    Files.copy(file, h);
    return PieceCid.v1(h.digest());
  }

  /** A deal signed by the devnet client for {@code piece}, walked to WaitingForData as intake leaves it. */
  private static Cid waitingDeal(Cid piece) {
    seq++;
    long start = daemon.node().chainHead().height() + 3000;
    BigInteger collateral = MarketPolicy.minProviderCollateral(PIECE).multiply(BigInteger.TWO);
    DealProposal p = new DealProposal(piece, PIECE, false, devnet.account("client"), devnet.minerAddress(),
        DealLabel.ofString("offline-" + seq), start, start + MarketPolicy.MIN_DEAL_DURATION, TokenAmount.ofAtto(1000),
        TokenAmount.ofAtto(collateral), TokenAmount.ZERO);
    ClientDealProposal signed = new ClientDealProposal(p,
        devnet.wallet().sign(devnet.account("client"), p.signingBytes()));
    var pipeline = daemon.pipeline();
    Cid cid = pipeline.open(ProviderDeal.received(signed, Instant.now()), "test").proposalCid();
    for (ProviderEvent e : List.of(ProviderEvent.DEAL_DECIDING, ProviderEvent.DATA_REQUESTED)) {
      try {
        pipeline.apply(cid, e, "test");
      } catch (IllegalDealTransitionException ignored) {
        // an intake stage (when present) took this step itself
      }
    }
    assertThat(daemon.deals().get(cid).orElseThrow().state()).isEqualTo(StorageDealStatus.WAITING_FOR_DATA);
    return cid;
  }

  private static List<String> pieceFiles() throws Exception {
    try (Stream<Path> s = Files.list(pieces)) {
      return s.map(p -> p.getFileName().toString()).toList();
    }
  }

  /** Waits until the funds stage has run: the deal left ReserveProviderFunds for funding or publishing. */
  private static ProviderDeal awaitFundsStage(Cid deal) throws InterruptedException {
    Set<StorageDealStatus> after = Set.of(StorageDealStatus.PROVIDER_FUNDING, StorageDealStatus.PUBLISH,
        StorageDealStatus.PUBLISHING);
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      ProviderDeal d = daemon.deals().get(deal).orElseThrow();
      if (after.contains(d.state())) {
        return d;
      }
      assertThat(d.state()).as(d.message()).isNotIn(StorageDealStatus.FAILING, StorageDealStatus.ERROR);
      Thread.sleep(50);
    }
    throw new AssertionError("deal " + deal + " still in " + daemon.deals().get(deal).orElseThrow().state());
  }

  /** Mines tipsets until the deal is in {@code state} (the daemon's watcher polls on its own schedule). */
  private static ProviderDeal mineUntil(Cid deal, StorageDealStatus state) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (System.nanoTime() < deadline) {
      ProviderDeal d = daemon.deals().get(deal).orElseThrow();
      if (d.state() == state) {
        return d;
      }
      assertThat(d.state()).as(d.message()).isNotIn(StorageDealStatus.FAILING, StorageDealStatus.ERROR);
      devnet.mineTipset();
      Thread.sleep(200);
    }
    throw new AssertionError("deal " + deal + " still in " + daemon.deals().get(deal).orElseThrow().state());
  }

  @Test
  void aGoodCarIsStoredUnderItsPieceCidAndTheDealIsFundedAndQueuedForPublishing() throws Exception {
    Path car = car("good", 300_000, 1);
    Cid piece = commP(car);
    Cid deal = waitingDeal(piece);

    importData(deal, car);

    Path stored = pieces.resolve(piece.toString());
    assertThat(Files.readAllBytes(stored)).isEqualTo(Files.readAllBytes(car));
    ProviderDeal d = awaitFundsStage(deal);
    assertThat(d.piecePath()).isEqualTo(stored.toString());
    assertThat(d.payloadSize()).isEqualTo(Files.size(car));
    assertThat(daemon.deals().history(deal)).extracting(DealTransition::event)
        .containsSubsequence(ProviderEvent.DATA_REQUESTED, ProviderEvent.VERIFIED_DATA, ProviderEvent.FUNDS_RESERVED);
    JsonNode json = getDeal(deal);
    assertThat(json.get("PiecePath").asText()).isEqualTo(stored.toString());
    assertThat(daemon.pieceStore().location(piece)).isEqualTo(stored.toString());

    // the chain confirms the escrow top-up and the deal reaches the publisher's queue
    assertThat(mineUntil(deal, StorageDealStatus.PUBLISH).piecePath()).isEqualTo(stored.toString());

    // a second import of the same deal: it no longer waits for data
    assertThatThrownBy(() -> importData(deal, car)).isInstanceOf(RpcRemoteException.class)
        .hasMessageContaining("deal " + deal + " is in StorageDeal")
        .hasMessageContaining("import-data only applies to deals waiting for data");
  }

  @Test
  void aCarWithTheWrongCommPLeavesTheDealWaitingAndStoresNothing() throws Exception {
    Path right = car("right", 200_000, 2);
    Path wrong = car("wrong", 200_000, 3);
    Cid piece = commP(right);
    Cid deal = waitingDeal(piece);

    assertThatThrownBy(() -> importData(deal, wrong)).isInstanceOf(RpcRemoteException.class)
        .hasMessageContaining("given data does not match expected commP (got: " + commP(wrong) + ", expected "
            + piece + ")");

    assertThat(getDeal(deal).get("State").asInt()).isEqualTo(StorageDealStatus.WAITING_FOR_DATA.code());
    assertThat(daemon.pieceStore().has(piece)).isFalse();
    assertThat(pieceFiles()).noneMatch(n -> n.contains(piece.toString()));
  }

  @Test
  void badPathsAreRefusedWithTheReason() throws Exception {
    Path car = car("paths", 1000, 4);
    Cid deal = waitingDeal(commP(car));
    Path outside = Files.copy(car, dir.resolve("outside.car"));

    assertThatThrownBy(() -> importData(deal, cars.resolve("nope.car"))).isInstanceOf(RpcRemoteException.class)
        .hasMessageContaining("does not exist");
    assertThatThrownBy(() -> importData(deal, outside)).isInstanceOf(RpcRemoteException.class)
        .hasMessageContaining("outside the directories import-data may read (" + cars + ")");
    assertThatThrownBy(() -> api().call(MarketApi.full(MarketApi.DEALS_IMPORT_DATA), Object.class,
        new ApiJson.CidJson("not-a-cid"), car.toString())).isInstanceOf(RpcRemoteException.class)
        .hasMessageContaining("proposal cid");
    assertThat(getDeal(deal).get("State").asInt()).isEqualTo(StorageDealStatus.WAITING_FOR_DATA.code());
  }

  @Test
  void aRestartAfterACrashedImportDropsThePartialPieceAndTheDealStillTakesItsData() throws Exception {
    Path car = car("restart", 150_000, 5);
    Cid piece = commP(car);
    Cid deal = waitingDeal(piece);
    // what a crash in the middle of an import leaves: a temp file beside the pieces, nothing under the name
    Path partial = pieces.resolve("." + piece + ".0123456789abcdef.tmp");
    Files.write(partial, new byte[4096]);

    daemon.close();
    daemon = DaemonFixture.restart(dir.resolve("market")); // from config.toml alone, AllowedImportDirs included

    assertThat(Files.exists(partial)).isFalse();
    assertThat(daemon.deals().get(deal).orElseThrow().state()).isEqualTo(StorageDealStatus.WAITING_FOR_DATA);
    assertThat(daemon.config().pieceStorage().allowedImportDirs()).containsExactly(cars.toString());
    importData(deal, car);
    assertThat(awaitFundsStage(deal).piecePath()).isEqualTo(pieces.resolve(piece.toString()).toString());
  }
}
