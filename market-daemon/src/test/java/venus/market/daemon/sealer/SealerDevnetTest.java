package venus.market.daemon.sealer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.math.BigInteger;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import venus.market.core.address.Address;
import venus.market.core.amount.TokenAmount;
import venus.market.core.jsonrpc.Permission;
import venus.market.core.jsonrpc.RpcClient;
import venus.market.core.market.ClientDealProposal;
import venus.market.core.market.DealLabel;
import venus.market.core.market.DealProposal;
import venus.market.core.multiformats.Cid;
import venus.market.core.piece.CommPHasher;
import venus.market.core.piece.PaddedPieceSize;
import venus.market.core.piece.PieceCid;
import venus.market.core.storagemarket.StorageDealStatus;
import venus.market.daemon.MarketDaemon;
import venus.market.daemon.config.ConfigOverrides;
import venus.market.daemon.config.DealPolicy;
import venus.market.daemon.config.Libp2pConfig;
import venus.market.daemon.config.MarketConfig;
import venus.market.daemon.config.PolicyKey;
import venus.market.daemon.deals.DealTransition;
import venus.market.daemon.deals.ProviderDeal;
import venus.market.daemon.deals.ProviderEvent;
import venus.market.daemon.piecestore.PieceWriter;
import venus.market.daemon.publish.DealPublishing;
import venus.market.daemon.repo.Repo;
import venus.market.devnet.Devnet;
import venus.market.devnet.DevnetOptions;
import venus.market.devnet.actors.MarketPolicy;
import venus.market.devnet.cli.DevnetCli;
import venus.market.devnet.sealer.ChainClient;
import venus.market.devnet.sealer.DevnetSealer;
import venus.market.devnet.sealer.MarketClient;
import venus.market.devnet.sealer.PieceSource;

/**
 * The whole path on the devnet: deals driven by the daemon's real pipeline (funds, publish, hand-off) to
 * AwaitingPreCommit, pieces in the filesystem piece store, then the devnet sealer through the sealer API and the chain
 * until the chain tracker reports them Active.
 */
class SealerDevnetTest {
  static final long PIECE_SIZE = 2048;
  static final DealPublishing.Options FAST = new DealPublishing.Options(Duration.ofMillis(100), 1,
      Duration.ofMillis(200));
  @TempDir Path tmp;
  final Random random = new Random(7);

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private MarketDaemon startMarket(Devnet d, int port) throws Exception {
    DealPolicy policy = DealPolicy.defaults().with(PolicyKey.PublishMsgPeriod, Duration.ZERO);
    List<UnaryOperator<MarketConfig>> flags = List.of(
        ConfigOverrides.nodeUrl(d.apiUrl().toString()),
        ConfigOverrides.nodeToken(d.token(Permission.ADMIN)),
        ConfigOverrides.pieceStorage("fs:" + tmp.resolve("pieces").toAbsolutePath()),
        ConfigOverrides.miner("t01000:testaccount"),
        ConfigOverrides.apiListen("/ip4/127.0.0.1/tcp/" + port),
        c -> c.withLibp2p(new Libp2pConfig(List.of("/ip4/127.0.0.1/tcp/0"), List.of(), List.of(), "")),
        c -> c.withPolicy(policy));
    return MarketDaemon.start(Repo.open(tmp.resolve("market")), flags, FAST);
  }

  private MarketDaemon restartMarket() throws Exception {
    return MarketDaemon.start(Repo.open(tmp.resolve("market")), List.of(), FAST);
  }

  /** A deal over random bytes: the piece's real commP, padded to 2 KiB. */
  private record Made(ClientDealProposal proposal, byte[] data) {}

  private Made deal(Devnet d, int n, long start) {
    byte[] data = new byte[1200 + n * 37];
    random.nextBytes(data);
    CommPHasher h = new CommPHasher();
    h.write(data, 0, data.length);
    Cid piece = PieceCid.v1(h.digest(new PaddedPieceSize(PIECE_SIZE)));
    Address client = d.account("client");
    TokenAmount collateral = TokenAmount.ofAtto(MarketPolicy.minProviderCollateral(PIECE_SIZE)
        .multiply(BigInteger.valueOf(110)).divide(BigInteger.valueOf(100)));
    DealProposal p = new DealProposal(piece, PIECE_SIZE, false, client, Address.newId(1000),
        DealLabel.ofString("sealer-" + n), start, start + MarketPolicy.MIN_DEAL_DURATION, TokenAmount.ofAtto(1000),
        collateral, TokenAmount.ZERO);
    return new Made(new ClientDealProposal(p, d.wallet().sign(client, p.signingBytes())), data);
  }

  private static void store(MarketDaemon m, Cid piece, byte[] data) throws Exception {
    try (PieceWriter w = m.pieceStore().create(piece)) {
      try (OutputStream out = w.out()) {
        out.write(data);
      }
      w.commit();
    }
  }

