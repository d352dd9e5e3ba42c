package venus.market.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import venus.market.client.cli.ClientCli;

/**
 * {@code market-client run} (the real {@code ClientCli}) in its own JVM on loopback ports against the devnet, with
 * the devnet's genesis client address. One-shot commands ({@code data ...}, {@code storage deals init}) run
 * in-process through the same command classes: they only call the daemon's API.
 */
final class ClientProcess extends ProgramProcess {
  static final String MAIN = "venus.market.client.cli.ClientCli";

  record Cli(int exit, String out, String err) {
    String ok() {
      if (exit != 0) {
        throw new AssertionError("exit " + exit + "\nstdout: " + out + "\nstderr: " + err);
      }
      return out;
    }
  }

  private final Path repo;
  private final Path log;
  private final DevnetProcess devnet;
  private final String address;
  private int apiPort = Ports.free();
  private int p2pPort = Ports.free();
  private int httpPort = Ports.free();
  private boolean configured;

  ClientProcess(Path repo, Path log, DevnetProcess devnet, String address) {
    this.repo = repo;
    this.log = log;
    this.devnet = devnet;
    this.address = address;
  }

  /** Starts the process (see {@link #choosingPorts}). */
  ClientProcess start() throws IOException {
    return choosingPorts(!configured, this::startOnce, () -> {
      apiPort = Ports.free();
      p2pPort = Ports.free();
      httpPort = Ports.free();
    });
  }

  private ClientProcess startOnce() throws IOException {
    List<String> args = new ArrayList<>(List.of("--repo", repo.toString(), "run"));
    boolean first = !configured;
    if (first) {
      Files.createDirectories(repo);
      // the deal status is refreshed every second, so the client follows the provider quickly
      Files.writeString(repo.resolve("config.toml"), "[Deals]\n  StatusInterval = \"1s\"\n", StandardCharsets.UTF_8);
      args.addAll(List.of("--node-url", devnet.apiMultiaddr(), "--auth-token", devnet.adminToken(),
          "--addr", address, "--listen", "/ip4/127.0.0.1/tcp/" + apiPort,
          "--libp2p-listen", "/ip4/127.0.0.1/tcp/" + p2pPort, "--http-listen", "/ip4/127.0.0.1/tcp/" + httpPort));
    }
    Files.deleteIfExists(repo.resolve("api"));
    List<String> props = new ArrayList<>(List.of("-Dslf4j.provider=org.slf4j.simple.SimpleServiceProvider",
        "-Dslf4j.internal.verbosity=WARN"));
    props.addAll(sysProps);
    jvm = ChildJvm.start("client", MAIN, args, props, log);
    awaitRepoApi("the client daemon to answer on its API", repo, apiPort, "VENUS_MARKET_CLIENT", Duration.ofSeconds(30));
    configured = true;
    return this;
  }

  Rpc rpc() {
    return repoRpc(repo, apiPort, "VENUS_MARKET_CLIENT", Duration.ofSeconds(30));
  }

  /** The client's deals (ClientListDeals). */
  JsonNode deals() {
    return rpc().call("ClientListDeals");
  }

  /** The client's deal with this proposal CID, or null while it does not list it. */
  JsonNode deal(String proposalCid) {
    for (JsonNode d : deals()) {
      if (d.toString().contains(proposalCid)) {
        return d;
      }
    }
    return null;
  }

  /** One {@code market-client} command line against this repo, in-process. */
  Cli cli(String... args) {
    List<String> all = new ArrayList<>(List.of("--repo", repo.toString()));
    all.addAll(List.of(args));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = ClientCli.commandLine(Map.of(), repo.getParent().toString(), new ByteArrayInputStream(new byte[0]));
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int exit = cl.execute(all.toArray(String[]::new));
    return new Cli(exit, out.toString(), err.toString());
  }
}
