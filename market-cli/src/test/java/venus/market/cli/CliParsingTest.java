package venus.market.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliParsingTest {
  @TempDir Path repo;

  @Test
  void helpListsTheGuidesCommands() {
    CliRun r = CliRun.run(null, "--help");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("solo-run", "auth", "net", "actor", "storage-deals", "version");
    CliRun deals = CliRun.run(null, "storage-deals", "--help");
    assertThat(deals.out()).contains("set-ask", "get-ask", "list", "import-data", "pending-publish", "publish-now",
        "selection", "set-blocklist", "set-seal-duration");
    assertThat(CliRun.run(null, "actor", "--help").out()).contains("set-addrs", "set-peer-id", "info", "list");
    assertThat(CliRun.run(null, "net", "--help").out()).contains("listen", "id", "peers");
  }

  @Test
  void unknownOptionIsUsageErrorWithOneLine() {
    CliRun r = CliRun.run(repo, "net", "listen", "--bogus");
    assertThat(r.exit()).isEqualTo(CliFailures.USAGE);
    assertThat(r.err()).startsWith("venus-market: Unknown option: '--bogus'").contains("--help");
    assertThat(r.err()).doesNotContain("\tat ");
  }

  @Test
  void missingRequiredFlagIsUsageError() {
    CliRun r = CliRun.run(repo, "storage-deals", "set-ask", "--miner=t01000", "--verified-price=0.01fil");
    assertThat(r.exit()).isEqualTo(CliFailures.USAGE);
    assertThat(r.err()).contains("--price");
  }

  @Test
  void daemonNotRunningIsExitCode3WithReason() {
    CliRun r = CliRun.run(repo, "net", "id");
    assertThat(r.exit()).isEqualTo(CliFailures.UNREACHABLE);
    assertThat(r.err()).contains("not running").contains(repo.resolve("api").toString());
    assertThat(r.err().lines().count()).isEqualTo(1);
  }

  @Test
  void refusedConnectionIsExitCode3() throws Exception {
    Files.writeString(repo.resolve("api"), "/ip4/127.0.0.1/tcp/1");
    CliRun r = CliRun.run(repo, "storage-deals", "get-ask", "--miner=t01000");
    assertThat(r.exit()).isEqualTo(CliFailures.UNREACHABLE);
    assertThat(r.err()).contains("cannot reach the venus-market daemon");
  }

  @Test
  void verboseAddsTheStackTrace() throws Exception {
    Files.writeString(repo.resolve("api"), "/ip4/127.0.0.1/tcp/1");
    CliRun r = CliRun.run(repo, "--verbose", "net", "id");
    assertThat(r.err()).contains("\tat ");
  }

  @Test
  void badSoloRunFlagsAreUsageErrors() {
    CliRun r = CliRun.run(repo, "solo-run", "--miner=miner1");
    assertThat(r.exit()).isEqualTo(CliFailures.USAGE);
    assertThat(r.err()).contains("--miner = \"miner1\"");
    CliRun ps = CliRun.run(repo, "solo-run", "--piecestorage=oss:/x");
    assertThat(ps.exit()).isEqualTo(CliFailures.USAGE);
    assertThat(ps.err()).contains("fs or s3");
  }

  @Test
  void soloRunWithoutNodeWritesConfigAndSaysWhatIsMissing() throws Exception {
    CliRun r = CliRun.run(repo, "solo-run", "--miner=t01000:acct");
    assertThat(r.exit()).isEqualTo(CliFailures.FAILED);
    assertThat(r.err()).contains("missing the full node").contains("--node-url");
    assertThat(Files.readString(repo.resolve("config.toml"))).contains("Addr = \"t01000\"");
  }

  @Test
  void badConfigFileStopsSoloRunNamingTheKey() throws Exception {
    Files.writeString(repo.resolve("config.toml"), "PublishMsgPeriod = \"soon\"\n");
    CliRun r = CliRun.run(repo, "solo-run");
    assertThat(r.exit()).isEqualTo(CliFailures.FAILED);
    assertThat(r.err()).contains("PublishMsgPeriod = \"soon\"").contains("duration");
  }

  @Test
  void setAskRejectsBadSizesBeforeCallingTheDaemon() {
    CliRun r = CliRun.run(repo, "storage-deals", "set-ask", "--miner=t01000",
        "--price=0.02fil", "--verified-price=0.01fil", "--min-piece-size=128b", "--max-piece-size=8M");
    assertThat(r.exit()).isEqualTo(CliFailures.USAGE);
    assertThat(r.err()).contains("minimum padded piece size is 256B");
    CliRun notPow2 = CliRun.run(repo, "storage-deals", "set-ask", "--miner=t01000",
        "--price=0.02fil", "--verified-price=0.01fil", "--max-piece-size=3M");
    assertThat(notPow2.exit()).isEqualTo(CliFailures.USAGE);
    assertThat(notPow2.err()).contains("powers of two");
    CliRun price = CliRun.run(repo, "storage-deals", "set-ask", "--miner=t01000",
        "--price=cheap", "--verified-price=0.01fil");
    assertThat(price.exit()).isEqualTo(CliFailures.USAGE);
    assertThat(price.err()).contains("--price cheap");
  }

  @Test
  void versionNeedsNoDaemon() {
    CliRun r = CliRun.run(repo, "version");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).startsWith("venus-market ");
  }
}
