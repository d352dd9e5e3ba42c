package venus.market.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import venus.market.core.address.Address;
import venus.market.core.jsonrpc.ApiInfo;
import venus.market.core.jsonrpc.Permission;
import venus.market.core.storagemarket.SignedStorageAsk;
import venus.market.core.wallet.SignatureVerifier;
import venus.market.daemon.MarketDaemon;
import venus.market.daemon.ask.AskProtocol;
import venus.market.daemon.config.ConfigOverrides;
import venus.market.daemon.config.Libp2pConfig;
import venus.market.daemon.repo.Repo;
import venus.market.devnet.Devnet;
import venus.market.devnet.DevnetOptions;
import venus.market.p2p.crypto.Ed25519;
import venus.market.p2p.host.Host;
import venus.market.p2p.host.HostConfig;
import venus.market.p2p.multiaddr.Multiaddr;
import venus.market.p2p.peer.PeerId;

/**
 * The guide's provider steps end to end against market-devnet on loopback: solo-run with the devnet node and
 * its venus-wallet-style signing API, net listen, actor set-addrs/set-peer-id executed on chain, actor info,
 * set-ask/get-ask, the ask fetched over libp2p by another host and verified against the worker's key, restart.
 */
class DevnetGuideFlowTest {
  @TempDir Path dir;
  Devnet devnet;
  MarketDaemon daemon;
  Path repo;

  @BeforeEach
  void start() throws Exception {
    devnet = Devnet.start(dir.resolve("devnet"), DevnetOptions.forTests());
    repo = dir.resolve("market");
    daemon = startDaemon(true);
  }

  private MarketDaemon startDaemon(boolean flags) throws Exception {
    if (!flags) {
      return MarketDaemon.start(Repo.open(repo), List.of());
    }
    ApiInfo node = ApiInfo.parse(devnet.apiInfo());
    ApiInfo wallet = ApiInfo.parse(devnet.walletApiInfo(Permission.ADMIN));
    return MarketDaemon.start(Repo.open(repo), List.of(
        ConfigOverrides.nodeUrl(node.address()), ConfigOverrides.nodeToken(node.token()),
        ConfigOverrides.walletUrl(wallet.address()), ConfigOverrides.walletToken(wallet.token()),
        ConfigOverrides.pieceStorage("fs:" + dir.resolve("pieces")),
        ConfigOverrides.miner(devnet.minerAddress() + ":accountName"),
        ConfigOverrides.apiListen("/ip4/127.0.0.1/tcp/0"),
        c -> c.withLibp2p(new Libp2pConfig(List.of("/ip4/127.0.0.1/tcp/0"), List.of(), List.of(), ""))));
  }

  @AfterEach
  void stop() {
    if (daemon != null) {
      daemon.close();
    }
    devnet.close();
  }

  @Test
  void guideProviderStepsOnTheDevnet() throws Exception {
    String miner = devnet.minerAddress().toString();
    CliRun listen = CliRun.run(repo, "net", "listen");
    assertThat(listen.exit()).as(listen.err()).isZero();
    String peer = CliRun.run(repo, "net", "id").out().trim();
    String maddr = listen.out().lines().findFirst().orElseThrow();
    String plain = maddr.substring(0, maddr.indexOf("/p2p/"));

    CliRun setAddrs = CliRun.run(repo, "actor", "set-addrs", "--miner=" + miner, plain + "/");
    assertThat(setAddrs.exit()).as(setAddrs.err()).isZero();
    assertThat(setAddrs.out()).startsWith("Requested multiaddrs change in message bafy");
    CliRun setPeer = CliRun.run(repo, "actor", "set-peer-id", "--miner=" + miner, peer);
    assertThat(setPeer.exit()).as(setPeer.err()).isZero();
    assertThat(setPeer.out()).startsWith("Requested peerid change in message bafy");
    devnet.mineTipset();
    devnet.mineTipset();

    CliRun info = CliRun.run(repo, "actor", "info", "--miner", miner);
    assertThat(info.out()).isEqualTo("peers: " + peer + "\naddr: " + plain + "\n");

    CliRun setAsk = CliRun.run(repo, "storage-deals", "set-ask", "--miner=" + miner, "--price=0.02fil",
        "--verified-price=0.01fil", "--min-piece-size=512b", "--max-piece-size=8M");
    assertThat(setAsk.exit()).as(setAsk.err()).isZero();
    CliRun getAsk = CliRun.run(repo, "storage-deals", "get-ask", "--miner=" + miner);
    assertThat(getAsk.out().lines().toList().get(1))
        .startsWith("0.02 FIL             0.01 FIL  512 B                     8 MiB  ").endsWith("  0");

    Address worker = devnet.account("worker");
    Host other = new Host(HostConfig.defaults(Ed25519.generate()).withListenAddrs(List.of()));
    try {
      other.start();
      SignedStorageAsk ask = AskProtocol.query(other, PeerId.parse(peer), List.of(Multiaddr.parse(plain)),
          devnet.minerAddress(), false).orElseThrow();
      assertThat(SignatureVerifier.verify(ask.signature(), worker, ask.ask().signingBytes())).isTrue();
    } finally {
      other.close();
    }

    daemon.close();
    daemon = startDaemon(false);
    assertThat(CliRun.run(repo, "net", "id").out().trim()).isEqualTo(peer);
    assertThat(CliRun.run(repo, "storage-deals", "get-ask", "--miner=" + miner).out()).isEqualTo(getAsk.out());
  }
}
