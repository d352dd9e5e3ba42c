package venus.market.devnet;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import venus.market.core.address.Address;
import venus.market.core.crypto.Signature;
import venus.market.core.jsonrpc.JwtTokens;
import venus.market.core.jsonrpc.Permission;
import venus.market.core.jsonrpc.RpcAuthPolicy;
import venus.market.core.jsonrpc.RpcRegistry;
import venus.market.core.jsonrpc.RpcServer;
import venus.market.core.wallet.SignatureVerifier;
import venus.market.devnet.actors.ActorMethods;
import venus.market.devnet.actors.BuiltinIds;
import venus.market.devnet.actors.MarketActor;
import venus.market.devnet.actors.MinerActor;
import venus.market.devnet.actors.PieceCommD;
import venus.market.devnet.chain.CborHeaderCodec;
import venus.market.devnet.chain.ChainEngine;
import venus.market.devnet.chain.Genesis;
import venus.market.devnet.chain.MessagePool;
import venus.market.devnet.chain.TipsetRecord;
import venus.market.devnet.rpc.NodeApi;
import venus.market.devnet.rpc.NodeServices;
import venus.market.devnet.rpc.WalletApi;
import venus.market.devnet.state.StateTree;
import venus.market.devnet.store.RocksKvStore;
import venus.market.devnet.vm.Executor;
import venus.market.devnet.wallet.LocalWallet;

/**
 * A running dev chain: state store, block producer, the Lotus-compatible full-node API and the
 * venus-wallet compatible signing API. Start one in-process with {@link #start}; a repo directory
 * holds everything, so starting again on the same repo resumes the chain.
 *
 * <p>Repo layout: {@code db/} (RocksDB), {@code jwt-secret}, {@code token} (admin token),
 * {@code api} and {@code wallet-api} (multiaddrs of the two endpoints).
 */
