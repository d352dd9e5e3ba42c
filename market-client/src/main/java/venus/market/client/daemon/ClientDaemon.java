package venus.market.client.daemon;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import venus.market.client.config.ClientConfig;
import venus.market.client.config.ClientConfigException;
import venus.market.client.config.HostPort;
import venus.market.client.deals.AskQuery;
import venus.market.client.deals.DealData;
import venus.market.client.deals.DealService;
import venus.market.client.deals.DealStore;
import venus.market.client.deals.DealTracker;
import venus.market.client.deals.MinerFinder;
import venus.market.client.funds.FundsService;
import venus.market.client.http.CarServer;
import venus.market.client.http.CarTransfers;
import venus.market.client.imports.ImportStore;
import venus.market.client.net.ClientHost;
import venus.market.client.net.MarketProtocols;
import venus.market.client.node.ChainNode;
import venus.market.client.repo.ClientHome;
import venus.market.client.rpc.ClientRpc;
import venus.market.client.store.ClientStore;
import venus.market.client.wallet.ClientSigner;
import venus.market.client.wallet.LocalKeystore;
import venus.market.client.wallet.LocalWalletSigner;
import venus.market.client.wallet.NodeWalletSigner;
import venus.market.client.wallet.RemoteWalletSigner;
import venus.market.core.address.Address;
import venus.market.core.jsonrpc.JwtTokens;
import venus.market.core.jsonrpc.Permission;
import venus.market.core.jsonrpc.RpcAuthPolicy;
import venus.market.core.jsonrpc.RpcServer;
import venus.market.core.storagemarket.StorageDealStatus;

/**
 * The client daemon ({@code market-client run}), wired by hand: repo and config, RocksDB deal store, node client,
 * libp2p host, the CAR HTTP server for online deals, the deal tracker and the JSON-RPC API. {@link #start} returns
 * once everything listens and the {@code api}/{@code token} files are written; {@link #close} stops in reverse order.
 */
public final class ClientDaemon implements AutoCloseable {
  public static final String VERSION = "market-client 0.1.0";
  private static final Logger LOG = LoggerFactory.getLogger(ClientDaemon.class);

  private final ClientHome home;
  private final String apiAddress;
  private final String adminToken;
  private final JwtTokens tokens;
  private final ClientHost p2p;
  private final DealService deals;
  private final DealTracker tracker;
  private final int httpPort;
  private final Deque<AutoCloseable> closers;

  private ClientDaemon(ClientHome home, String apiAddress, String adminToken, JwtTokens tokens, ClientHost p2p,
      DealService deals, DealTracker tracker, int httpPort, Deque<AutoCloseable> closers) {
    this.home = home;
    this.apiAddress = apiAddress;
    this.adminToken = adminToken;
    this.tokens = tokens;
    this.p2p = p2p;
    this.deals = deals;
    this.tracker = tracker;
    this.httpPort = httpPort;
    this.closers = closers;
  }

