package venus.market.e2e;

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
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import picocli.CommandLine;
import venus.market.cli.VenusMarketMain;
import venus.market.client.cli.ClientCli;
import venus.market.client.config.ClientConfig;
import venus.market.client.daemon.ClientDaemon;
import venus.market.client.repo.ClientHome;
import venus.market.core.address.Address;
import venus.market.core.jsonrpc.ApiInfo;
import venus.market.core.jsonrpc.Permission;
import venus.market.daemon.MarketDaemon;
import venus.market.daemon.config.ConfigOverrides;
import venus.market.daemon.config.MarketConfig;
import venus.market.daemon.publish.DealPublishing;
import venus.market.daemon.repo.Repo;
import venus.market.devnet.Devnet;
import venus.market.devnet.DevnetOptions;

/**
 * What {@code scripts/demo.sh} starts, in one JVM on loopback: market-devnet (blocks on a timer, as {@code
 * market-devnet run --block-time} does), the provider daemon as {@code venus-market solo-run} starts it (the same
 * flags as config overrides, fs piece storage, a short PublishMsgPeriod) and the client daemon as {@code
 * market-client run} starts it. Every other step goes through the real command classes ({@link #market},
 * {@link #client}), exactly the command lines the demo types.
 */
final class MarketNet implements AutoCloseable {
  /** Tipsets every 250 ms: deals move in seconds while the node still reports a 1 s block delay. */
  static final Duration BLOCK_TIME = Duration.ofMillis(250);

  /**
   * Message and chain polls every 500 ms (the demo sets $VENUS_MARKET_CHAIN_POLL), ten tipsets of confidence as by
   * default.
   */
  static final DealPublishing.Options POLLING = new DealPublishing.Options(Duration.ofMillis(500), 10,
      Duration.ofMillis(500));

  record Cli(int exit, String out, String err) {
    /** The output, or an assertion error with both streams when the command failed. */
    String ok() {
      if (exit != 0) {
        throw new AssertionError("exit " + exit + "\nstdout: " + out + "\nstderr: " + err);
      }
      return out;
    }
  }

  final Path dir;
  final Devnet devnet;
  MarketDaemon provider;
  ClientDaemon client;

  private MarketNet(Path dir, Devnet devnet) {
    this.dir = dir;
    this.devnet = devnet;
  }

  /** Starts the devnet only; {@link #startProvider} and {@link #startClient} start the daemons. */
  static MarketNet start(Path dir) {
    return new MarketNet(dir, Devnet.start(dir.resolve("devnet"), DevnetOptions.forTests().withBlockTime(BLOCK_TIME)));
  }

  String miner() {
    return devnet.minerAddress().toString();
  }

  /**
   * The deal tests' common start: devnet, provider (PublishMsgPeriod 1s) and client, the miner pointed at the market,
   * the guide's ask, and {@code fil} FIL in the client's escrow (waited for).
   */
  static MarketNet startForDeals(Path dir, int fil) throws Exception {
    MarketNet net = start(dir);
    net.startProvider("1s");
    net.startClient();
    net.pointMinerAtMarket();
    net.setGuideAsk();
    net.client("actor-funds", "add", fil + "fil").ok();
    await("the client's escrow", Duration.ofSeconds(30), () ->
        net.client("actor-funds", "balances").out().contains("Escrowed Funds:        " + fil + " FIL")
            ? Optional.of(true) : Optional.empty());
    return net;
  }

  /** The miner as the guide types it ("f01000"). */
  String minerF0() {
    return "f0" + miner().substring(2);
  }

  /** {@code size} reproducible random bytes in a file under the test directory. */
  Path randomFile(String name, int size) throws IOException {
    byte[] data = new byte[size];
    new Random(size).nextBytes(data);
    return Files.write(dir.resolve(name), data);
  }

  Address clientAddress() {
    return devnet.account("client");
  }

  Path providerRepo() {
    return dir.resolve("market");
  }

  Path clientRepo() {
    return dir.resolve("client");
  }

  Path pieces() {
    return dir.resolve("pieces");
  }

