package venus.market.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import venus.market.core.amount.TokenAmount;
import venus.market.core.multiformats.Cid;
import venus.market.core.storagemarket.StorageDealStatus;
import venus.market.daemon.deals.ProviderDeal;

/**
 * kill -9 of the provider daemon and of the devnet (each a JVM of its own) at each deal state the daemon has today,
 * then restart, and check on the chain itself and on the provider's disk that nothing was lost or done twice:
 * every deal reaches AwaitingPreCommit (where it waits for a sealer), each is carried by exactly one executed
 * PublishStorageDeals message and accepted once with the deal ID the provider recorded, escrow reservations are
 * released, the collateral locked on chain is exactly the deals', and the piece directory holds nothing partial.
 */
class ProviderCrashTest {
  static final Duration STEP = Duration.ofSeconds(90);
  static final Duration BLOCK_TIME = Duration.ofMillis(250);
  static final Duration OUTAGE = Duration.ofSeconds(20);
  static final String POLICY = "PublishMsgPeriod = \"1h0m0s\"\nMaxDealsPerPublishMsg = 8\n";

  @TempDir Path tmp;
  DevnetProcess devnet;
  ProviderProcess provider;
  final CrashTable table = new CrashTable();
  final List<String> all = new ArrayList<>();
  OutageProbe.Result outage;

  @AfterEach
  void tearDown() {
    ProgramProcess.closeAll(provider, devnet);
  }

  @Test
  void everyDealSurvivesKillsOfTheProviderAndTheDevnetAtEachState() throws Exception {
    Path logs = Paths.get("target", "crash-logs");
    devnet = new DevnetProcess(tmp.resolve("devnet"), logs.resolve("devnet.log"), BLOCK_TIME).start();
    provider = new ProviderProcess(tmp.resolve("market"), tmp.resolve("pieces"), logs.resolve("provider.log"), devnet,
        POLICY);
    DealSeeder seeder = new DealSeeder(devnet);
    seeder.fundClient(20);

    // Batch 1: the provider is killed at each state in turn.
    List<String> b1 = seed(seeder, 2);
    table.add("provider", "ReserveProviderFunds (import-data verified the data, stage not yet run)", b1.size(),
        "resumes, funds reserved once", "see the rows below: resumed");
    provider.start();
    OutageProbe.setAsk(provider);
    killProviderAt(b1, StorageDealStatus.PROVIDER_FUNDING, "AddBalance pushed, waiting for it");
    killProviderAt(b1, StorageDealStatus.PUBLISH, "queued in the publisher, period 1 h");
    // Slow blocks for this step, so the kill lands between the push and the inclusion of the publish message.
    devnet.stop();
    devnet.start(Duration.ofSeconds(5));
    publishNow(b1);
    killProviderAtPublishing(b1, false);
    devnet.stop();
    devnet.start(BLOCK_TIME);
    killProviderAt(b1, StorageDealStatus.AWAITING_PRE_COMMIT, "handed off, waiting for a sealer");

    // Batch 2: the devnet is killed under the provider at each state; the provider is not restarted.
    provider.kill(); // the seeder writes into the stopped provider's store
    List<String> b2 = seed(seeder, 2);
    provider.start();
    killDevnetAt(b2, StorageDealStatus.PROVIDER_FUNDING, "AddBalance sent");
    killDevnetAt(b2, StorageDealStatus.PUBLISH, "queued in the publisher");
    publishNow(b2);
    killDevnetAtPublishingOnChain(b2);
    awaitAll(b2, StorageDealStatus.AWAITING_PRE_COMMIT);

    // Batch 3: the provider is killed after the publish message landed, before the deal IDs were recorded.
    provider.kill();
    List<String> b3 = seed(seeder, 2);
    provider.start();
    publishNow(b3);
    killProviderAtPublishing(b3, true);
    awaitAll(b3, StorageDealStatus.AWAITING_PRE_COMMIT);

    audit();
  }

  List<String> seed(DealSeeder seeder, int n) {
    List<String> cids = DealSeeder.seed(provider.repo(), seeder.proposals(n, 4000));
    all.addAll(cids);
    return cids;
  }

  void publishNow(List<String> deals) {
    provider.publishNow(deals, STEP);
  }