  /** Funds the client, opens the deals as intake + import-data would, and waits until they are handed off. */
  private List<Cid> toAwaitingPreCommit(Devnet d, MarketDaemon m, List<Made> deals) throws Exception {
    Address client = d.account("client");
    addBalance(d, client, client);
    // Provider escrow up front: the funds subsystem's own top-ups are DealPublishingDevnetTest's subject.
    addBalance(d, d.account("worker"), Address.newId(1000));
    List<Cid> out = new ArrayList<>();
    for (Made x : deals) {
      ProviderDeal open = m.pipeline().open(ProviderDeal.received(x.proposal(), Instant.now()), "test");
      m.pipeline().apply(open.proposalCid(), ProviderEvent.DEAL_DECIDING, "test");
      m.pipeline().apply(open.proposalCid(), ProviderEvent.DATA_REQUESTED, "test");
      m.pipeline().apply(open.proposalCid(), ProviderEvent.VERIFIED_DATA, "data imported",
          dl -> dl.toBuilder().payloadSize(x.data().length).build());
      out.add(open.proposalCid());
    }
    for (Cid c : out) {
      await(m, c, StorageDealStatus.AWAITING_PRE_COMMIT);
    }
    return out;
  }

  private static void addBalance(Devnet d, Address from, Address to) {
    RpcClient node = new RpcClient(d.apiUrl(), d.adminToken(), new ObjectMapper(), Duration.ofMinutes(2));
    JsonNode cid = node.call("Filecoin.MarketAddBalance", JsonNode.class, from.toString(), to.toString(),
        TokenAmount.ofFil(10).atto().toString());
    node.call("Filecoin.StateWaitMsg", JsonNode.class, cid, 1, -1, true);
  }

