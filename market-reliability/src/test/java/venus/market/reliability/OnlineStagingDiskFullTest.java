package venus.market.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import venus.market.core.storagemarket.StorageDealStatus;

/**
 * A full disk under the transfer staging area of ONLINE deals, with three processes: the client daemon proposes over
 * mk/1.2.0 and serves the CAR from its HTTP server, the provider pulls it into {@code <TransferPath>/deal-staging},
 * here a 4 MiB tmpfs, with {@code MaxStagingDealsBytes} set above what that disk holds (or the disk filled by
 * something else). A 6 MiB deal must fail at once with a reason naming the staging directory (no retry loop against a
 * full disk), its staging file removed; the daemon keeps serving, a deal already past its transfer is untouched and a
 * 1 MiB deal made afterwards goes through the same small disk; once the disk grows (remount), the client proposes the
 * big deal again and it goes through. Mounting needs root with CAP_SYS_ADMIN (the build machine has it); where it is
 * refused JUnit reports the test skipped with that reason.
 */
class OnlineStagingDiskFullTest {
  static final Duration STEP = Duration.ofSeconds(90);
  /** States a deal reaches once its data was verified and stored (funding, publishing; no sealer here). */
  static final Set<StorageDealStatus> PAST_DATA = EnumSet.of(StorageDealStatus.RESERVE_PROVIDER_FUNDS,
      StorageDealStatus.PROVIDER_FUNDING, StorageDealStatus.PUBLISH, StorageDealStatus.PUBLISHING,
      StorageDealStatus.STAGED, StorageDealStatus.AWAITING_PRE_COMMIT);

  @TempDir Path tmp;
  DevnetProcess devnet;
  ProviderProcess provider;
  ClientProcess client;
  Path mount;

  @AfterEach
  void tearDown() throws Exception {
    ProgramProcess.closeAll(client, provider, devnet);
    if (mount != null) {
      DiskFullTest.run("umount", mount.toString());
    }
  }

  @Test
  void anOnlineDealOnAFullStagingDiskFailsCleanlyAndTheClientCanProposeItAgain() throws Exception {
    Path disk = Files.createDirectories(tmp.resolve("staging-disk"));
    Assumptions.assumeTrue(DiskFullTest.run("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", disk.toString()) == 0,
        "cannot mount a tmpfs here (needs root with CAP_SYS_ADMIN)");
    mount = disk;
    Path staging = disk.resolve("deal-staging");
    Path logs = Paths.get("target", "diskfull-logs");
    devnet = new DevnetProcess(tmp.resolve("devnet"), logs.resolve("devnet-online.log"), Duration.ofMillis(250))
        .start();
    provider = new ProviderProcess(tmp.resolve("market"), tmp.resolve("pieces"), logs.resolve("provider-online.log"),
        devnet, ProviderCrashTest.POLICY + "TransferPath = \"" + disk + "\"\nMaxStagingDealsBytes = "
            + (64L << 20) + "\n").start();
    DealSeeder chain = new DealSeeder(devnet);
    chain.fundClient(5);
    provider.rpc().call("MarketSetAsk", ProviderProcess.MINER, "0", "0", 86400L, 512L, 8L << 20);
    provider.pointMinerHere();
    client = new ClientProcess(tmp.resolve("client"), logs.resolve("client-online.log"), devnet,
        chain.client().toString()).start();

    String small = importFile("small.bin", 1 << 20, 1);
    String big = importFile("big.bin", 6 << 20, 6);
    String early = propose(small);
    awaitPastData(early);

    // The big deal: reserved (the limit allows it), pulled, and the disk is full at about 4 MiB.
    String failed = propose(big);
    JsonNode d = Poll.until("the big deal to fail", STEP, Duration.ofMillis(100), () -> {
      JsonNode x = provider.deal(failed);
      return StorageDealStatus.fromCode(x.get("State").asLong()).orElseThrow() == StorageDealStatus.ERROR ? x : null;
    });
    String reason = d.get("Message").asText();
    assertThat(reason).contains("staging directory " + staging)
        .contains("No space left on device")
        .contains("the staged data was removed")
        .contains("Free space under " + staging);
    assertThat(history(d)).as("failed at once, not after retrying against the full disk")
        .doesNotContain("ProviderEventDataTransferStalled");
    assertThat(stagedFiles(staging)).as("staging files after the failure").isEmpty();
    Poll.until("the client to learn why its deal failed", STEP, Duration.ofMillis(200),
        () -> String.valueOf(client.deal(failed)).contains("No space left on device"));

    // The daemon keeps serving; the deal that was already past its transfer is untouched; a small deal goes through
    // the same small disk (the failed deal's space came back).
    assertThat(provider.rpc().call("MarketGetAsk", ProviderProcess.MINER)).isNotNull();
    String after = propose(importFile("small2.bin", 1 << 20, 2));
    awaitPastData(after);
    assertThat(provider.state(early)).isIn(PAST_DATA);

    // Room again: the client proposes the big deal once more and it goes through.
    assertThat(DiskFullTest.run("mount", "-o", "remount,size=16m", disk.toString())).isZero();
    String retried = propose(big);
    JsonNode done = awaitPastData(retried);
    String piece = done.get("Proposal").get("PieceCID").get("/").asText();
    assertThat(provider.deal(failed).get("Proposal").get("PieceCID").get("/").asText()).isEqualTo(piece);
    assertThat(Files.size(tmp.resolve("pieces").resolve(piece))).isEqualTo(done.get("TransferSize").asLong());
    assertThat(stagedFiles(staging)).isEmpty();
    for (String deal : List.of(early, after, retried)) {
      assertThat(provider.state(deal)).as(deal).isIn(PAST_DATA);
    }
  }

  String importFile(String name, int size, long seed) throws IOException {
    byte[] b = new byte[size];
    new Random(seed).nextBytes(b);
    Path f = Files.write(tmp.resolve(name), b);
    return OfflineDealCrashTest.field(client.cli("data", "import", f.toString()).ok(), "Root ");
  }

  /** An online deal (http transfer from the client's data server); returns the proposal CID. */
  String propose(String root) {
    String out = client.cli("storage", "deals", "init", root, ProviderProcess.MINER, "0", "518400").ok();
    List<String> lines = out.lines().filter(l -> !l.isBlank()).toList();
    return lines.get(lines.size() - 1).trim();
  }

  JsonNode awaitPastData(String deal) {
    return Poll.until("deal " + deal + " to have its data verified and stored", STEP, Duration.ofMillis(100), () -> {
      JsonNode x = provider.deal(deal);
      StorageDealStatus s = StorageDealStatus.fromCode(x.get("State").asLong()).orElseThrow();
      if (s == StorageDealStatus.ERROR) {
        throw new AssertionError("deal " + deal + " failed: " + x.get("Message").asText());
      }
      return PAST_DATA.contains(s) ? x : null;
    });
  }

  static String history(JsonNode deal) {
    return deal.has("History") ? deal.get("History").toString() : "";
  }

  static List<Path> stagedFiles(Path staging) throws IOException {
    if (!Files.isDirectory(staging)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(staging)) {
      return s.toList();
    }
  }
}
