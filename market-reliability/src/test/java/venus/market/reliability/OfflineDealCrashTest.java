package venus.market.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import venus.market.core.amount.TokenAmount;
import venus.market.core.multiformats.Cid;
import venus.market.core.storagemarket.StorageDealStatus;
import venus.market.daemon.deals.ProviderDeal;

/**
 * An offline deal made for real, with three processes: the client daemon proposes over mk/1.2.0, the provider
 * imports the CAR with {@code import-data}. The client is killed while its proposal is in flight and while it waits
 * for publishing; the provider is killed in WaitingForData and inside import-data (while the piece is being
 * written). Afterwards: one deal on each side, published once, the piece stored whole under its CID and no temp
 * file left, the escrow reservation released.
 */
class OfflineDealCrashTest {
  static final Duration STEP = Duration.ofSeconds(90);
  static final int DATA_BYTES = 6 << 20;

  @TempDir Path tmp;
  DevnetProcess devnet;
  ProviderProcess provider;
  ClientProcess client;
  final CrashTable table = new CrashTable();

  @AfterEach
  void tearDown() {
    ProgramProcess.closeAll(client, provider, devnet);
  }

  @Test
  void anOfflineDealSurvivesKillsOfClientAndProviderAroundImportData() throws Exception {
    Path logs = Paths.get("target", "offline-logs");
    devnet = new DevnetProcess(tmp.resolve("devnet"), logs.resolve("devnet.log"), Duration.ofMillis(250)).start();
    provider = new ProviderProcess(tmp.resolve("market"), tmp.resolve("pieces"), logs.resolve("provider.log"), devnet,
        ProviderCrashTest.POLICY).start();
    DealSeeder chain = new DealSeeder(devnet);
    chain.fundClient(5);
    provider.rpc().call("MarketSetAsk", ProviderProcess.MINER, "0", "0", 86400L, 512L, 8L << 20);
    provider.pointMinerHere();
    client = new ClientProcess(tmp.resolve("client"), logs.resolve("client.log"), devnet, chain.client().toString())
        .start();

    // The data: a file, its CAR (what the client ships on a disk) and the CAR's piece commitment.
    Path file = tmp.resolve("data.bin");
    byte[] bytes = new byte[DATA_BYTES];
    new Random(9).nextBytes(bytes);
    Files.write(file, bytes);
    String root = field(client.cli("data", "import", file.toString()).ok(), "Root ");
    Path car = tmp.resolve("data.car");
    client.cli("data", "generate-car", file.toString(), car.toString()).ok();
    String commP = client.cli("data", "commP", car.toString()).ok();
    String pieceCid = field(commP, "CID:").trim();
    String pieceBytes = field(commP, "Piece size in bytes:").trim();

    // Client killed once the provider has recorded its proposal (the answer may not have reached it).
    CompletableFuture<ClientProcess.Cli> init = CompletableFuture.supplyAsync(() -> client.cli("storage", "deals",
        "init", "--manual-piece-cid", pieceCid, "--manual-piece-size", pieceBytes, root, ProviderProcess.MINER, "0",
        "518400"));
    String proposal = Poll.until("the provider to record the proposal", STEP, Duration.ofMillis(10), () -> {
      JsonNode all = provider.rpc().call("MarketListIncompleteDeals", "");
      return all.size() == 1 ? all.get(0).get("ProposalCid").get("/").asText() : null;
    });
    client.kill();
    ClientProcess.Cli initResult = init.join();
    client.start();
    JsonNode clientDeal = Poll.until("the restarted client to know the deal", STEP, Duration.ofMillis(200),
        () -> client.deal(proposal));
    assertThat(provider.rpc().call("MarketListIncompleteDeals", "").size()).isEqualTo(1);
    table.add("client", "proposal sent over mk/1.2.0, provider recorded it (init exit " + initResult.exit() + ")", 1,
        "no second deal; the client keeps its deal", "one provider deal; the client lists it ("
            + text(clientDeal, "state", "State") + ")");

    provider.await(proposal, StorageDealStatus.WAITING_FOR_DATA, STEP);
    provider.kill();
    provider.start();
    provider.await(proposal, StorageDealStatus.WAITING_FOR_DATA, STEP);
    table.add("provider", "StorageDealWaitingForData (offline deal, before import-data)", 1,
        "still waiting for the data", "StorageDealWaitingForData after restart");

    // Provider killed inside import-data: as soon as the piece's temp file exists (or the import ended first).
    CompletableFuture<Object> importing = CompletableFuture.supplyAsync(() -> {
      try {
        return provider.rpc().call("DealsImportData", Map.of("/", proposal), car.toString());
      } catch (RuntimeException e) {
        return e;
      }
    });
    boolean sawTemp = false;
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!importing.isDone() && System.nanoTime() < deadline && !(sawTemp = tempFiles().findAny().isPresent())) {
      Thread.onSpinWait();
    }
    provider.kill();
    importing.join();
    provider.start();
    assertThat(tempFiles().toList()).as("temp piece files after the restart").isEmpty();
    StorageDealStatus afterImportKill = provider.state(proposal);
    String importOutcome;
    if (afterImportKill == StorageDealStatus.WAITING_FOR_DATA) {
      assertThat(pieceFiles()).as("no piece stored by the killed import").isEmpty();
      ProviderCli.run(provider.repo(), "storage-deals", "import-data", proposal, car.toString()).ok();
      importOutcome = "no piece file, no temp file; import-data again succeeded";
    } else {
      importOutcome = "the import had committed: deal in " + afterImportKill.goName() + ", piece whole";
    }
    table.add("provider", "inside import-data (" + (sawTemp ? "piece temp file being written" : "before the piece "
        + "write") + ")", 1, "nothing partial; import again", importOutcome);