  /**
   * {@code venus-market solo-run --node-url --node-token --wallet-url --wallet-token --piecestorage=fs:<dir>
   * --miner=<miner>:demo --listen=/ip4/127.0.0.1/tcp/0} over a config.toml that keeps libp2p on loopback and
   * publishes deals after {@code publishPeriod} (the guide's "PublishMsgPeriod for tests").
   */
  void startProvider(String publishPeriod) throws Exception {
    Files.createDirectories(providerRepo());
    Files.createDirectories(pieces());
    Path config = providerRepo().resolve("config.toml");
    if (!Files.exists(config)) {
      Files.writeString(config, "PublishMsgPeriod = \"" + publishPeriod + "\"\n\n"
          + "[Libp2p]\nListenAddresses = [\"/ip4/127.0.0.1/tcp/0\"]\n");
    }
    ApiInfo node = ApiInfo.parse(devnet.apiInfo());
    ApiInfo wallet = ApiInfo.parse(devnet.walletApiInfo(Permission.ADMIN));
    List<UnaryOperator<MarketConfig>> flags = List.of(
        ConfigOverrides.nodeUrl(node.address()), ConfigOverrides.nodeToken(node.token()),
        ConfigOverrides.walletUrl(wallet.address()), ConfigOverrides.walletToken(wallet.token()),
        ConfigOverrides.pieceStorage("fs:" + pieces()),
        ConfigOverrides.miner(miner() + ":demo"),
        ConfigOverrides.apiListen("/ip4/127.0.0.1/tcp/0"));
    provider = MarketDaemon.start(Repo.open(providerRepo()), flags, POLLING);
  }

  /** A plain {@code venus-market solo-run}: everything comes from the saved config.toml. */
  void restartProvider() throws Exception {
    stopProvider();
    provider = MarketDaemon.start(Repo.open(providerRepo()), List.of(), POLLING);
  }

  void stopProvider() {
    if (provider != null) {
      provider.close();
      provider = null;
    }
  }

  /**
   * {@code market-client run --node-url --auth-token --addr <client> --listen --libp2p-listen --http-listen} on
   * loopback; the flags are saved to config.toml as run saves them, so a restart reads the same file.
   */
  void startClient() throws Exception {
    ClientHome home = ClientHome.open(clientRepo());
    if (!Files.exists(home.configFile())) {
      ApiInfo node = ApiInfo.parse(devnet.apiInfo());
      home.saveConfig(ClientConfig.defaults().withNode(new ClientConfig.Node(node.address(), node.token()))
          .withDefaultMarketAddress(clientAddress().toString())
          .withApi(new ClientConfig.Api("/ip4/127.0.0.1/tcp/0", Duration.ofSeconds(30), ""))
          .withLibp2p(new ClientConfig.Libp2p(List.of("/ip4/127.0.0.1/tcp/0"), ""))
          .withDataTransfer(new ClientConfig.DataTransfer("/ip4/127.0.0.1/tcp/0", ""))
          // status every second so the list follows the provider quickly; the start delay stays the default
          .withDeals(new ClientConfig.Deals(Duration.ofSeconds(1), ClientConfig.defaults().deals().startEpochDelay())));
    }
    client = ClientDaemon.start(home, home.loadConfig());
  }

  void stopClient() {
    if (client != null) {
      client.close();
      client = null;
    }
  }

  /**
   * The guide's "point the miner at the market": {@code net listen}, {@code actor set-addrs} with the loopback
   * address, {@code actor set-peer-id}, then {@code actor info} until the chain shows both. Returns the info.
   */
  String pointMinerAtMarket() {
    String addr = market("net", "listen").ok().lines().filter(l -> l.startsWith("/ip4/127.0.0.1/"))
        .findFirst().orElseThrow(() -> new AssertionError("net listen printed no /ip4/127.0.0.1 address"));
    String peer = addr.substring(addr.indexOf("/p2p/") + 5);
    String maddr = addr.substring(0, addr.indexOf("/p2p/"));
    market("actor", "set-addrs", "--miner=" + miner(), maddr).ok();
    market("actor", "set-peer-id", "--miner=" + miner(), peer).ok();
    String expected = "peers: " + peer + "\naddr: " + maddr + "\n";
    return await("the miner's peer ID and address on chain", Duration.ofSeconds(30), () -> {
      Cli info = market("actor", "info", "--miner", miner());
      return info.exit() == 0 && info.out().equals(expected) ? Optional.of(info.out()) : Optional.empty();
    });
  }

