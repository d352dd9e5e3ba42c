package venus.market.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import venus.market.core.jsonrpc.Permission;
import venus.market.core.storagemarket.StorageDealStatus;

/**
 * {@code venus-market solo-run} (the real {@code VenusMarketMain}) in its own JVM against a {@link DevnetProcess}:
 * node and venus-wallet style signer on the devnet, filesystem piece storage, API and libp2p on fixed loopback
 * ports. The first start passes the guide's flags (saved into config.toml); restarts are a plain {@code solo-run}.
 */
final class ProviderProcess extends ProgramProcess {
  static final String MAIN = "venus.market.cli.VenusMarketMain";
  static final String MINER = "t01000";

  private final Path repo;
  private final Path pieces;
  private final Path log;
  private final DevnetProcess devnet;
  private final String policy;
  private int apiPort = Ports.free();
  private int p2pPort = Ports.free();
  private boolean configured;
  /** The solo-run --piecestorage flag, or null to keep what config.toml says (set before the first start). */
  private String pieceStorageFlag;
  private int starts;
  /** Added to the daemon's environment at every start (e.g. VENUS_MARKET_CHAIN_POLL). */
  private Map<String, String> env = Map.of();
  /** Further [Libp2p] ListenAddresses after the fixed 127.0.0.1 one (set before the first start). */
  private final List<String> moreListen = new ArrayList<>();

  /** @param policy top-level config.toml lines (deal policy) written before the first start */
  ProviderProcess(Path repo, Path pieces, Path log, DevnetProcess devnet, String policy) {
    this.repo = repo;
    this.pieces = pieces;
    this.log = log;
    this.devnet = devnet;
    this.policy = policy;
    this.pieceStorageFlag = "fs:" + pieces;
  }

  /** Piece storage from the config.toml lines in {@code policy} instead of the --piecestorage flag. */
  ProviderProcess withPieceStorageFromConfig() {
    this.pieceStorageFlag = null;
    return this;
  }

  /** Environment variables for the daemon (set before the first start; kept for restarts). */
  ProviderProcess withEnv(Map<String, String> env) {
    this.env = Map.copyOf(env);
    return this;
  }

  /** Also listen on {@code multiaddr}, e.g. {@code /ip6/::1/tcp/0}: a second address for peers on this machine. */
  ProviderProcess alsoListenOn(String multiaddr) {
    moreListen.add(multiaddr);
    return this;
  }

  /** Starts the process (see {@link #choosingPorts}). */
  ProviderProcess start() throws IOException {
    return choosingPorts(!configured, this::startOnce, () -> {
      apiPort = Ports.free();
      p2pPort = Ports.free();
    });
  }

  private ProviderProcess startOnce() throws IOException {
    List<String> args = new ArrayList<>(List.of("--repo", repo.toString(), "solo-run"));
    if (!configured) {
      Files.createDirectories(repo);
      Files.createDirectories(pieces);
      StringBuilder listen = new StringBuilder("\"/ip4/127.0.0.1/tcp/" + p2pPort + "\"");
      moreListen.forEach(a -> listen.append(", \"").append(a).append('"'));
      Files.writeString(repo.resolve("config.toml"), policy + "\n[Libp2p]\n  ListenAddresses = [" + listen + "]\n",
          StandardCharsets.UTF_8);
      args.addAll(List.of("--node-url=" + devnet.apiMultiaddr(), "--node-token=" + devnet.adminToken(),
          "--wallet-url=" + devnet.walletUrl(), "--wallet-token=" + devnet.tokens().create(Permission.ADMIN),
          "--miner=" + MINER + ":crash", "--listen=/ip4/127.0.0.1/tcp/" + apiPort));
      if (pieceStorageFlag != null) {
        args.add("--piecestorage=" + pieceStorageFlag);
      }
    }
    // kill -9 leaves the api file behind: readiness is "the file was written again and the API answers".
    Files.deleteIfExists(repo.resolve("api"));
    List<String> props = new ArrayList<>(sysProps);
    // ChildJvm sets java.net.preferIPv4Stack=true, under which an IPv6 listen address cannot be bound
    if (moreListen.stream().anyMatch(a -> a.startsWith("/ip6/"))) {
      props.add("-Djava.net.preferIPv4Stack=false");
    }
    jvm = ChildJvm.start("provider", MAIN, args, props, env, log);
    starts++;
    awaitRepoApi("the provider daemon to answer on its API", repo, apiPort, "VENUS_MARKET", Duration.ofSeconds(20));
    configured = true;
    return this;
  }

