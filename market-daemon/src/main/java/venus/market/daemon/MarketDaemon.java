package venus.market.daemon;

import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import venus.market.core.jsonrpc.JwtTokens;
import venus.market.core.jsonrpc.Permission;
import venus.market.core.jsonrpc.RpcAuthPolicy;
import venus.market.core.jsonrpc.RpcRegistry;
import venus.market.core.jsonrpc.RpcServer;
import venus.market.core.piece.CommPHasher;
import venus.market.daemon.actor.MinerActors;
import venus.market.daemon.ask.AskProtocol;
import venus.market.daemon.ask.AskService;
import venus.market.daemon.api.MarketApi;
import venus.market.daemon.config.MarketConfig;
import venus.market.daemon.config.SignerConfig;
import venus.market.daemon.deals.DealPipeline;
import venus.market.daemon.deals.DealStateMachine;
import venus.market.daemon.deals.KvDealStore;
import venus.market.daemon.intake.DealIntakeProtocols;
import venus.market.daemon.net.ApiAddress;
import venus.market.daemon.net.P2pHost;
import venus.market.daemon.node.MessageSender;
import venus.market.daemon.node.NodeClient;
import venus.market.daemon.node.Retry;
import venus.market.daemon.offline.DataImporter;
import venus.market.daemon.offline.ImportDirs;
import venus.market.daemon.piecestore.PieceStore;
import venus.market.daemon.piecestore.PieceStores;
import venus.market.daemon.publish.DealPublishing;
import venus.market.daemon.repo.ConfigFile;
import venus.market.daemon.repo.LiveConfig;
import venus.market.daemon.repo.Repo;
import venus.market.daemon.rpc.DealRpc;
import venus.market.daemon.rpc.ImportRpc;
import venus.market.daemon.rpc.MarketRpc;
import venus.market.daemon.rpc.SealerRpc;
import venus.market.daemon.sealer.PieceHttpHandler;
import venus.market.daemon.sealer.SealerDeals;
import venus.market.daemon.signer.NodeWalletSigner;
import venus.market.daemon.signer.Signer;
import venus.market.daemon.signer.WalletSigner;
import venus.market.daemon.transfer.DataTransfers;
import venus.market.daemon.transfer.TransferOptions;
import venus.market.daemon.store.KvStore;
import venus.market.daemon.store.RocksKvStore;

/**
 * The provider daemon ({@code venus-market solo-run}), wired by hand: repo and config, metadata store,
 * node client, signer, libp2p host with the ask protocol, and the JSON-RPC API. {@link #start} returns
 * once everything listens and the {@code api}/{@code token} files are written; {@link #close} stops
 * in reverse order.
 */
