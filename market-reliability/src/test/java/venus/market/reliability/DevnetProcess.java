package venus.market.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import venus.market.core.jsonrpc.JwtTokens;
import venus.market.core.jsonrpc.Permission;

/**
 * {@code market-devnet run} (the real {@code DevnetCli}) in its own JVM on fixed loopback ports, so the provider's
 * config stays valid across devnet restarts. The chain mines on its timer.
 */
final class DevnetProcess extends ProgramProcess {
  static final String MAIN = "venus.market.devnet.cli.DevnetCli";

  private final Path repo;
  private final Path log;
  private int apiPort = Ports.free();
  private int walletPort = Ports.free();
  private boolean started;
  private Duration blockTime;
  private Rpc rpc;

  DevnetProcess(Path repo, Path log, Duration blockTime) {
    this.repo = repo;
    this.log = log;
    this.blockTime = blockTime;
  }

  /** Restarts (after a stop or kill) with another block time; a restart keeps the chain. */
  DevnetProcess start(Duration newBlockTime) throws IOException {
    this.blockTime = newBlockTime;
    return start();
  }

  /** Starts the process (see {@link #choosingPorts}). */
  DevnetProcess start() throws IOException {
    return choosingPorts(!started, this::startOnce, () -> {
      apiPort = Ports.free();
      walletPort = Ports.free();
      rpc = null;
    });
  }

  private DevnetProcess startOnce() throws IOException {
    Files.createDirectories(repo);
    Files.deleteIfExists(repo.resolve("api"));
    jvm = ChildJvm.start("devnet", MAIN, List.of("run", "--repo", repo.toString(),
        "--api", "/ip4/127.0.0.1/tcp/" + apiPort, "--wallet-api", "/ip4/127.0.0.1/tcp/" + walletPort,
        "--block-time", blockTime.toMillis() + "ms"),
        List.of("-Dslf4j.provider=ch.qos.logback.classic.spi.LogbackServiceProvider"), log);
    Poll.until("the devnet to answer ChainHead", Duration.ofSeconds(90), Duration.ofMillis(200), () -> {
      jvm.requireAlive();
      if (!Files.exists(repo.resolve("api"))) {
        return null;
      }
      return rpc().call("ChainHead").get("Height").asLong() >= 0;
    });
    started = true;
    return this;
  }

  /** The full-node API (admin). */
  Rpc rpc() {
    if (rpc == null) {
      rpc = new Rpc(apiUrl(), adminToken(), "Filecoin", Duration.ofSeconds(20));
    }
    return rpc;
  }

  URI apiUrl() {
    return URI.create("http://127.0.0.1:" + apiPort + "/rpc/v1");
  }

  String apiMultiaddr() {
    return "/ip4/127.0.0.1/tcp/" + apiPort;
  }

  String walletUrl() {
    return "/ip4/127.0.0.1/tcp/" + walletPort + "/http";
  }

  String adminToken() {
    return tokens().create(Permission.ADMIN);
  }

  /** Tokens signed with the devnet's secret (what {@code market-devnet wallet api-info} prints). */
  JwtTokens tokens() {
    try {
      return new JwtTokens(Files.readAllBytes(repo.resolve("jwt-secret")));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  long height() {
    return rpc().call("ChainHead").get("Height").asLong();
  }

  JsonNode searchMsg(String cid) {
    JsonNode r = rpc().call("StateSearchMsg", null, java.util.Map.of("/", cid), -1, true);
    return r == null || r.isNull() ? null : r;
  }

  Path repo() {
    return repo;
  }
}