  public static ClientDaemon start(ClientHome home, ClientConfig cfg) throws Exception {
    if (cfg.node().url().isBlank()) {
      throw new ClientConfigException("no full node configured: pass --node-url (and --auth-token) or set [Node] Url "
          + "in " + home.configFile());
    }
    Deque<AutoCloseable> closers = new ArrayDeque<>();
    try {
      Clock clock = Clock.systemUTC();
      ClientStore store = ClientStore.open(home.metadataDir());
      closers.push(store);
      ChainNode node = ChainNode.connect(cfg.node().url(), cfg.node().token(), cfg.api().timeout());
      LOG.info("connected to node url={} version={}", cfg.node().url(), node.version());
      ClientSigner signer = signer(home, cfg, node);
      Address wallet = cfg.defaultMarketAddress().isBlank() ? null : Address.parse(cfg.defaultMarketAddress());
      if (wallet != null && !signer.has(wallet)) {
        throw new ClientConfigException(signer.describe() + " has no key for the client address " + wallet
            + " (--addr / DefaultMarketAddress): deals are signed there"
            + (cfg.signer().type().equals(ClientConfig.Signer.LOCAL)
                ? "; import the key with 'market-client wallet import'" : ""));
      }
      ClientHost p2p = ClientHost.start(home.libp2pKeyFile(), cfg.libp2p());
      closers.push(p2p);
      MarketProtocols protocols = new MarketProtocols(p2p.host());
      DealStore dealStore = new DealStore(store);
      HostPort httpListen = HostPort.parse("DataTransfer.HttpListenAddress", cfg.dataTransfer().httpListenAddress());
      CarServer http = CarServer.start(httpListen.host(), httpListen.port(), transfers(dealStore, clock));
      closers.push(http);
      String baseUrl = cfg.dataTransfer().httpPublicUrl().isBlank()
          ? "http://" + publicHost(httpListen) + ":" + http.port()
          : cfg.dataTransfer().httpPublicUrl().replaceAll("/+$", "");
      AskQuery asks = new AskQuery(node, protocols);
      DealData data = new DealData(ImportStore.open(home.root()), store, home.carsDir());
      DealService deals = new DealService(node, signer, protocols, asks, dealStore, data, () -> baseUrl, wallet,
          cfg.deals().startEpochDelay(), clock);
      DealTracker tracker = new DealTracker(node, signer, protocols, dealStore, deals, clock);
      ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "deal-tracker");
        t.setDaemon(true);
        return t;
      });
      long every = Math.max(1, cfg.deals().statusInterval().toMillis());
      timer.scheduleWithFixedDelay(tracker::refreshAll, every, every, TimeUnit.MILLISECONDS);
      closers.push(timer::shutdownNow);
      byte[] secret = cfg.api().secret().isEmpty() ? home.jwtSecret(new SecureRandom())
          : HexFormat.of().parseHex(cfg.api().secret());
      JwtTokens tokens = new JwtTokens(secret);
      var registry = ClientRpc.registry(new ClientRpc.Services(node, new MinerFinder(node, asks), asks, data, deals, tracker,
          new FundsService(node, signer), VERSION));
      HostPort listen = HostPort.parse("API.ListenAddress", cfg.api().listenAddress());
      RpcServer rpc = RpcServer.builder().bind(listen.host(), listen.port()).endpoint("/rpc/v0", registry)
          .mapper(ChainNode.mapper()).auth(RpcAuthPolicy.lotusDefault(tokens)).build().start();
      closers.push(rpc);
      String apiAddress = listen.withPort(rpc.port()).toString();
      String adminToken = tokens.createVenusStyle("MarketClientLocalToken", Permission.ADMIN);
      home.writeToken(adminToken);
      home.writeApi(apiAddress);
      ClientDaemon d = new ClientDaemon(home, apiAddress, adminToken, tokens, p2p, deals, tracker, http.port(),
          closers);
      LOG.info("market-client daemon started api={} peer={} http={} address={}", apiAddress, p2p.peerId(), baseUrl,
          wallet);
      return d;
    } catch (Exception | Error e) {
      closeAll(closers);
      throw e;
    }
  }

  private static ClientSigner signer(ClientHome home, ClientConfig cfg, ChainNode node) {
    return switch (cfg.signer().type()) {
      case ClientConfig.Signer.WALLET -> RemoteWalletSigner.connect(cfg.signer().url(), cfg.signer().token(),
          cfg.api().timeout());
      case ClientConfig.Signer.LOCAL -> new LocalWalletSigner(new LocalKeystore(home.walletDir()));
      default -> new NodeWalletSigner(node);
    };
  }

  /** The CAR server's view of the deal store: online deals still waiting for the provider to pull their data. */
  private static CarTransfers transfers(DealStore store, Clock clock) {
    return new CarTransfers() {
      @Override
      public Optional<Offer> find(String dealUuid) {
        UUID uuid;
        try {
          uuid = UUID.fromString(dealUuid);
        } catch (IllegalArgumentException e) {
          return Optional.empty();
        }
        return store.byUuid(uuid).filter(d -> !d.offline() && d.carPath() != null && !d.isFinal())
            .map(d -> new Offer(java.nio.file.Path.of(d.carPath()), d.transferToken(), d.transferSize()));
      }

      @Override
      public void served(String dealUuid, long bytes) {
        store.byUuid(UUID.fromString(dealUuid)).ifPresent(d -> {
          if (bytes > d.bytesSent()) {
            store.put(d.withBytesSent(bytes, clock.instant()));
          }
        });
      }
    };
  }

  /** A wildcard listen address is announced as this machine's first non-loopback IPv4 (loopback if none). */
  private static String publicHost(HostPort listen) throws Exception {
    InetAddress a = InetAddress.getByName(listen.host());
    if (!a.isAnyLocalAddress()) {
      return listen.urlHost();
    }
    for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (ni.isUp() && !ni.isLoopback()) {
        for (InetAddress ia : Collections.list(ni.getInetAddresses())) {
          if (ia instanceof Inet4Address) {
            return ia.getHostAddress();
          }
        }
      }
    }
    return "127.0.0.1";
  }

  public ClientHome home() {
    return home;
  }

  public String apiAddress() {
    return apiAddress;
  }

  public String adminToken() {
    return adminToken;
  }

  public String token(Permission perm) {
    return tokens.createVenusStyle("test", perm);
  }

  public String peerId() {
    return p2p.peerId();
  }

  public int httpPort() {
    return httpPort;
  }

  public DealService deals() {
    return deals;
  }

  public DealTracker tracker() {
    return tracker;
  }

  /** Deals that are not done yet (used by tests and the shutdown log). */
  public long openDeals() {
    return deals.list().stream().filter(d -> !d.isFinal() && d.state() != StorageDealStatus.ACTIVE).count();
  }

  @Override
  public void close() {
    home.removeApi();
    closeAll(closers);
    LOG.info("market-client daemon stopped");
  }

  private static void closeAll(Deque<AutoCloseable> closers) {
    while (!closers.isEmpty()) {
      try {
        closers.pop().close();
      } catch (Exception e) {
        LOG.warn("error while stopping: {}", e.toString());
      }
    }
  }
}