    // Client killed while it waits for publishing; the provider publishes without it.
    provider.await(proposal, StorageDealStatus.PUBLISH, STEP);
    client.kill();
    Poll.until("the publisher to hold the deal", STEP, Duration.ofMillis(50),
        () -> provider.rpc().call("MarketPendingDeals").get(0).get("Deals").size() == 1);
    provider.rpc().call("MarketPublishPendingDeals");
    JsonNode published = provider.await(proposal, StorageDealStatus.AWAITING_PRE_COMMIT, STEP);
    client.start();
    // The client's own state or the provider state it fetched over status/1.2.0 (a client before the deal-ID-0 fix
    // of the e2e branch keeps the first deal of a fresh chain in CheckForAcceptance, but still shows the provider's).
    JsonNode seen = Poll.until("the client to see its deal published", STEP, Duration.ofMillis(200), () -> {
      JsonNode d = client.deal(proposal);
      return d != null && d.toString().contains("StorageDealAwaitingPreCommit") ? d : null;
    });
    assertThat(seen.toString()).doesNotContain("StorageDealError");
    table.add("client", "waiting for publishing (provider in StorageDealPublish)", 1,
        "provider publishes alone; the client catches up", "client shows the provider in AwaitingPreCommit, deal ID "
            + published.get("DealID").asLong());

    // Audit: chain, escrow, piece files.
    JsonNode bal = devnet.rpc().call("StateMarketBalance", ProviderProcess.MINER, null);
    provider.stop();
    client.stop();
    devnet.stop();
    ProviderAudit p = ProviderAudit.read(provider.repo(), provider.pieces());
    ChainAudit onChain = ChainAudit.read(devnet.repo());
    assertThat(p.deals()).hasSize(1);
    ProviderDeal d = p.deals().get(0);
    assertThat(d.state()).isEqualTo(StorageDealStatus.AWAITING_PRE_COMMIT);
    Cid cid = d.proposalCid();
    assertThat(onChain.timesCarried().get(cid)).isEqualTo(1);
    assertThat(onChain.timesAccepted().get(cid)).isEqualTo(1);
    assertThat(p.holding()).isEmpty();
    assertThat(p.reserved()).isEqualTo(TokenAmount.ZERO);
    assertThat(new BigInteger(bal.get("Locked").asText())).isEqualTo(d.proposal().proposal().providerCollateral().atto());
    assertThat(p.pieceFiles()).extracting(f -> f.getFileName().toString()).containsExactly(pieceCid);
    table.write(Paths.get("target", "crash-table-offline.md"), "An offline deal with three processes "
        + "(OfflineDealCrashTest)", "1 deal, " + table.rows().size() + " kills; one PublishStorageDeals on chain "
        + "carrying it once; piece stored once under its CID, no temp file; reservation released.");
  }

  static String text(JsonNode n, String... names) {
    for (String name : names) {
      if (n.hasNonNull(name)) {
        return n.get(name).asText();
      }
    }
    return "?";
  }

  Stream<Path> tempFiles() {
    try {
      return Files.list(provider.pieces()).filter(f -> f.getFileName().toString().endsWith(".tmp")).toList().stream();
    } catch (java.io.IOException e) {
      return Stream.empty();
    }
  }

  List<Path> pieceFiles() throws java.io.IOException {
    try (Stream<Path> s = Files.list(provider.pieces())) {
      return s.toList();
    }
  }

  static String field(String out, String label) {
    return out.lines().filter(l -> l.contains(label)).findFirst()
        .map(l -> l.substring(l.indexOf(label) + label.length()).trim().split("[ ,]")[0])
        .orElseThrow(() -> new AssertionError("no '" + label + "' in:\n" + out));
  }
}
