package venus.market.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6: the guide's offline deal between the real client and provider daemons on the devnet, in-process on
 * loopback: generate-car, commP, {@code storage deals init --manual-piece-cid --manual-piece-size}, the provider
 * waiting for data, {@code venus-market storage-deals import-data}, both sides at StorageDealAwaitingPreCommit. A
 * client restart keeps the imports and the deal.
 */
class OfflineDealE2eTest {
  static final Duration DEAL_TIMEOUT = Duration.ofSeconds(90);

  @TempDir Path dir;
  MarketNet net;

  @BeforeEach
  void start() throws Exception {
    // the guide's 0.01 FIL per epoch for 518400 epochs
    net = MarketNet.startForDeals(dir, 5200);
  }

  @AfterEach
  void stop() {
    net.close();
  }

  @Test
  void offlineDealWithImportDataReachesAwaitingPreCommitAndSurvivesAClientRestart() throws Exception {
    Path file = net.randomFile("README.md", 3000);
    String imported = net.client("data", "import", file.toString()).ok();
    String root = imported.substring(imported.indexOf("Root ") + 5).trim();
    Path car = dir.resolve("readme.md.car");
    net.client("data", "generate-car", file.toString(), car.toString()).ok();
    List<String> commP = net.client("data", "commP", car.toString()).ok().lines().toList();
    String pieceCid = commP.get(0).substring("CID:  ".length()).trim();
    String pieceBytes = commP.get(2).substring("Piece size in bytes:  ".length()).trim();

    String proposal = net.client("storage", "deals", "init", "--manual-piece-cid=" + pieceCid,
        "--manual-piece-size=" + pieceBytes, root, net.minerF0(), "0.01fil", "518400").ok().trim();
    assertThat(proposal).startsWith("bafyrei");

    // the provider accepted the deal and waits for the data to be brought to it
    net.awaitProviderState(proposal, "StorageDealWaitingForData", DEAL_TIMEOUT);
    MarketNet.await("the client to show the provider waiting for data", DEAL_TIMEOUT, () ->
        net.client("storage", "deals", "list").out().contains("Provider state: StorageDealWaitingForData")
            ? Optional.of(true) : Optional.empty());

    // the CAR reaches the provider "offline" and is imported there
    net.market("storage-deals", "import-data", proposal, car.toString()).ok();
    net.awaitProviderState(proposal, "StorageDealAwaitingPreCommit", DEAL_TIMEOUT);
    net.awaitClientState(proposal, "StorageDealAwaitingPreCommit", DEAL_TIMEOUT);
    assertThat(net.pieces().resolve(pieceCid)).exists();

    // a client restart keeps the imports and the deal, in the same state
    String local = net.client("data", "local").ok();
    String before = row(net.client("storage", "deals", "list").ok(), proposal);
    net.stopClient();
    net.startClient();
    assertThat(net.client("data", "local").ok()).isEqualTo(local);
    assertThat(row(net.client("storage", "deals", "list").ok(), proposal)).isEqualTo(before);
    assertThat(net.client("storage", "deals", "get", proposal).ok()).contains("StorageDealAwaitingPreCommit");
  }

  private static String row(String table, String cid) {
    String key = "..." + cid.substring(cid.length() - 8) + " ";
    return table.lines().filter(l -> l.startsWith(key)).findFirst()
        .orElseThrow(() -> new AssertionError("no row for " + cid + " in\n" + table));
  }
}
