package venus.market.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** What the devnet, provider and client processes share: their JVM, kill -9, a clean stop, API readiness. */
abstract class ProgramProcess implements AutoCloseable {
  protected ChildJvm jvm;
  /** Extra -D options of the next starts: the programs' test hooks (none by default). */
  protected List<String> sysProps = List.of();

  /** Sets the extra {@code -Dname=value} options for the next start and those after it. */
  void sysProps(String... props) {
    sysProps = List.of(props);
  }

  /** The log the process appends to (valid once started). */
  Path log() {
    return jvm.log();
  }

  boolean running() {
    return jvm != null && jvm.alive();
  }

  void kill() {
    jvm.kill();
  }

  void stop() {
    jvm.stop();
  }

  /** One start of the program, which may find a chosen port taken. */
  interface Start<T> {
    T run() throws IOException;
  }

  /**
   * Runs {@code start}; on the first start a port taken by another process between choosing and binding it is chosen
   * again ({@code newPorts}), up to three tries. Later starts must keep their ports: config files and the chain name
   * them.
   */
  static <T> T choosingPorts(boolean firstStart, Start<T> start, Runnable newPorts) throws IOException {
    for (int attempt = 1; ; attempt++) {
      try {
        return start.run();
      } catch (ChildJvm.PortTakenException e) {
        if (!firstStart || attempt == 3) {
          throw e;
        }
        newPorts.run();
      }
    }
  }

  /**
   * Waits until the daemon has written {@code <repo>/api} again (a kill -9 leaves the old file, so the caller deletes
   * it before the start) and answers Version with the repo's token.
   */
  void awaitRepoApi(String what, Path repo, int apiPort, String namespace, Duration callTimeout) {
    Poll.until(what, Duration.ofSeconds(120), Duration.ofMillis(200), () -> {
      jvm.requireAlive();
      if (!Files.exists(repo.resolve("api"))) {
        return null;
      }
      return repoRpc(repo, apiPort, namespace, callTimeout).call("Version") != null;
    });
  }

  /** A JSON-RPC client for the daemon on {@code apiPort}, with the admin token the daemon wrote into its repo. */
  static Rpc repoRpc(Path repo, int apiPort, String namespace, Duration callTimeout) {
    try {
      String token = Files.readString(repo.resolve("token"), StandardCharsets.US_ASCII).trim();
      return new Rpc(URI.create("http://127.0.0.1:" + apiPort + "/rpc/v0"), token, namespace, callTimeout);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    if (running()) {
      jvm.kill();
    }
  }

  /** Kills whichever of {@code processes} were started and still run (tests' tear-down; nulls are skipped). */
  static void closeAll(ProgramProcess... processes) {
    for (ProgramProcess p : processes) {
      if (p != null) {
        p.close();
      }
    }
  }
}