public final class Devnet implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Devnet.class);

  private final Path repo;
  private final DevnetOptions options;
  private final RocksKvStore store;
  private final ChainEngine chain;
  private final LocalWallet wallet;
  private final JwtTokens tokens;
  private final String adminToken;
  private final RpcServer api;
  private final RpcServer walletApi;
  private final ScheduledExecutorService producer;

  private Devnet(Path repo, DevnetOptions options, RocksKvStore store, ChainEngine chain, LocalWallet wallet,
      JwtTokens tokens, RpcServer api, RpcServer walletApi, ScheduledExecutorService producer) {
    this.repo = repo;
    this.options = options;
    this.store = store;
    this.chain = chain;
    this.wallet = wallet;
    this.tokens = tokens;
    this.adminToken = tokens.create(Permission.ADMIN);
    this.api = api;
    this.walletApi = walletApi;
    this.producer = producer;
  }

  /** Opens (creating on first use) the devnet in {@code repo} and starts its APIs and block timer. */
  public static Devnet start(Path repo, DevnetOptions options) {
    RocksKvStore store = RocksKvStore.open(repo.resolve("db"));
    try {
      SecureRandom random = new SecureRandom();
      StateTree state = StateTree.load(store);
      LocalWallet wallet = new LocalWallet(store, random);
      MarketActor market = new MarketActor(state);
      MinerActor miner = new MinerActor(state);
      ActorMethods methods = new ActorMethods(state, market, miner,
          (key, sig, data) -> verify(key, sig, data), new PieceCommD(), ActorMethods::encodePublishReturn);
      ChainEngine chain = new ChainEngine(store, state, new Executor(state, methods), market, new MessagePool(),
          new CborHeaderCodec(), BuiltinIds.FIRST_MINER);
      if (!chain.hasGenesis()) {
        Genesis.create(state, wallet);
        TipsetRecord g = chain.commitGenesis(Instant.now().getEpochSecond());
        LOG.info("created devnet genesis {} in {}", g.height(), repo);
      } else {
        int pending = chain.restorePool(cbor -> NodeServices.envelope(
            venus.market.core.chain.SignedMessage.fromCbor(cbor)));
        LOG.info("resuming devnet at height {} from {} ({} pending messages)", chain.head().height(), repo, pending);
      }
      JwtTokens tokens = new JwtTokens(jwtSecret(repo, random));
      NodeServices services = new NodeServices(chain, wallet, options);
      RpcRegistry node = new RpcRegistry();
      new NodeApi(services, tokens).register(node.namespace("Filecoin"));
      RpcServer api = RpcServer.builder().bind(options.host(), options.port())
          .endpoint("/rpc/v0", node).endpoint("/rpc/v1", node)
          .auth(RpcAuthPolicy.lotusDefault(tokens)).build().start();
      RpcRegistry walletRegistry = new RpcRegistry();
      new WalletApi(services).register(walletRegistry.namespace("Filecoin"));
      RpcServer walletApi = RpcServer.builder().bind(options.host(), options.walletPort())
          .endpoint("/rpc/v0", walletRegistry).auth(RpcAuthPolicy.tokenRequired(tokens)).build().start();
      ScheduledExecutorService producer = null;
      if (!options.blockTime().isZero()) {
        producer = Executors.newSingleThreadScheduledExecutor(r -> {
          Thread t = new Thread(r, "devnet-block-producer");
          t.setDaemon(true);
          return t;
        });
        long ms = options.blockTime().toMillis();
        producer.scheduleAtFixedRate(() -> produceSafely(chain), ms, ms, TimeUnit.MILLISECONDS);
      }
      Devnet d = new Devnet(repo, options, store, chain, wallet, tokens, api, walletApi, producer);
      d.writeRepoFiles();
      return d;
    } catch (Exception e) {
      store.close();
      throw e instanceof DevnetException de ? de : new DevnetException("cannot start devnet: " + e.getMessage(), e);
    }
  }

  private static boolean verify(byte[] key, byte[] sig, byte[] data) {
    try {
      return SignatureVerifier.verify(Signature.fromBytes(sig), Address.fromBytes(key), data);
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static void produceSafely(ChainEngine chain) {
    try {
      TipsetRecord ts = chain.produce(Instant.now().getEpochSecond());
      LOG.debug("tipset {} with {} messages", ts.height(), ts.messageCids().size());
    } catch (RuntimeException e) {
      LOG.error("block production failed; the devnet keeps its last committed tipset", e);
    }
  }

  private static byte[] jwtSecret(Path repo, SecureRandom random) throws IOException {
    Path f = repo.resolve("jwt-secret");
    if (Files.exists(f)) {
      return Files.readAllBytes(f);
    }
    byte[] s = new byte[32];
    random.nextBytes(s);
    Files.write(f, s);
    restrict(f);
    return s;
  }

  private static void restrict(Path f) {
    try {
      Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException | IOException e) {
      LOG.debug("cannot restrict permissions of {}: {}", f, e.toString());
    }
  }

  private void writeRepoFiles() throws IOException {
    Path token = repo.resolve("token");
    Files.writeString(token, adminToken, StandardCharsets.US_ASCII);
    restrict(token);
    Files.writeString(repo.resolve("api"), multiaddr(api.port()), StandardCharsets.US_ASCII);
    Files.writeString(repo.resolve("wallet-api"), multiaddr(walletApi.port()), StandardCharsets.US_ASCII);
  }

  private String multiaddr(int port) {
    String proto = options.host().contains(":") ? "ip6" : "ip4";
    return "/" + proto + "/" + options.host() + "/tcp/" + port + "/http";
  }

  /** Produces one tipset now (tests run with block time 0 and call this). */
  public TipsetRecord mineTipset() {
    return chain.produce(Instant.now().getEpochSecond());
  }

  /** {@code <admin token>:/ip4/127.0.0.1/tcp/<port>/http}, the FULLNODE_API_INFO value. */
  public String apiInfo() {
    return adminToken + ":" + multiaddr(api.port());
  }

  /** venus-wallet style {@code <token>:/ip4/.../http} for the signing endpoint. */
  public String walletApiInfo(Permission perm) {
    return tokens.create(perm) + ":" + multiaddr(walletApi.port());
  }

  public URI apiUrl() {
    return URI.create("http://" + hostForUri() + ":" + api.port() + "/rpc/v1");
  }

  public URI walletUrl() {
    return URI.create("http://" + hostForUri() + ":" + walletApi.port() + "/rpc/v0");
  }

  private String hostForUri() {
    return options.host().contains(":") ? "[" + options.host() + "]" : options.host();
  }

  public String adminToken() {
    return adminToken;
  }

  public String token(Permission perm) {
    return tokens.create(perm);
  }

  /** A genesis account's key address: "owner", "worker", "client" or "faucet". */
  public Address account(String role) {
    return chain.read(s -> s.metaBytes("role." + role)).map(Address::fromBytes)
        .orElseThrow(() -> new DevnetException("no genesis account with role " + role));
  }

  public Address minerAddress() {
    return Address.newId(BuiltinIds.FIRST_MINER);
  }

  public ChainEngine chain() {
    return chain;
  }

  public LocalWallet wallet() {
    return wallet;
  }

  public Path repo() {
    return repo;
  }

  @Override
  public void close() {
    if (producer != null) {
      producer.shutdownNow();
      try {
        producer.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    try {
      api.close();
      walletApi.close();
    } catch (Exception e) {
      LOG.warn("closing the devnet API: {}", e.toString());
    }
    synchronized (chain) {
      store.close();
    }
  }
}
