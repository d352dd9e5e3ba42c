package venus.market.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guide up to the deals, as scripts/demo.sh walks it, with both daemons on the devnet: the provider points the
 * miner at itself and publishes its ask; the client queries that ask over libp2p, imports a file, builds its CAR,
 * computes commP and escrows funds; the provider's deal list is empty; a client restart keeps the imports.
 */
class GuideStepsE2eTest {
  @TempDir Path dir;
  MarketNet net;

  @BeforeEach
  void start() throws Exception {
    net = MarketNet.start(dir);
    net.startProvider("1s");
    net.startClient();
  }

  @AfterEach
  void stop() {
    net.close();
  }

  @Test
  void providerAndClientWalkTheGuideUpToTheDeals() throws Exception {
    // provider: net listen -> actor set-addrs / set-peer-id -> actor info
    String info = net.pointMinerAtMarket();
    assertThat(info).startsWith("peers: 12D3KooW").contains("\naddr: /ip4/127.0.0.1/tcp/");

    // provider: set-ask / get-ask, as the guide prints it
    net.setGuideAsk();
    List<String> ask = net.market("storage-deals", "get-ask", "--miner=" + net.miner()).ok().lines().toList();
    assertThat(ask.get(0)).startsWith("Price per GiB/Epoch  Verified  Min. Piece Size (padded)");
    assertThat(ask.get(1)).startsWith("0.02 FIL             0.01 FIL  512 B                     8 MiB  ")
        .endsWith("  0");

    // client: storage asks query <f0 miner> reaches the provider over libp2p through the on-chain peer ID
    String id = net.miner().substring(2);
    assertThat(net.client("storage", "asks", "query", "f0" + id).ok()).isEqualTo("Ask: t0" + id + "\n"
        + "Price per GiB: 0.02 FIL\n"
        + "Verified Price per GiB: 0.01 FIL\n"
        + "Max Piece size: 8 MiB\n"
        + "Min Piece size: 512 B\n");

    // client: data import / local / generate-car / commP
    Path file = dir.resolve("hello.bin");
    byte[] data = new byte[809];
    new Random(809).nextBytes(data);
    Files.write(file, data);
    String imported = net.client("data", "import", file.toString()).ok();
    assertThat(imported).matches("Import \\d+, Root bafk\\S+\n");
    String root = imported.substring(imported.indexOf("Root ") + 5).trim();
    assertThat(net.client("data", "local").ok()).contains(root).contains("@" + file);
    Path car = dir.resolve("hello.car");
    net.client("data", "generate-car", file.toString(), car.toString()).ok();
    assertThat(car).exists();
    List<String> commP = net.client("data", "commP", car.toString()).ok().lines().toList();
    assertThat(commP.get(0)).startsWith("CID:  baga6ea4sea");
    assertThat(commP.get(1)).startsWith("Piece size:  ");
    assertThat(commP.get(2)).matches("Piece size in bytes:  \\d+");

    // client: escrow for the deals (the guide's "actor-funds add" when the balance is too low)
    assertThat(net.client("actor-funds", "add", "10fil").ok()).startsWith("Submitting Add Balance message");
    String balances = MarketNet.await("the client's escrow on chain", Duration.ofSeconds(30), () -> {
      String out = net.client("actor-funds", "balances").out();
      return out.contains("Escrowed Funds:        10 FIL") ? Optional.of(out) : Optional.empty();
    });
    assertThat(balances).contains("Available to Withdraw: 10 FIL");

    // provider: no deal yet, the guide's columns
    assertThat(net.market("storage-deals", "list").ok().lines().findFirst().orElseThrow().split(" {2,}"))
        .containsExactly("ProposalCid", "DealId", "State", "Client", "Provider", "Size", "Price", "Duration");

    // client restart (stop + plain start from the saved config) keeps the imports
    String local = net.client("data", "local").ok();
    net.stopClient();
    net.startClient();
    assertThat(net.client("data", "local").ok()).isEqualTo(local);
    assertThat(net.client("storage", "asks", "query", "f0" + id).ok()).contains("Price per GiB: 0.02 FIL");
  }
}
