package venus.market.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import venus.market.core.amount.TokenAmount;
import venus.market.core.multiformats.Cid;
import venus.market.core.storagemarket.StorageDealStatus;
import venus.market.client.http.CarServer;
import venus.market.daemon.deals.ProviderDeal;
import venus.market.daemon.transfer.TransferOptions;

/**
 * Online deals made for real with three processes: the client daemon proposes over mk/1.2.0 and serves the CAR over
 * HTTP, the provider pulls it. kill -9 of the client mid-transfer (back within the provider's retry window, and once
 * never back within it), of the provider mid-transfer, in VerifyData and in Staged. Afterwards, on the chain and on
 * the provider's disk: each surviving deal published exactly once, each piece whole and matching its commP, no
 * staging or temporary file left, escrow reservations released and the collateral locked exactly the deals'.
 *
 * <p>The kill points are made deterministic with test hooks (off by default, set only here): the client's data server
 * sends at most {@link #RATE} bytes/s, so a transfer of {@link #DATA_BYTES} takes about three seconds and little is
 * in flight in socket buffers when a process dies (a throttled reader would let the sender fill megabytes of them);
 * the provider's pipeline holds a deal before the VerifyData or Staged stage (states it normally leaves within
 * milliseconds); and the provider's retry schedule is shortened so a client that never comes back fails its deal
 * within seconds.
 */
class OnlineDealCrashTest {
  static final Duration STEP = Duration.ofSeconds(90);
  static final int DATA_BYTES = 3 << 20;
  static final long RATE = 1 << 20;
  static final String THROTTLE = "-D" + CarServer.TEST_BYTES_PER_SECOND + "=" + RATE;
  /** About 58 s of retries: room for the killed client to restart on a loaded machine. */
  static final String PATIENT = "-D" + TransferOptions.TEST_RETRY + "=1000,5000,15";
  /** About 2.5 s of retries: a client that does not come back fails the deal quickly. */
  static final String IMPATIENT = "-D" + TransferOptions.TEST_RETRY + "=300,1000,5";
  /** The daemon's StagePauses hook (market-daemon README, "Test hooks"). */
  static final String PAUSE = "-Dvenus.market.test.pauseBeforeStage=";
  static final String PAUSE_VERIFY = PAUSE + "StorageDealVerifyData=300000";
  static final String PAUSE_STAGED = PAUSE + "StorageDealStaged=300000";

  @TempDir Path tmp;
  DevnetProcess devnet;
  ProviderProcess provider;
  ClientProcess client;
  final CrashTable table = new CrashTable();

  /** A file the client imports, its CAR (byte-identical to the one the client serves) and the CAR's piece CID. */
  record Data(String root, Path car, String pieceCid) {}

  @AfterEach
  void tearDown() {
    ProgramProcess.closeAll(client, provider, devnet);
  }

  @Test
  void onlineDealsSurviveKillsOfClientAndProviderDuringAndAfterTheTransfer() throws Exception {
    Path logs = Paths.get("target", "online-logs");
    devnet = new DevnetProcess(tmp.resolve("devnet"), logs.resolve("devnet.log"), Duration.ofMillis(250)).start();
    // chain polls every 300 ms (as SealerCrashTest): funding and publishing confidence take seconds, not ten
    provider = new ProviderProcess(tmp.resolve("market"), tmp.resolve("pieces"), logs.resolve("provider.log"), devnet,
        ProviderCrashTest.POLICY).withEnv(Map.of("VENUS_MARKET_CHAIN_POLL", "300ms"));
    provider.sysProps(PATIENT, PAUSE_VERIFY);
    provider.start();
    DealSeeder chain = new DealSeeder(devnet);
    chain.fundClient(5);
    provider.rpc().call("MarketSetAsk", ProviderProcess.MINER, "0", "0", 86400L, 512L, 8L << 20);
    provider.pointMinerHere();
    client = new ClientProcess(tmp.resolve("client"), logs.resolve("client.log"), devnet, chain.client().toString());
    client.sysProps(THROTTLE);
    client.start();

    Data b = data("b", 1);
    String dealB = propose(b);
    clientKilledMidTransferAndBack(dealB);
    providerKilledInVerifyData(dealB, b);
    // From here the chain work of each verified deal (funding, ~10 s of confidence) overlaps the next kill points.
    Data a = data("a", 2);
    String dealA = propose(a);
    providerKilledMidTransfer(dealA);
    Data c = data("c", 3);
    String dealC = propose(c);
    clientKilledMidTransferForGood(dealC);
    providerKilledInStaged(dealA, dealB);
    audit(List.of(a, b), List.of(dealA, dealB), dealC);
    table.write(Paths.get("target", "crash-table-online.md"), "Online deals with three processes "
        + "(OnlineDealCrashTest)", "3 deals, " + table.rows().size() + " kills; one PublishStorageDeals on chain "
        + "carrying the two surviving deals once each; both pieces whole under their CIDs and equal to the client's "
        + "CARs; no staging or temp file; reservations released; collateral locked = the two deals'.");
  }