  private static ProviderDeal await(MarketDaemon m, Cid c, StorageDealStatus state) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    ProviderDeal d = m.deals().get(c).orElseThrow();
    while (System.nanoTime() < deadline) {
      d = m.deals().get(c).orElseThrow();
      if (d.state() == state) {
        return d;
      }
      if (d.isTerminal()) {
        throw new AssertionError("deal " + c + " ended in " + d.state().goName() + ": " + d.message());
      }
      Thread.sleep(50);
    }
    throw new AssertionError("deal " + c + " is " + d.state().goName() + ", expected " + state.goName() + " ("
        + d.message() + ")");
  }

  private static DevnetSealer sealer(Devnet d, MarketDaemon m, Path pieceDir) {
    MarketClient market = MarketClient.connect(m.apiAddress(), m.adminToken(), Duration.ofSeconds(30));
    return new DevnetSealer(market, ChainClient.connect(d.apiInfo(), Duration.ofMinutes(2)),
        new PieceSource(pieceDir, market.resourceUrl(), market.token()),
        DevnetSealer.Options.of(Address.newId(1000)).withInterval(Duration.ofMillis(200)));
  }

  @Test
  void theDevnetSealerCarriesDealsToActiveAndReportsAWrongPiece() throws Exception {
    try (Devnet d = Devnet.start(tmp.resolve("chain"), DevnetOptions.forTests().withBlockTime(Duration.ofMillis(200)))) {
      MarketDaemon m = startMarket(d, 0);
      try {
        long start = d.chain().head().height() + 600;
        List<Made> made = List.of(deal(d, 1, start), deal(d, 2, start), deal(d, 3, start));
        for (int i = 0; i < made.size(); i++) {
          // deal 3's piece file holds other bytes than the ones its piece CID commits to
          byte[] bytes = i == 2 ? made.get(0).data() : made.get(i).data();
          store(m, made.get(i).proposal().proposal().pieceCID(), bytes);
        }
        List<Cid> deals = toAwaitingPreCommit(d, m, made);
        // the guide's operator: market-devnet sealer --market-url … --market-token … --miner t01000, one round
        String[] sealOnce = {"sealer", "--repo", d.repo().toString(), "--market-url", m.apiAddress(),
            "--market-token", m.adminToken(), "--miner", "t01000", "--piece-dir", tmp.resolve("pieces").toString(),
            "--once"};
        String out = cli(sealOnce);
        long bad = m.deals().get(deals.get(2)).orElseThrow().dealId();
        List<Long> good = List.of(m.deals().get(deals.get(0)).orElseThrow().dealId(),
            m.deals().get(deals.get(1)).orElseThrow().dealId());
        assertThat(out).contains("Rejected deal " + bad + " piece " + made.get(2).proposal().proposal().pieceCID())
            .contains("commP");
        java.util.regex.Matcher sealed = java.util.regex.Pattern.compile("Sealed sector (\\d+) deals \\[([0-9, ]+)]")
            .matcher(out);
        assertThat(sealed.find()).as(out).isTrue();
        long sector = Long.parseLong(sealed.group(1));
        assertThat(sector).isPositive();
        assertThat(sealed.group(2).split(",\\s*")).containsExactlyInAnyOrder(String.valueOf(good.get(0)),
            String.valueOf(good.get(1)));
        for (int i = 0; i < 2; i++) {
          assertThat(out).containsPattern("Assign Deals " + good.get(i) + " sector " + sector + " piece "
              + made.get(i).proposal().proposal().pieceCID() + " offset \\d+ length 2048");
        }
        assertThat(cli(sealOnce)).as("nothing left to seal").contains("no deals to seal");
        for (Cid c : deals.subList(0, 2)) {
          ProviderDeal active = await(m, c, StorageDealStatus.ACTIVE);
          assertThat(active.sectorNumber()).isEqualTo(sector);
          assertThat(active.pieceStatus()).isEqualTo(PieceStatus.PROVING);
          assertThat(m.deals().history(c)).extracting(DealTransition::event)
              .contains(ProviderEvent.SEALER_UPDATED, ProviderEvent.DEAL_ACTIVATED, ProviderEvent.FINALIZED);
        }
        ProviderDeal rejected = m.deals().get(deals.get(2)).orElseThrow();
        assertThat(rejected.state()).isEqualTo(StorageDealStatus.AWAITING_PRE_COMMIT);
        assertThat(rejected.pieceStatus()).isEqualTo(PieceStatus.INVALID);
        assertThat(rejected.message()).contains("commP").contains(made.get(2).proposal().proposal().pieceCID()
            .toString());
        // venus-sealer deals list, from the devnet CLI
        String listing = cli("sealer", "deals", "list", "--market-url", m.apiAddress(), "--market-token",
            m.adminToken(), "--miner", "t01000");
        assertThat(listing.lines().findFirst().orElseThrow().split("\\s+")).containsExactly("DealId", "PieceCID",
            "PieceSize", "Client", "Provider", "StartEpoch", "EndEpoch", "Price", "Verified", "Packed",
            "FastRetrieval", "Status");
        assertThat(listing).contains(made.get(0).proposal().proposal().pieceCID().toString()).contains("Proving")
            .contains("Invalid");
      } finally {
        m.close();
      }
    }
  }

  @Test
  void aMarketRestartWhileTheSealerPacksLosesNoDeal() throws Exception {
    try (Devnet d = Devnet.start(tmp.resolve("chain"), DevnetOptions.forTests().withBlockTime(Duration.ofMillis(200)))) {
      int port = freePort();
      MarketDaemon m = startMarket(d, port);
      try {
        long start = d.chain().head().height() + 600;
        List<Made> made = List.of(deal(d, 1, start), deal(d, 2, start));
        for (Made x : made) {
          store(m, x.proposal().proposal().pieceCID(), x.data());
        }
        List<Cid> deals = toAwaitingPreCommit(d, m, made);
        // a sealer asked for its next sector, but never saw the answer...
        ChainClient chain = ChainClient.connect(d.apiInfo(), Duration.ofSeconds(30));
        long sector = Math.max(1, chain.highestSector(Address.newId(1000)) + 1);
        MarketClient market = MarketClient.connect(m.apiAddress(), m.adminToken(), Duration.ofSeconds(30));
        JsonNode lost = market.assign(Address.newId(1000), sector, 8L << 20, 10);
        assertThat(lost.findValues("PublishCid").stream().filter(x -> !x.isNull())).as(lost.toString()).hasSize(2);
        // ...and the market went down; the sealer (fetching pieces over HTTP) keeps asking until it is back
        m.close();
        try (DevnetSealer s = sealer(d, m, null)) {
          CompletableFuture<DevnetSealer.Round> round = CompletableFuture.supplyAsync(() -> s.sealOnce().orElseThrow());
          Thread.sleep(1500);
          assertThat(round).isNotDone();
          m = restartMarket();
          assertThat(m.apiAddress()).endsWith("/tcp/" + port);
          DevnetSealer.Round r = round.get(120, java.util.concurrent.TimeUnit.SECONDS);
          assertThat(r.sector()).isEqualTo(sector);
          assertThat(r.rejected()).isEmpty();
          assertThat(r.sealed()).hasSize(2);
        }
        for (Cid c : deals) {
          assertThat(await(m, c, StorageDealStatus.ACTIVE).sectorNumber()).isEqualTo(sector);
        }
      } finally {
        m.close();
      }
    }
  }

  private static String cli(String... args) {
    PrintStream old = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      assertThat(DevnetCli.execute(args)).isZero();
    } finally {
      System.setOut(old);
    }
    return buf.toString(StandardCharsets.UTF_8);
  }
}
