package venus.market.client.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import venus.market.client.cli.CliRun;
import venus.market.core.multiformats.Cid;
import venus.market.core.storagemarket.StorageDealStatus;
import venus.market.daemon.deals.DealTransfer;
import venus.market.daemon.deals.ProviderDeal;

/**
 * Our client and our provider: the guide's interactive online deal made by the client daemon with the real provider
 * daemon, which pulls the CAR from the client's HTTP server with the deal's bearer token, checks its commP against the
 * proposal and stores the piece.
 */
class ClientProviderOnlineDealTest {
  @TempDir Path dir;
  DevnetMarket m;

  @BeforeEach
  void start() throws Exception {
    m = new DevnetMarket(dir);
    m.startProvider();
    m.startClient();
  }

  @AfterEach
  void stop() {
    m.close();
  }

  private CliRun.Result cli(String input, String... args) {
    return m.cli(input, args);
  }

  @Test
  void theProviderPullsVerifiesAndStoresTheClientsData() throws Exception {
    Path file = dir.resolve("data.bin");
    Files.writeString(file, "online deal data ".repeat(200));
    CliRun.Result imp = cli("", "data", "import", "-q", file.toString());
    assertThat(imp.exit()).as(imp.err()).isZero();
    String root = imp.out().trim();
    CliRun.Result add = cli("", "actor-funds", "add", "1fil");
    assertThat(add.exit()).as(add.err()).isZero();
    m.devnet.mineTipset();

    CliRun.Result init = cli(root + "\n180\nf0" + m.miner().id() + "\nyes\n", "storage", "deals", "init");
    assertThat(init.exit()).as(init.err()).isZero();
    List<String> lines = init.out().lines().toList();
    String last = lines.get(lines.size() - 1);
    assertThat(last).contains("CID: bafyrei");
    Cid proposalCid = Cid.parse(last.substring(last.lastIndexOf(' ') + 1));

    Set<StorageDealStatus> verified = Set.of(StorageDealStatus.RESERVE_PROVIDER_FUNDS,
        StorageDealStatus.PROVIDER_FUNDING, StorageDealStatus.PUBLISH);
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    ProviderDeal d = m.provider.deals().get(proposalCid).orElseThrow();
    while (!verified.contains(d.state()) && !d.isTerminal() && System.nanoTime() < deadline) {
      Thread.sleep(20);
      d = m.provider.deals().get(proposalCid).orElseThrow();
    }
    assertThat(d.state()).as(d.message()).isIn(verified);
    assertThat(d.transfer().type()).isEqualTo(DealTransfer.TYPE_HTTP);
    Path car = dir.resolve("expected.car");
    assertThat(cli("", "data", "generate-car", file.toString(), car.toString()).exit()).isZero();
    Cid piece = d.proposal().proposal().pieceCID();
    assertThat(m.provider.pieceStore().size(piece)).hasValue(Files.size(car));
    assertThat(Files.mismatch(Path.of(d.piecePath()), car)).isEqualTo(-1);
    assertThat(d.transferredBytes()).isEqualTo(Files.size(car));
  }
}