  /** The guide's ask: {@code storage-deals set-ask --price=0.02fil --verified-price=0.01fil 512b..8M}. */
  void setGuideAsk() {
    market("storage-deals", "set-ask", "--miner=" + miner(), "--price=0.02fil", "--verified-price=0.01fil",
        "--min-piece-size=512b", "--max-piece-size=8M").ok();
  }

  /** The State column of the deal's row in {@code venus-market storage-deals list}, or "" while it is absent. */
  String providerState(String proposalCid) {
    return column(market("storage-deals", "list").ok(), proposalCid, 2);
  }

  /** The State column of the deal's row in {@code market-client storage deals list}, or "" while it is absent. */
  String clientState(String proposalCid) {
    return column(client("storage", "deals", "list").ok(), proposalCid, 3);
  }

  /** Waits until the provider's list shows {@code state}; a failed deal fails at once with its history. */
  void awaitProviderState(String proposalCid, String state, Duration timeout) {
    withDiagnostics(() -> market("storage-deals", "get", proposalCid).out(), () -> await("provider deal " + proposalCid + " in " + state, timeout, () -> {
      String now = providerState(proposalCid);
      if (now.equals("StorageDealError") || now.equals("StorageDealFailing")) {
        throw new AssertionError("the provider failed the deal:\n"
            + market("storage-deals", "get", proposalCid).out());
      }
      return now.equals(state) ? Optional.of(now) : Optional.empty();
    }));
  }

  /** Waits until the client's list shows {@code state}; a failed deal fails at once with the client's message. */
  void awaitClientState(String proposalCid, String state, Duration timeout) {
    withDiagnostics(() -> client("storage", "deals", "list").out() + client("storage", "deals", "get", proposalCid).out()
        + "\nprovider:\n" + market("storage-deals", "list").out(), () -> await("client deal " + proposalCid + " in " + state, timeout, () -> {
      String now = clientState(proposalCid);
      if (now.equals("StorageDealError")) {
        throw new AssertionError("the client's deal failed:\n" + client("storage", "deals", "list").out());
      }
      return now.equals(state) ? Optional.of(now) : Optional.empty();
    }));
  }

  /** Runs {@code wait}; a timeout gets what {@code diagnostics} shows appended, so the failure says where it stood. */
  private static void withDiagnostics(Supplier<String> diagnostics, Runnable wait) {
    try {
      wait.run();
    } catch (AssertionError e) {
      if (e.getMessage() != null && e.getMessage().startsWith("timed out")) {
        throw new AssertionError(e.getMessage() + "\n" + diagnostics.get(), e);
      }
      throw e;
    }
  }

  /** Cell {@code index} of the table row for {@code cid} (rows show "..." and the CID's last 8 characters). */
  private static String column(String table, String cid, int index) {
    String key = "..." + cid.substring(cid.length() - 8);
    return table.lines().filter(l -> l.startsWith(key + " ")).findFirst()
        .map(l -> l.split(" {2,}")[index]).orElse("");
  }

  /** One {@code venus-market} command line against the provider's repo, in-process. */
  Cli market(String... args) {
    List<String> all = new ArrayList<>(List.of("--repo", providerRepo().toString()));
    all.addAll(List.of(args));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = VenusMarketMain.run(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
    return new Cli(exit, out.toString(), err.toString());
  }

  /** One {@code market-client} command line against the client's repo, in-process, with no prompt input. */
  Cli client(String... args) {
    return clientWithInput("", args);
  }

  /** One {@code market-client} command line with {@code input} as the answers to its prompts. */
  Cli clientWithInput(String input, String... args) {
    List<String> all = new ArrayList<>(List.of("--repo", clientRepo().toString()));
    all.addAll(List.of(args));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = ClientCli.commandLine(Map.of(), dir.toString(),
        new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int exit = cl.execute(all.toArray(String[]::new));
    return new Cli(exit, out.toString(), err.toString());
  }

  /** Polls {@code probe} every 200 ms until it yields a value; fails with {@code what} and the last attempt. */
  static <T> T await(String what, Duration timeout, Supplier<Optional<T>> probe) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Optional<T> v = probe.get();
    while (v.isEmpty()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + what, e);
      }
      v = probe.get();
    }
    return v.get();
  }

  @Override
  public void close() {
    stopClient();
    stopProvider();
    devnet.close();
  }
}