  void awaitAll(List<String> deals, StorageDealStatus state) {
    provider.awaitAll(deals, state, STEP);
  }

  /** Waits for the first deal of the batch to be in {@code state}, kills the provider, restarts it. */
  void killProviderAt(List<String> deals, StorageDealStatus state, String detail) throws Exception {
    await(deals, state);
    Map<String, StorageDealStatus> before = states(deals);
    provider.kill();
    provider.start();
    table.add("provider", state.goName() + " (" + detail + ")", count(before, state), "resumes where it stood",
        resumed(deals, before));
  }

  /** publish-now was called: kill as soon as a deal is in Publishing; the message is on chain or not yet. */
  void killProviderAtPublishing(List<String> deals, boolean waitOnChain) throws Exception {
    JsonNode d = awaitAny(deals, StorageDealStatus.PUBLISHING);
    String psd = d.get("PublishCid").get("/").asText();
    if (waitOnChain) {
      Poll.until("the publish message " + psd + " on chain", STEP, Duration.ofMillis(50),
          () -> devnet.searchMsg(psd) != null);
    }
    Map<String, StorageDealStatus> before = states(deals);
    boolean onChain = devnet.searchMsg(psd) != null;
    provider.kill();
    provider.start();
    table.add("provider", "StorageDealPublishing (" + (onChain
            ? "PublishStorageDeals on chain, deal IDs not yet recorded" : "PublishStorageDeals pushed, not yet on chain")
            + ")", count(before, StorageDealStatus.PUBLISHING), "same message, published once",
        resumed(deals, before));
  }

  void killDevnetAt(List<String> deals, StorageDealStatus state, String detail) throws Exception {
    await(deals, state);
    Map<String, StorageDealStatus> before = states(deals);
    devnet.kill();
    long down = System.nanoTime();
    // The daemon keeps serving its API while its node is gone.
    JsonNode listed = provider.rpc().call("MarketListIncompleteDeals", "");
    assertThat(listed.size()).isGreaterThanOrEqualTo(deals.size());
    Poll.sleep(Duration.ofSeconds(2));
    devnet.start();
    long downMs = (System.nanoTime() - down) / 1_000_000;
    table.add("devnet", state.goName() + " (" + detail + "); down " + downMs / 100 / 10.0 + " s",
        count(before, state), "provider retries and resumes", progressed(deals, before));
  }

  void killDevnetAtPublishingOnChain(List<String> deals) throws Exception {
    JsonNode d = awaitAny(deals, StorageDealStatus.PUBLISHING);
    String psd = d.get("PublishCid").get("/").asText();
    Poll.until("the publish message on chain", STEP, Duration.ofMillis(50), () -> devnet.searchMsg(psd) != null);
    Map<String, StorageDealStatus> before = states(deals);
    devnet.kill();
    // A longer outage: the daemon answers its API and the libp2p ask protocol throughout; the deals wait.
    OutageProbe.Result r = OutageProbe.probe(provider, OUTAGE, deals, StorageDealStatus.PUBLISHING);
    devnet.start();
    table.add("devnet", "StorageDealPublishing (PublishStorageDeals on chain, before confidence); down "
            + r.length().toSeconds() + " s", count(before, StorageDealStatus.PUBLISHING),
        "asks and deal status served throughout; provider resumes", r.rounds() + " rounds of API ask + deal states + "
            + "libp2p ask answered during the outage; " + progressed(deals, before));
    outage = r;
  }

  /** Waiting states (Publish, AwaitingPreCommit) hold every deal of the batch; the others are passed through. */
  void await(List<String> deals, StorageDealStatus state) {
    if (state == StorageDealStatus.PUBLISH || state == StorageDealStatus.AWAITING_PRE_COMMIT) {
      awaitAll(deals, state);
    } else {
      awaitAny(deals, state);
    }
  }

  JsonNode awaitAny(List<String> deals, StorageDealStatus state) {
    return Poll.until("a deal of " + deals + " in " + state.goName(), STEP, Duration.ofMillis(20), () -> {
      for (String c : deals) {
        JsonNode d = provider.deal(c);
        long s = d.get("State").asLong();
        if (s == state.code()) {
          return d;
        }
        if (s == StorageDealStatus.ERROR.code()) {
          throw new AssertionError("deal " + c + " failed: " + d.get("Message").asText());
        }
      }
      return null;
    });
  }

