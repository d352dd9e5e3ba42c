package venus.market.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code market-devnet sealer} (the real {@code DevnetCli}, as scripts/demo.sh runs it) in its own JVM: it takes the
 * provider's deals over the sealer API (market URL and the provider repo's token), reads their pieces from the shared
 * piece directory and pre-commits / proves sectors on the devnet. The test-only hold directory
 * ({@code MARKET_DEVNET_SEALER_HOLD_DIR}, see market-devnet's {@code SealerHold}) stops it before a chosen step, so a
 * kill lands exactly between two of its calls.
 */
final class SealerProcess extends ProgramProcess {
  private final Path holds;
  private final Path log;
  private final DevnetProcess devnet;
  private final ProviderProcess provider;
  private int starts;

  SealerProcess(Path holds, Path log, DevnetProcess devnet, ProviderProcess provider) {
    this.holds = holds;
    this.log = log;
    this.devnet = devnet;
    this.provider = provider;
  }

  /** Starts the sealer (polling the market every second) and waits until it says it is sealing. */
  SealerProcess start() throws IOException {
    Files.createDirectories(holds);
    // a killed sealer leaves its "at-<step>" marker behind
    try (var s = Files.list(holds)) {
      for (Path p : s.filter(p -> p.getFileName().toString().startsWith("at-")).toList()) {
        Files.delete(p);
      }
    }
    String token = Files.readString(provider.repo().resolve("token"), StandardCharsets.US_ASCII).trim();
    jvm = ChildJvm.start("sealer", DevnetProcess.MAIN, List.of("sealer", "--repo", devnet.repo().toString(),
        "--market-url", "/ip4/127.0.0.1/tcp/" + provider.apiUrl().getPort(), "--market-token", token,
        "--miner", ProviderProcess.MINER, "--piece-dir", provider.pieces().toString(), "--interval", "1s"),
        List.of("-Dslf4j.provider=ch.qos.logback.classic.spi.LogbackServiceProvider"),
        Map.of("MARKET_DEVNET_SEALER_HOLD_DIR", holds.toString()), log);
    starts++;
    Poll.until("the sealer to start", Duration.ofSeconds(60), Duration.ofMillis(100), () -> {
      jvm.requireAlive();
      String t = jvm.tail(200);
      return t.substring(Math.max(0, t.lastIndexOf("=== start"))).contains("sealing deals of");
    });
    return this;
  }

  /** The sealer will stop before {@code step} (assigned, precommit, provecommit) until {@link #release}. */
  void hold(String step) throws IOException {
    Files.createDirectories(holds);
    Files.writeString(holds.resolve("hold-" + step), "");
  }

  void release(String step) throws IOException {
    Files.deleteIfExists(holds.resolve("hold-" + step));
  }

  /** Waits until the sealer stands before {@code step}; the sector it is working on. */
  long awaitAt(String step, Duration timeout) {
    Path at = holds.resolve("at-" + step);
    return Poll.until("the sealer to stop before " + step, timeout, Duration.ofMillis(50), () -> {
      jvm.requireAlive();
      try {
        String s = Files.exists(at) ? Files.readString(at, StandardCharsets.US_ASCII).trim() : "";
        return s.isEmpty() ? null : Long.parseLong(s);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  int starts() {
    return starts;
  }

  String tail() {
    return jvm == null ? "" : jvm.tail(60);
  }
}