  Rpc rpc() {
    return repoRpc(repo, apiPort, "VENUS_MARKET", Duration.ofSeconds(20));
  }

  /** MarketGetDeal: the deal with its History. */
  JsonNode deal(String proposalCid) {
    return rpc().call("MarketGetDeal", Map.of("/", proposalCid));
  }

  StorageDealStatus state(String proposalCid) {
    return StorageDealStatus.fromCode(deal(proposalCid).get("State").asLong()).orElseThrow();
  }

  /** Waits until the deal is in {@code state}; fails at once if it ends somewhere else. */
  JsonNode await(String proposalCid, StorageDealStatus state, Duration timeout) {
    return Poll.until("deal " + proposalCid + " to reach " + state.goName(), timeout, Duration.ofMillis(50), () -> {
      JsonNode d = deal(proposalCid);
      StorageDealStatus now = StorageDealStatus.fromCode(d.get("State").asLong()).orElseThrow();
      if (now == state) {
        return d;
      }
      if (now == StorageDealStatus.ERROR || now == StorageDealStatus.SLASHED || now == StorageDealStatus.EXPIRED) {
        throw new AssertionError("deal " + proposalCid + " ended in " + now.goName() + ": "
            + d.get("Message").asText() + " (waiting for " + state.goName() + ")");
      }
      return null;
    });
  }

  /** Waits until every deal is in {@code state}, each within {@code timeout}; fails at once if one ends elsewhere. */
  void awaitAll(List<String> deals, StorageDealStatus state, Duration timeout) {
    for (String c : deals) {
      await(c, state, timeout);
    }
  }

  /**
   * publish-now once the publisher holds every deal (the crash policies set a publish period of 1 h): a deal reaches
   * Publish a moment before it is queued, so a request in between would find it missing.
   */
  void publishNow(List<String> deals, Duration timeout) {
    awaitAll(deals, StorageDealStatus.PUBLISH, timeout);
    Poll.until("the publisher to hold " + deals, timeout, Duration.ofMillis(50), () -> {
      int queued = 0;
      for (JsonNode q : rpc().call("MarketPendingDeals")) {
        queued += q.get("Deals").size();
      }
      return queued >= deals.size();
    });
    rpc().call("MarketPublishPendingDeals");
  }

  /** Registers this daemon's peer ID and listen address as the miner's on chain, and waits until they are there. */
  void pointMinerHere() {
    JsonNode listen = rpc().call("NetAddrsListen");
    String peer = listen.get("ID").asText();
    String maddr = listen.get("Addrs").get(0).asText();
    rpc().call("ActorSetAddrs", MINER, List.of(maddr), 0L);
    rpc().call("ActorSetPeerID", MINER, peer, 0L);
    Poll.until("the miner's peer ID on chain", Duration.ofSeconds(90), Duration.ofMillis(200), () -> {
      JsonNode info = devnet.rpc().call("StateMinerInfo", MINER, null);
      return peer.equals(info.get("PeerId").asText()) && info.get("Multiaddrs").size() == 1;
    });
  }

  Path repo() {
    return repo;
  }

  URI apiUrl() {
    return URI.create("http://127.0.0.1:" + apiPort + "/rpc/v0");
  }

  /** Threads of the daemon process (/proc; Linux, like CI). */
  long threads() {
    try {
      return Files.readAllLines(Path.of("/proc", Long.toString(jvm.pid()), "status")).stream()
          .filter(l -> l.startsWith("Threads:")).mapToLong(l -> Long.parseLong(l.substring(8).trim())).findFirst()
          .orElseThrow();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Open file descriptors (sockets included) of the daemon process. */
  long openFiles() {
    try (var s = Files.list(Path.of("/proc", Long.toString(jvm.pid()), "fd"))) {
      return s.count();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  Path pieces() {
    return pieces;
  }

  int starts() {
    return starts;
  }

  String tail() {
    return jvm == null ? "" : jvm.tail(60);
  }
}