  /** The client (which serves the data) is killed mid-transfer and comes back within the provider's retry window. */
  void clientKilledMidTransferAndBack(String deal) throws IOException {
    long atKill = awaitReceived(deal, DATA_BYTES / 4);
    client.kill();
    JsonNode waiting = Poll.until("the provider to notice the client is gone", STEP, Duration.ofMillis(50), () -> {
      JsonNode d = provider.deal(deal);
      return d.get("Message").asText().contains("transfer interrupted at byte") ? d : null;
    });
    assertThat(state(waiting)).isEqualTo(StorageDealStatus.TRANSFERRING);
    long clientLogBefore = Files.size(client.log());
    client.start();
    provider.await(deal, StorageDealStatus.VERIFY_DATA, STEP); // held there by the pause hook
    long resumedAt = servedFrom(client.log(), clientLogBefore);
    assertThat(resumedAt).as("the restarted client served the rest with a Range").isGreaterThanOrEqualTo(atKill);
    table.add("client", "StorageDealTransferring (" + percent(atKill) + " received; the client serves the data)", 1,
        "provider waits and retries; resumes with Range once the client is back", "provider stayed in Transferring ("
            + quote(waiting.get("Message").asText()) + "), fetched bytes " + resumedAt + "- from the restarted client");
  }

  /** The provider is killed in VerifyData: the transfer is complete, commP not yet compared. */
  void providerKilledInVerifyData(String deal, Data data) throws IOException {
    Path staged = stagingFile(deal);
    assertThat(Files.size(staged)).isEqualTo(Files.size(data.car()));
    long providerLogBefore = Files.size(provider.log());
    provider.kill();
    provider.sysProps(IMPATIENT, PAUSE_STAGED);
    provider.start();
    StorageDealStatus afterVerify = awaitVerified(deal);
    assertThat(logSince(provider.log(), providerLogBefore)).contains("computing commP of the staged file");
    assertThat(staged).doesNotExist();
    table.add("provider", "StorageDealVerifyData (transfer complete, commP not yet checked)", 1,
        "staged file hashed again, piece stored once", "commP of the staged file computed again and matched; "
            + "piece stored, staging file removed; deal went on (" + afterVerify.goName() + ")");
  }

  /** The provider is killed mid-transfer. */
  void providerKilledMidTransfer(String deal) throws IOException {
    long recorded = awaitReceived(deal, DATA_BYTES / 4);
    provider.kill();
    long onDisk = Files.size(stagingFile(deal));
    long clientLogBefore = Files.size(client.log());
    provider.start();
    awaitVerified(deal);
    JsonNode done = provider.deal(deal);
    long restartedAt = restartOffset(done);
    assertThat(restartedAt).as("resume offset").isGreaterThanOrEqualTo(recorded).isLessThanOrEqualTo(onDisk);
    assertThat(history(done)).anyMatch(h -> h.get("From").asText().equals("StorageDealTransferring")
        && h.get("To").asText().equals("StorageDealProviderTransferAwaitRestart"));
    assertThat(servedFrom(client.log(), clientLogBefore)).isEqualTo(restartedAt);
    assertThat(stagingFile(deal)).doesNotExist();
    table.add("provider", "StorageDealTransferring (" + percent(recorded) + " received and recorded, " + onDisk
        + " bytes on disk)", 1, "resumes with Range from the recorded byte", "ProviderTransferAwaitRestart -> "
            + "Transferring; staged file cut to byte " + restartedAt + ", rest fetched with Range; commP matched");
  }

  /** The client is killed mid-transfer and is not back within the retry window; it returns after the failure. */
  void clientKilledMidTransferForGood(String deal) throws IOException {
    long atKill = awaitReceived(deal, DATA_BYTES / 4);
    client.kill();
    JsonNode failed = Poll.until("deal " + deal + " to fail", STEP, Duration.ofMillis(100), () -> {
      JsonNode d = provider.deal(deal);
      return state(d) == StorageDealStatus.ERROR ? d : null;
    });
    String reason = failed.get("Message").asText();
    assertThat(reason).contains("stopped at byte").contains("attempts without progress")
        .contains("cannot connect to the client's data server");
    assertThat(stagingFile(deal)).doesNotExist();
    client.start();
    JsonNode seenByClient = Poll.until("the client to see the deal failed", STEP, Duration.ofMillis(200), () -> {
      JsonNode d = client.deal(deal);
      return d != null && d.toString().contains("StorageDealError") ? d : null;
    });
    assertThat(seenByClient.toString()).contains("stopped at byte");
    table.add("client", "StorageDealTransferring (" + percent(atKill) + " received), not back within the retry "
        + "window", 1, "deal fails with the reason; staging cleaned up", "StorageDealError: " + quote(reason)
            + "; staging file removed; the restarted client shows the error");
  }

