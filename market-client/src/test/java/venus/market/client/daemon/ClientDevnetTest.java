package venus.market.client.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import venus.market.client.cli.CliRun;
import venus.market.client.repo.ClientHome;

/**
 * The client daemon against market-devnet and the real provider daemon, on loopback: run writes config/api/token,
 * {@code storage asks query} prints the provider's ask as the guide shows it, {@code actor-funds add/balances/withdraw}
 * move escrow through the chain, and a restart keeps the repo's imports.
 */
class ClientDevnetTest {
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

  private CliRun.Result cli(String... args) {
    return m.cli("", args);
  }

  @Test
  void runWritesConfigApiAndTokenFiles() throws Exception {
    ClientHome home = ClientHome.open(m.clientRepo());
    assertThat(Files.readString(home.apiFile())).startsWith("/ip4/127.0.0.1/tcp/");
    assertThat(Files.readString(home.tokenFile())).startsWith("ey");
    assertThat(Files.readString(home.configFile())).contains("DefaultMarketAddress = \"" + m.clientAddress() + "\"")
        .contains("[DataTransfer]");
    m.stopClient();
    assertThat(home.apiFile()).doesNotExist();
    CliRun.Result r = cli("actor-funds", "balances");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("the market-client daemon is not running");
  }

  @Test
  void asksQueryPrintsTheProvidersAskLikeTheGuide() {
    CliRun.Result r = cli("storage", "asks", "query", "f0" + m.miner().id());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("Ask: t0" + m.miner().id() + "\n"
        + "Price per GiB: 0.02 FIL\n"
        + "Verified Price per GiB: 0.01 FIL\n"
        + "Max Piece size: 8 MiB\n"
        + "Min Piece size: 512 B\n");
  }

  @Test
  void asksQueryOfAMinerWithoutPeerIdSaysSo() {
    CliRun.Result r = cli("storage", "asks", "query", "t01999");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).startsWith("ERROR: ");
  }

  @Test
  void actorFundsAddBalancesWithdraw() {
    CliRun.Result add = cli("actor-funds", "add", "100fil");
    assertThat(add.exit()).as(add.err()).isZero();
    assertThat(add.out()).startsWith("Submitting Add Balance message for amount 100 FIL for address "
        + m.clientAddress() + "\nAddBalance message cid: bafy");
    m.devnet.mineTipset();
    CliRun.Result bal = cli("actor-funds", "balances");
    assertThat(bal.out()).isEqualTo("Client Market Balance for address " + m.clientAddress() + ":\n"
        + "  Escrowed Funds:        100 FIL\n"
        + "  Locked Funds:          0 FIL\n"
        + "  Reserved Funds:        0 FIL\n"
        + "  Available to Withdraw: 100 FIL\n");
    CliRun.Result w = cli("actor-funds", "withdraw", "40fil");
    assertThat(w.exit()).as(w.err()).isZero();
    assertThat(w.out()).startsWith("WithdrawBalance message cid: bafy");
    m.devnet.mineTipset();
    assertThat(cli("actor-funds", "balances").out()).contains("Escrowed Funds:        60 FIL");
    CliRun.Result tooMuch = cli("actor-funds", "withdraw", "61fil");
    assertThat(tooMuch.exit()).isEqualTo(1);
    assertThat(tooMuch.err()).contains("can't withdraw more funds than available");
  }

  @Test
  void restartKeepsImports() throws Exception {
    Path file = dir.resolve("README.md");
    Files.writeString(file, "hello devnet\n".repeat(50));
    CliRun.Result imp = cli("data", "import", file.toString());
    assertThat(imp.exit()).as(imp.err()).isZero();
    String before = cli("data", "local").out();
    m.stopClient();
    m.startClient();
    assertThat(cli("data", "local").out()).isEqualTo(before).contains(file.toString());
  }
}
