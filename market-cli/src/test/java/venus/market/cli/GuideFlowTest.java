package venus.market.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import venus.market.daemon.MarketDaemon;
import venus.market.daemon.testing.DaemonFixture;
import venus.market.daemon.testing.FakeFullNode;

/** The seed guide's venus-market commands, run through the CLI against a daemon on loopback. */
class GuideFlowTest {
  @TempDir Path dir;
  Path repo;
  FakeFullNode node;
  MarketDaemon daemon;

  @BeforeEach
  void start() throws Exception {
    node = new FakeFullNode();
    repo = dir.resolve("repo");
    daemon = DaemonFixture.startFirst(repo, node);
  }

  @AfterEach
  void stop() throws Exception {
    daemon.close();
    node.close();
  }

  @Test
  void netListenActorSetAddrsSetPeerIdInfo() {
    CliRun listen = CliRun.run(repo, "net", "listen");
    assertThat(listen.exit()).isZero();
    String peer = daemon.p2p().peerId();
    assertThat(listen.out()).startsWith("/ip4/127.0.0.1/tcp/").contains("/p2p/" + peer);
    assertThat(CliRun.run(repo, "net", "id").out().trim()).isEqualTo(peer);

    String maddr = listen.out().lines().findFirst().orElseThrow();
    String plain = maddr.substring(0, maddr.indexOf("/p2p/"));
    CliRun setAddrs = CliRun.run(repo, "actor", "set-addrs", "--miner=t01000", plain + "/");
    assertThat(setAddrs.exit()).as(setAddrs.err()).isZero();
    assertThat(setAddrs.out()).matches("Requested multiaddrs change in message bafy[a-z2-7]+\\n");
    CliRun setPeer = CliRun.run(repo, "actor", "set-peer-id", "--miner=f01000", peer);
    assertThat(setPeer.out()).matches("Requested peerid change in message bafy[a-z2-7]+\\n");

    CliRun info = CliRun.run(repo, "actor", "info", "--miner", "t01000");
    assertThat(info.out()).isEqualTo("peers: " + peer + "\naddr: " + plain + "\n");
    CliRun strip = CliRun.run(repo, "actor", "set-addrs", "--miner=t01000", maddr);
    assertThat(strip.out()).startsWith("Stripping peerid " + peer + " from " + maddr);
  }

  @Test
  void setAskThenGetAskPrintsTheGuidesTable() {
    CliRun set = CliRun.run(repo, "storage-deals", "set-ask", "--miner=t01000", "--price=0.02fil",
        "--verified-price=0.01fil", "--min-piece-size=512b", "--max-piece-size=8M");
    assertThat(set.exit()).as(set.err()).isZero();
    assertThat(set.out()).isEmpty();
    node.advance(2);
    CliRun get = CliRun.run(repo, "storage-deals", "get-ask", "--miner=t01000");
    assertThat(get.exit()).as(get.err()).isZero();
    long expiry = node.height() - 2 + 86400;
    List<String> lines = get.out().lines().toList();
    assertThat(lines.get(0)).isEqualTo("Price per GiB/Epoch  Verified  Min. Piece Size (padded)  Max. Piece Size (padded)"
        + "  Expiry (Epoch)  Expiry (Appx. Rem. Time)  Seq. No.");
    assertThat(lines.get(1)).isEqualTo(String.format(
        "0.02 FIL             0.01 FIL  512 B                     8 MiB                     %-14d  719h59m0s                 0",
        expiry));
    CliRun json = CliRun.run(repo, "storage-deals", "get-ask", "--miner=t01000", "--json");
    assertThat(json.out()).contains("\"Price\" : \"20000000000000000\"").contains("\"SeqNo\" : 0");
  }

  @Test
  void missingAskAndUnknownMiner() {
    assertThat(CliRun.run(repo, "storage-deals", "get-ask", "--miner=t01000").out())
        .isEqualTo("<miner does not have an ask>\n");
    CliRun bad = CliRun.run(repo, "storage-deals", "set-ask", "--miner=t09999", "--price=1fil", "--verified-price=1fil",
        "--max-piece-size=2KiB");
    assertThat(bad.exit()).isEqualTo(CliFailures.FAILED);
    assertThat(bad.err()).contains("actor [t09999] not found");
  }

  @Test
  void setAskDefaultsMaxPieceSizeToTheSectorSize() {
    assertThat(CliRun.run(repo, "storage-deals", "set-ask", "--miner=t01000", "--price=0", "--verified-price=0").exit())
        .isZero();
    assertThat(daemon.asks().get(node.miner()).orElseThrow().signed().ask().maxPieceSize())
        .isEqualTo(FakeFullNode.SECTOR_SIZE);
  }

  @Test
  void readOnlyTokenIsDeniedWithExitCode4() throws Exception {
    CliRun token = CliRun.run(repo, "auth", "create-token", "--perm", "read");
    assertThat(token.exit()).isZero();
    CliRun denied = CliRun.run(repo, "storage-deals", "set-ask", "--token", token.out().trim(), "--miner=t01000",
        "--price=0.02fil", "--verified-price=0.01fil", "--max-piece-size=8M");
    assertThat(denied.exit()).isEqualTo(CliFailures.DENIED);
    assertThat(denied.err()).contains("permission denied").contains("MarketSetAsk").contains("admin");
    CliRun forged = CliRun.run(repo, "net", "id", "--token", "eyJhbGciOiJIUzI1NiJ9.e30.x");
    assertThat(forged.exit()).isEqualTo(CliFailures.DENIED);
    assertThat(CliRun.run(repo, "net", "id", "--token", token.out().trim()).exit()).isZero();
  }

  @Test
  void apiInfoAndActorListAndSelection() {
    CliRun info = CliRun.run(repo, "auth", "api-info", "--perm", "admin");
    assertThat(info.out()).startsWith("MARKET_API_INFO=ey").endsWith(":" + daemon.apiAddress() + "\n");
    CliRun list = CliRun.run(repo, "actor", "list");
    assertThat(list.out()).isEqualTo("miner   account\nt01000  testaccount\n");
    assertThat(CliRun.run(repo, "storage-deals", "selection", "reject", "--offline").exit()).isZero();
    assertThat(CliRun.run(repo, "storage-deals", "selection", "list").out())
        .contains("considering online storage deals: true").contains("considering offline storage deals: false");
    assertThat(CliRun.run(repo, "storage-deals", "selection", "reset").exit()).isZero();
    assertThat(CliRun.run(repo, "storage-deals", "selection", "list").out()).doesNotContain("false");
    assertThat(CliRun.run(repo, "storage-deals", "set-seal-duration", "90").exit()).isZero();
    assertThat(CliRun.run(repo, "storage-deals", "get-seal-duration").out()).isEqualTo("1h30m0s\n");
  }

  @Test
  void apiUrlAndTokenFlagsReplaceTheRepoFiles() {
    Path empty = dir.resolve("elsewhere");
    CliRun r = CliRun.run(empty, "net", "id", "--api-url", daemon.apiAddress(), "--token", daemon.adminToken());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out().trim()).isEqualTo(daemon.p2p().peerId());
    CliRun url = CliRun.run(empty, "actor", "list", "--api-url",
        "http://" + daemon.apiAddress().replace("/ip4/", "").replace("/tcp/", ":"), "--token", daemon.adminToken());
    assertThat(url.out()).contains("t01000  testaccount");
  }

  @Test
  void versionFromTheDaemon() {
    CliRun v = CliRun.run(repo, "version", "--daemon");
    assertThat(v.out()).contains("daemon 0.1.0-SNAPSHOT");
  }
}