  /** Both deals published together; the provider is killed in Staged (deal IDs recorded, not yet handed off). */
  void providerKilledInStaged(String... deals) throws IOException {
    for (String d : deals) {
      provider.await(d, StorageDealStatus.PUBLISH, STEP);
    }
    Poll.until("the publisher to hold " + deals.length + " deals", STEP, Duration.ofMillis(50),
        () -> provider.rpc().call("MarketPendingDeals").get(0).get("Deals").size() == deals.length);
    provider.rpc().call("MarketPublishPendingDeals");
    for (String d : deals) {
      provider.await(d, StorageDealStatus.STAGED, STEP);
    }
    provider.kill();
    provider.sysProps();
    provider.start();
    List<Long> ids = new ArrayList<>();
    for (String d : deals) {
      ids.add(provider.await(d, StorageDealStatus.AWAITING_PRE_COMMIT, STEP).get("DealID").asLong());
    }
    table.add("provider", "StorageDealStaged (published, deal IDs recorded, before the hand-off)", deals.length,
        "hands off; not published again", "all in AwaitingPreCommit, deal IDs " + ids);
  }

  /** Everything stopped: the chain, the provider's store, its pieces and its staging area. */
  void audit(List<Data> stored, List<String> published, String failed) throws IOException {
    JsonNode bal = devnet.rpc().call("StateMarketBalance", ProviderProcess.MINER, null);
    provider.stop();
    client.stop();
    devnet.stop();
    ProviderAudit p = ProviderAudit.read(provider.repo(), provider.pieces());
    ChainAudit onChain = ChainAudit.read(devnet.repo());
    assertThat(p.deals()).hasSize(published.size() + 1);
    TokenAmount collateral = TokenAmount.ZERO;
    for (ProviderDeal d : p.deals()) {
      Cid cid = d.proposalCid();
      if (cid.toString().equals(failed)) {
        assertThat(d.state()).isEqualTo(StorageDealStatus.ERROR);
        assertThat(onChain.timesCarried()).doesNotContainKey(cid);
        continue;
      }
      assertThat(published).contains(cid.toString());
      assertThat(d.state()).isEqualTo(StorageDealStatus.AWAITING_PRE_COMMIT);
      assertThat(onChain.timesCarried().get(cid)).isEqualTo(1);
      assertThat(onChain.timesAccepted().get(cid)).isEqualTo(1);
      collateral = collateral.add(d.proposal().proposal().providerCollateral());
    }
    assertThat(onChain.publishes()).hasSize(1);
    assertThat(p.holding()).isEmpty();
    assertThat(p.reserved()).isEqualTo(TokenAmount.ZERO);
    assertThat(new BigInteger(bal.get("Locked").asText())).isEqualTo(collateral.atto());
    assertThat(p.pieceFiles()).extracting(f -> f.getFileName().toString())
        .containsExactlyInAnyOrderElementsOf(stored.stream().map(Data::pieceCid).toList());
    for (Data d : stored) {
      assertThat(Files.mismatch(provider.pieces().resolve(d.pieceCid()), d.car())).as("piece " + d.pieceCid())
          .isEqualTo(-1);
    }
    try (Stream<Path> s = Files.list(provider.repo().resolve("deal-staging"))) {
      assertThat(s.toList()).as("staging files left").isEmpty();
    }
  }

  /** Imports {@code DATA_BYTES} of seeded random data into the client; the CAR and commP for the audit. */
  Data data(String name, int seed) throws IOException {
    Path file = tmp.resolve(name + ".bin");
    byte[] bytes = new byte[DATA_BYTES];
    new Random(seed).nextBytes(bytes);
    Files.write(file, bytes);
    String root = OfflineDealCrashTest.field(client.cli("data", "import", file.toString()).ok(), "Root ");
    Path car = tmp.resolve(name + ".car");
    client.cli("data", "generate-car", file.toString(), car.toString()).ok();
    String pieceCid = OfflineDealCrashTest.field(client.cli("data", "commP", car.toString()).ok(), "CID:").trim();
    return new Data(root, car, pieceCid);
  }