public final class MarketDaemon implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MarketDaemon.class);
  /** Stage threads: bounded because a stage may block on one deal's transfer or import. */
  private static final int DEAL_WORKERS = 16;

  private final Repo repo;
  private final LiveConfig config;
  private final KvStore store;
  private final NodeClient node;
  private final P2pHost p2p;
  private final AskService asks;
  private final DealStateMachine deals;
  private final DealPipeline pipeline;
  private final SealerDeals sealer;
  private final PieceStores pieces;
  private final RpcServer rpc;
  private final RpcRegistry registry;
  private final String apiAddress;
  private final String adminToken;
  private final Deque<AutoCloseable> closers;

  private MarketDaemon(Builder b) {
    this.repo = b.repo;
    this.config = b.config;
    this.store = b.store;
    this.node = b.node;
    this.p2p = b.p2p;
    this.asks = b.asks;
    this.deals = b.deals;
    this.pipeline = b.pipeline;
    this.sealer = b.sealer;
    this.pieces = b.pieces;
    this.rpc = b.rpc;
    this.registry = b.registry;
    this.apiAddress = b.apiAddress;
    this.adminToken = b.adminToken;
    this.closers = b.closers;
  }

  /** Loads the repo's config with the flag overrides applied (saving it), checks it and starts. */
  public static MarketDaemon start(Repo repo, List<UnaryOperator<MarketConfig>> overrides) throws Exception {
    ConfigFile.Loaded loaded = ConfigFile.load(repo, overrides);
    if (loaded.written()) {
      LOG.info("config saved to {}", repo.configFile());
    }
    StartupCheck.require(loaded.config(), repo.configFile().toString());
    return start(repo, loaded.config());
  }

  /** As {@link #start(Repo, List)} with the publish/track polling given (tests on a fast devnet). */
  public static MarketDaemon start(Repo repo, List<UnaryOperator<MarketConfig>> overrides,
      DealPublishing.Options publishing) throws Exception {
    ConfigFile.Loaded loaded = ConfigFile.load(repo, overrides);
    StartupCheck.require(loaded.config(), repo.configFile().toString());
    return start(repo, loaded.config(), publishing);
  }

  public static MarketDaemon start(Repo repo, MarketConfig cfg) throws Exception {
    return start(repo, cfg, DealPublishing.Options.fromEnvironment());
  }

  public static MarketDaemon start(Repo repo, MarketConfig cfg, DealPublishing.Options publishing) throws Exception {
    Builder b = new Builder(repo, cfg, publishing);
    try {
      b.build();
    } catch (Exception | Error e) {
      b.closeAll();
      throw e;
    }
    MarketDaemon d = new MarketDaemon(b);
    LOG.info("venus-market started api={} peer={} miners={}", d.apiAddress, d.p2p.peerId(),
        cfg.storageMiners().stream().map(m -> m.addr()).toList());
    LOG.info("commP engine: {}", CommPHasher.nodeEngine());
    return d;
  }

  public Repo repo() {
    return repo;
  }

  public MarketConfig config() {
    return config.get();
  }

  /** The API multiaddr actually bound (also in the repo's {@code api} file). */
  public String apiAddress() {
    return apiAddress;
  }

  public String adminToken() {
    return adminToken;
  }

  public P2pHost p2p() {
    return p2p;
  }

  public AskService asks() {
    return asks;
  }

  /** The provider deal state machine over {@link #store()}. */
  public DealStateMachine deals() {
    return deals;
  }

  /** Drives deals through their stages; subsystems move deals only through it. */
  public DealPipeline pipeline() {
    return pipeline;
  }

  /** The sealer side of the market (the deals sealers take, their piece status, sector and offset). */
  public SealerDeals sealer() {
    return sealer;
  }

  public KvStore store() {
    return store;
  }

  /**
   * Piece storage ({@code [PieceStorage]}): {@code create}/{@code putFile} write to the first writable store,
   * {@code size}/{@code open}/{@code location} find the piece in any store.
   */
  public PieceStore pieceStore() {
    return pieces;
  }

  /** The individual stores behind {@link #pieceStore()}. */
  public PieceStores pieceStores() {
    return pieces;
  }

  public NodeClient node() {
    return node;
  }

  /** Where later subsystems (deals, issue 5) add their API methods. */
  public RpcRegistry registry() {
    return registry;
  }

  @Override
  public void close() {
    repo.removeApi();
    while (!closers.isEmpty()) {
      try {
        closers.pop().close();
      } catch (Exception e) {
        LOG.warn("error while stopping: {}", e.toString());
      }
    }
    LOG.info("venus-market stopped");
  }

  /** Builds the parts in dependency order, remembering how to close each one. */
  private static final class Builder {
    final Repo repo;
    final MarketConfig cfg;
    final Deque<AutoCloseable> closers = new ArrayDeque<>();
    LiveConfig config;
    KvStore store;
    NodeClient node;
    P2pHost p2p;
    AskService asks;
    DealStateMachine deals;
    DealPipeline pipeline;
    PieceStores pieces;
    RpcServer rpc;
    RpcRegistry registry;
    String apiAddress;
    String adminToken;

    final DealPublishing.Options publishing;
    SealerDeals sealer;

    Builder(Repo repo, MarketConfig cfg, DealPublishing.Options publishing) {
      this.repo = repo;
      this.cfg = cfg;
      this.publishing = publishing;
    }

    void build() throws Exception {
      config = new LiveConfig(repo, cfg);
      store = RocksKvStore.open(repo.metadataDir());
      closers.push(store);
      node = NodeClient.connect(cfg.node(), cfg.api().timeout(), Retry.standard());
      LOG.info("connected to node url={} version={}", cfg.node().url(), node.version());
      Signer signer = cfg.signer().effectiveType().equals(SignerConfig.WALLET)
          ? WalletSigner.connect(cfg.signer(), cfg.api().timeout(), Retry.standard())
          : new NodeWalletSigner(node);
      MessageSender sender = new MessageSender(node);
      MinerActors actors = new MinerActors(config, node, sender);
      asks = new AskService(store, actors, node, signer);
      p2p = P2pHost.start(repo, cfg.libp2p());
      closers.push(p2p);
      AskProtocol.register(p2p, asks);
      byte[] secret = cfg.api().secret().isEmpty() ? repo.jwtSecret(new SecureRandom())
          : java.util.HexFormat.of().parseHex(cfg.api().secret());
      JwtTokens tokens = new JwtTokens(secret);
      registry = MarketRpc.registry(new MarketRpc.Services(config, actors, asks, p2p, sender, node, tokens));
      pieces = PieceStores.open(cfg.pieceStorage());
      closers.push(pieces);
      KvDealStore dealStore = new KvDealStore(store);
      deals = new DealStateMachine(dealStore, java.time.Clock.systemUTC());
      pipeline = new DealPipeline(deals, DEAL_WORKERS);
      closers.push(pipeline);
      // Deal subsystems register their stages on the pipeline here, before resume() below.
      closers.push(DealPublishing.install(config, node, signer, store, dealStore, pipeline,
          registry.namespace(MarketApi.NAMESPACE), publishing));
      closers.push(DataTransfers.install(DataTransfers.Settings.from(cfg, repo.root()), pipeline, pieces, p2p.host(),
          TransferOptions.defaults()));
      sealer = new SealerDeals(pipeline, dealStore, () -> node.chainHead().height());
      SealerRpc.register(registry.namespace(MarketApi.NAMESPACE), sealer);
      DealRpc.register(registry.namespace(MarketApi.NAMESPACE), dealStore, deals);
      ImportRpc.register(registry.namespace(MarketApi.NAMESPACE), new DataImporter(pipeline, pieces,
          () -> new ImportDirs(config.get().pieceStorage().allowedImportDirs())));
      ApiAddress listen = ApiAddress.parse(cfg.api().listenAddress());
      rpc = RpcServer.builder().bind(listen.host(), listen.port()).endpoint("/rpc/v0", registry)
          .endpoint("/rpc/v1", registry).mapper(NodeClient.mapper())
          // droplet (venus AuthMux) answers 401 to a request without a token; lotus would grant read, which here would
          // hand anyone on the network the deal list, clients and addresses.
          .auth(RpcAuthPolicy.tokenRequired(tokens))
          .fallback(new PieceHttpHandler(pieces, tokens, null)).build()
          .start();
      closers.push(rpc);
      apiAddress = listen.withPort(rpc.port()).toString();
      adminToken = tokens.createVenusStyle("MarketLocalToken", Permission.ADMIN);
      repo.writeToken(adminToken);
      repo.writeApi(apiAddress);
      pipeline.resume();
      // Intake opens only after resume: a deal validated before it would look like one a restart interrupted.
      DealIntakeProtocols.install(p2p, config, node, asks, actors::workerKey, signer, store, pipeline);
    }

    void closeAll() {
      while (!closers.isEmpty()) {
        try {
          closers.pop().close();
        } catch (Exception e) {
          LOG.warn("error while stopping after a failed start: {}", e.toString());
        }
      }
    }
  }
}