  Map<String, StorageDealStatus> states(List<String> deals) {
    return deals.stream().collect(Collectors.toMap(c -> c, provider::state));
  }

  static int count(Map<String, StorageDealStatus> states, StorageDealStatus s) {
    return (int) states.values().stream().filter(s::equals).count();
  }

  /** After a provider restart: each deal's history shows the restart from the state it had, and it moves on. */
  String resumed(List<String> deals, Map<String, StorageDealStatus> before) {
    for (String c : deals) {
      JsonNode d = provider.deal(c);
      JsonNode h = d.get("History");
      boolean restarted = false;
      for (JsonNode t : h) {
        if ("ProviderEventRestart".equals(t.get("Event").asText())
            || t.get("Event").asText().toLowerCase(java.util.Locale.ROOT).contains("restart")) {
          restarted = true;
        }
      }
      assertThat(restarted).as("deal %s records the restart", c).isTrue();
      assertThat(d.get("State").asLong()).as("deal %s not failed: %s", c, d.get("Message").asText())
          .isNotEqualTo(StorageDealStatus.ERROR.code());
    }
    return "resumed from " + before.values().stream().map(StorageDealStatus::goName).distinct().sorted()
        .collect(Collectors.joining(", ")) + "; none failed";
  }

  String progressed(List<String> deals, Map<String, StorageDealStatus> before) {
    for (String c : deals) {
      assertThat(provider.state(c)).as("deal %s", c).isNotEqualTo(StorageDealStatus.ERROR);
    }
    return "resumed after the node came back; none failed";
  }

  void audit() throws Exception {
    // Collateral locked on chain must be exactly the published deals' (none twice, none missing).
    JsonNode bal = devnet.rpc().call("StateMarketBalance", ProviderProcess.MINER, null);
    TokenAmount locked = TokenAmount.ofAtto(new BigInteger(bal.get("Locked").asText()));
    JsonNode reservedRpc = provider.rpc().call("MarketGetReserved", ProviderProcess.MINER);
    provider.stop();
    devnet.stop();
    ProviderAudit p = ProviderAudit.read(provider.repo(), provider.pieces());
    ChainAudit chain = ChainAudit.read(devnet.repo());

    assertThat(p.deals()).hasSize(all.size());
    Set<Long> ids = new HashSet<>();
    Map<Cid, Integer> carried = chain.timesCarried();
    Map<Cid, Integer> accepted = chain.timesAccepted();
    for (ProviderDeal d : p.deals()) {
      assertThat(d.state()).as("deal %s: %s", d.proposalCid(), d.message())
          .isEqualTo(StorageDealStatus.AWAITING_PRE_COMMIT);
      assertThat(carried.get(d.proposalCid())).as("PublishStorageDeals messages carrying %s", d.proposalCid())
          .isEqualTo(1);
      assertThat(accepted.get(d.proposalCid())).as("times %s was published", d.proposalCid()).isEqualTo(1);
      assertThat(ids.add(d.dealId())).as("deal ID %s unique", d.dealId()).isTrue();
      ChainAudit.Publish psd = chain.publishes().stream().filter(x -> x.carried().contains(d.proposalCid()))
          .findFirst().orElseThrow();
      assertThat(d.publishCid()).isEqualTo(psd.cid());
    }
    assertThat(p.holding()).as("deals still holding an escrow reservation").isEmpty();
    assertThat(p.reserved()).isEqualTo(TokenAmount.ZERO);
    assertThat(reservedRpc.asText()).isEqualTo("0");
    assertThat(locked).isEqualTo(DealSeeder.collateral().multiply(all.size()));
    assertThat(p.pieceFiles()).as("piece files (no deal has stored data yet)").isEmpty();

    table.write(Paths.get("target", "crash-table.md"), "Provider and devnet crashes (ProviderCrashTest)",
        all.size() + " deals, " + table.rows().size() + " kills (" + provider.starts() + " provider starts); "
            + chain.publishes().size() + " PublishStorageDeals messages on chain, each deal carried by exactly one and "
            + "accepted once; escrow reservations 0 after publishing; collateral locked on chain = "
            + all.size() + " × provider collateral; no piece file.");
  }
}