  /** An online deal (http transfer from the client's data server); the proposal CID. */
  String propose(Data d) {
    String out = client.cli("storage", "deals", "init", d.root(), ProviderProcess.MINER, "0", "518400").ok();
    String cid = out.strip().lines().reduce((x, y) -> y).orElseThrow().trim();
    JsonNode deal = provider.deal(cid);
    assertThat(deal.get("TransferType").asText()).isEqualTo("http");
    assertThat(deal.get("Proposal").get("PieceCID").get("/").asText()).isEqualTo(d.pieceCid());
    return cid;
  }

  /** Waits until the provider has recorded at least {@code bytes} received (throttled, so mid-transfer). */
  long awaitReceived(String deal, long bytes) {
    return Poll.until("deal " + deal + " to have " + bytes + " bytes", STEP, Duration.ofMillis(25), () -> {
      JsonNode d = provider.deal(deal);
      StorageDealStatus s = state(d);
      if (s != StorageDealStatus.TRANSFERRING && s != StorageDealStatus.WAITING_FOR_DATA) {
        throw new AssertionError("deal " + deal + " left the transfer before the kill: " + s.goName() + " "
            + d.get("Message").asText());
      }
      long got = d.get("TransferredBytes").asLong();
      return s == StorageDealStatus.TRANSFERRING && got >= bytes ? got : null;
    });
  }

  /** Waits until the deal's data is verified (it is then in one of the funding states or Publish). */
  StorageDealStatus awaitVerified(String deal) {
    Set<StorageDealStatus> past = Set.of(StorageDealStatus.RESERVE_PROVIDER_FUNDS, StorageDealStatus.PROVIDER_FUNDING,
        StorageDealStatus.PUBLISH);
    return Poll.until("deal " + deal + " to have its data verified", STEP, Duration.ofMillis(50), () -> {
      JsonNode d = provider.deal(deal);
      StorageDealStatus s = state(d);
      if (s == StorageDealStatus.ERROR || s == StorageDealStatus.FAILING) {
        throw new AssertionError("deal " + deal + " failed: " + d.get("Message").asText());
      }
      return past.contains(s) ? s : null;
    });
  }

  Path stagingFile(String deal) {
    return provider.repo().resolve("deal-staging").resolve(deal + ".car");
  }

  /** The byte the provider restarted the pull from ("provider resumes the pull at byte N"). */
  static long restartOffset(JsonNode deal) {
    for (JsonNode h : history(deal)) {
      Matcher m = Pattern.compile("resumes the pull at byte (\\d+)").matcher(h.get("Note").asText());
      if (h.get("Event").asText().equals("ProviderEventDataTransferRestarted") && m.find()) {
        return Long.parseLong(m.group(1));
      }
    }
    throw new AssertionError("no DataTransferRestarted in the history: " + deal.get("History"));
  }

  static List<JsonNode> history(JsonNode deal) {
    List<JsonNode> out = new ArrayList<>();
    deal.get("History").forEach(out::add);
    return out;
  }

  /**
   * The first byte of the one response the client served whole after {@code from} in its log (it logs a response
   * once the last byte is written, which may be just after the provider has it).
   */
  static long servedFrom(Path log, long from) {
    Set<Long> starts = Poll.until("the client to log the served response", Duration.ofSeconds(20),
        Duration.ofMillis(50), () -> {
          Matcher m = Pattern.compile("served CAR deal=\\S+ bytes=(\\d+)-").matcher(logSince(log, from));
          Set<Long> found = new java.util.TreeSet<>();
          while (m.find()) {
            found.add(Long.parseLong(m.group(1)));
          }
          return found.isEmpty() ? null : found;
        });
    assertThat(starts).as("responses served since the restart").hasSize(1);
    return starts.iterator().next();
  }

  static String logSince(Path log, long offset) {
    byte[] all;
    try {
      all = Files.readAllBytes(log);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return new String(all, (int) Math.min(offset, all.length), (int) Math.max(0, all.length - offset),
        StandardCharsets.UTF_8);
  }

  static StorageDealStatus state(JsonNode deal) {
    return StorageDealStatus.fromCode(deal.get("State").asLong()).orElseThrow();
  }

  static String percent(long bytes) {
    return bytes * 100 / DATA_BYTES + " %";
  }

  /** A message for the table: the deal's message without this run's port and deal UUID. */
  static String quote(String message) {
    return "\"" + message.replaceAll("127\\.0\\.0\\.1:\\d+", "127.0.0.1:<port>")
        .replaceAll("/deals/[0-9a-f-]+", "/deals/<uuid>").replaceAll("\\|", "/") + "\"";
  }
}
