package venus.market.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import venus.market.core.address.Address;
import venus.market.devnet.sealer.ChainClient;
import venus.market.devnet.sealer.DevnetSealer;
import venus.market.devnet.sealer.MarketClient;
import venus.market.devnet.sealer.PieceSource;

/**
 * The whole walk of scripts/demo.sh: an online and an offline deal reach StorageDealAwaitingPreCommit, then the devnet
 * sealer ({@code market-devnet sealer --market-url --market-token --miner --piece-dir}, in-process) packs both into a
 * sector through the market's sealer API, pre-commits and proves it, and both sides show StorageDealActive. The
 * client, restarted, still lists both deals as active.
 */
class SealingE2eTest {
  static final Duration TIMEOUT = Duration.ofSeconds(90);

  @TempDir Path dir;
  MarketNet net;
  DevnetSealer sealer;

  @BeforeEach
  void start() throws Exception {
    net = MarketNet.startForDeals(dir, 5200);
  }

  @AfterEach
  void stop() {
    if (sealer != null) {
      sealer.close();
    }
    net.close();
  }

  @Test
  void onlineAndOfflineDealsAreSealedAndBecomeActiveOnBothSides() throws Exception {
    String miner = "f0" + net.miner().substring(2);
    // online deal, the guide's interactive init
    String root1 = net.client("data", "import", "-q", net.randomFile("movie.bin", 809).toString()).ok().trim();
    List<String> init = net.clientWithInput(root1 + "\n180\n" + miner + "\nyes\n", "storage", "deals", "init")
        .ok().lines().toList();
    String online = init.get(init.size() - 1).substring(init.get(init.size() - 1).lastIndexOf(' ') + 1);
    // one deal after the other, as the demo makes them
    net.awaitProviderState(online, "StorageDealAwaitingPreCommit", TIMEOUT);

    // offline deal: generate-car, commP, manual init, import-data on the provider
    Path file = net.randomFile("README.md", 3000);
    String root2 = net.client("data", "import", "-q", file.toString()).ok().trim();
    Path car = dir.resolve("readme.md.car");
    net.client("data", "generate-car", file.toString(), car.toString()).ok();
    List<String> commP = net.client("data", "commP", car.toString()).ok().lines().toList();
    String offline = net.client("storage", "deals", "init",
        "--manual-piece-cid=" + commP.get(0).substring("CID:  ".length()).trim(),
        "--manual-piece-size=" + commP.get(2).substring("Piece size in bytes:  ".length()).trim(),
        root2, miner, "0.01fil", "518400").ok().trim();
    net.awaitProviderState(offline, "StorageDealWaitingForData", TIMEOUT);
    net.market("storage-deals", "import-data", offline, car.toString()).ok();

    for (String deal : List.of(online, offline)) {
      net.awaitProviderState(deal, "StorageDealAwaitingPreCommit", TIMEOUT);
      net.awaitClientState(deal, "StorageDealAwaitingPreCommit", TIMEOUT);
    }

    // the sealer, as `market-devnet sealer --market-url <api> --market-token <token> --miner t01000 --piece-dir`
    MarketClient market = MarketClient.connect(net.provider.apiAddress(), net.provider.adminToken(),
        Duration.ofSeconds(30));
    sealer = new DevnetSealer(market, ChainClient.connect(net.devnet.apiInfo(), Duration.ofSeconds(60)),
        new PieceSource(net.pieces(), market.resourceUrl(), market.token()),
        DevnetSealer.Options.of(Address.parse(net.miner())).withInterval(Duration.ofMillis(500)));
    sealer.start();

    for (String deal : List.of(online, offline)) {
      net.awaitProviderState(deal, "StorageDealActive", TIMEOUT);
      net.awaitClientState(deal, "StorageDealActive", TIMEOUT);
    }
    // the client reads "On Chain?" from the market actor
    String list = net.client("storage", "deals", "list").ok();
    // deal rows only: the indented "Message: Provider state:" lines follow the provider to Active as well
    assertThat(list.lines().filter(l -> !l.startsWith(" ") && l.contains("StorageDealActive")).count())
        .isEqualTo(2);
    // after publication the client keeps asking the provider, so "Provider state" does not stay at the state the
    // deal was published in
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (net.client("storage", "deals", "list").ok().lines()
        .filter(l -> l.equals("  Message: Provider state: StorageDealActive")).count() < 2) {
      assertThat(System.nanoTime()).as("provider state lines reach StorageDealActive").isLessThan(deadline);
      Thread.sleep(200);
    }

    // a restarted client still lists both deals, active
    net.stopClient();
    net.startClient();
    assertThat(net.clientState(online)).isEqualTo("StorageDealActive");
    assertThat(net.clientState(offline)).isEqualTo("StorageDealActive");
  }
}
