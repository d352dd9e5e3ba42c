package venus.market.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6: the guide's interactive online deal between the real client and provider daemons on the devnet, in-process
 * on loopback: the provider pulls the CAR from the client's HTTP server, checks its commP, stores the piece, funds and
 * publishes the deal; both sides reach StorageDealAwaitingPreCommit with the same deal ID.
 */
class OnlineDealE2eTest {
  static final Duration DEAL_TIMEOUT = Duration.ofSeconds(90);

  @TempDir Path dir;
  MarketNet net;

  @BeforeEach
  void start() throws Exception {
    net = MarketNet.startForDeals(dir, 10);
  }

  @AfterEach
  void stop() {
    net.close();
  }

  @Test
  void onlineDealReachesAwaitingPreCommitOnBothSides() throws Exception {
    Path file = net.randomFile("movie.bin", 809);
    String root = net.client("data", "import", "-q", file.toString()).ok().trim();

    // the guide's interactive init: data CID, duration in days, miner, accept
    MarketNet.Cli init = net.clientWithInput(root + "\n180\n" + net.minerF0() + "\nyes\n", "storage", "deals", "init");
    List<String> lines = init.ok().lines().toList();
    assertThat(lines.get(1)).matches("PieceCid:  baga\\S+  PayLoadSize: \\d+ PieceSize: \\d+");
    String pieceCid = lines.get(1).split("\\s+")[1];
    String last = lines.get(lines.size() - 1);
    assertThat(last).startsWith("Deal (" + net.miner() + ") CID: bafyrei");
    String proposal = last.substring(last.lastIndexOf(' ') + 1);

    net.awaitProviderState(proposal, "StorageDealAwaitingPreCommit", DEAL_TIMEOUT);
    net.awaitClientState(proposal, "StorageDealAwaitingPreCommit", DEAL_TIMEOUT);

    // the provider pulled the data and stored the piece where the sealer reads it
    assertThat(net.pieces().resolve(pieceCid)).exists();
    // both sides know the deal's on-chain ID
    String providerRow = row(net.market("storage-deals", "list").ok(), proposal);
    assertThat(providerRow).contains(net.clientAddress().toString()).contains(net.miner());
    String dealId = providerRow.split(" {2,}")[1];
    assertThat(row(net.client("storage", "deals", "list").ok(), proposal).split(" {2,}")[1]).isEqualTo(dealId);
  }

  private static String row(String table, String cid) {
    String key = "..." + cid.substring(cid.length() - 8) + " ";
    return table.lines().filter(l -> l.startsWith(key)).findFirst()
        .orElseThrow(() -> new AssertionError("no row for " + cid + " in\n" + table));
  }
}
