package venus.market.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import venus.market.core.address.Address;
import venus.market.core.amount.TokenAmount;
import venus.market.core.jsonrpc.ApiInfo;
import venus.market.core.jsonrpc.Permission;
import venus.market.core.market.ClientDealProposal;
import venus.market.core.market.DealLabel;
import venus.market.core.market.DealProposal;
import venus.market.core.multiformats.Cid;
import venus.market.core.piece.PieceCid;
import venus.market.core.storagemarket.DealParams;
import venus.market.core.storagemarket.DealResponse;
import venus.market.core.storagemarket.Transfer;
import venus.market.core.wallet.SignatureVerifier;
import venus.market.daemon.MarketDaemon;
import venus.market.daemon.ask.AskProtocol;
import venus.market.daemon.config.ConfigOverrides;
import venus.market.daemon.config.Libp2pConfig;
import venus.market.daemon.intake.BoostDealProtocol;
import venus.market.daemon.net.CborFrames;
import venus.market.daemon.repo.Repo;
import venus.market.devnet.Devnet;
import venus.market.devnet.DevnetOptions;
import venus.market.p2p.P2pStream;
import venus.market.p2p.crypto.Ed25519;
import venus.market.p2p.host.Host;
import venus.market.p2p.host.HostConfig;
import venus.market.p2p.multiaddr.Multiaddr;
import venus.market.p2p.peer.PeerId;

/**
 * Deal intake end to end on loopback: {@link #THREADS} client libp2p hosts (one per JMH thread) send signed offline
 * mk/1.2.0 proposals to the real provider daemon running on an in-process devnet; one op = one proposal accepted
 * (validated against chain and ask, recorded Validating → AcceptWait → WaitingForData with synced writes, answered).
 * The limits, measured in the same run against the same daemon: the same libp2p request/answer without the deal work
 * (an ask query: new stream, one CBOR item each way), secp256k1 verification of a proposal signature, and the store's
 * synced write (an accepted deal costs four: UUID index + three transitions). Everything shares one machine.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-DVENUS_MARKET_LOG_LEVEL=WARN", "-Xmx1g"})
@Warmup(iterations = 3, time = 10)
@Measurement(iterations = 3, time = 10)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DealIntakeBenchmark {
  public static final int THREADS = 4;
  /** Synced store writes per accepted deal: the UUID index and three state transitions. */
  public static final int WRITES_PER_DEAL = 4;
  static final long PIECE_SIZE = 2048;

  Path dir;
  Devnet devnet;
  MarketDaemon daemon;
  Address client;
  Address miner;
  TokenAmount price;
  TokenAmount collateral;
  long start;
  final AtomicInteger pieces = new AtomicInteger();
  final AtomicLong writes = new AtomicLong();
  ClientDealProposal sample;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    dir = Files.createTempDirectory("intake-bench");
    devnet = Devnet.start(dir.resolve("devnet"), DevnetOptions.forTests());
    ApiInfo node = ApiInfo.parse(devnet.apiInfo());
    ApiInfo wallet = ApiInfo.parse(devnet.walletApiInfo(Permission.ADMIN));
    miner = devnet.minerAddress();
    client = devnet.account("client");
    daemon = MarketDaemon.start(Repo.open(dir.resolve("provider")), List.of(
        ConfigOverrides.nodeUrl(node.address()), ConfigOverrides.nodeToken(node.token()),
        ConfigOverrides.walletUrl(wallet.address()), ConfigOverrides.walletToken(wallet.token()),
        ConfigOverrides.pieceStorage("fs:" + dir.resolve("pieces")), ConfigOverrides.miner(miner + ":bench"),
        ConfigOverrides.apiListen("/ip4/127.0.0.1/tcp/0"),
        c -> c.withLibp2p(new Libp2pConfig(List.of("/ip4/127.0.0.1/tcp/0"), List.of(), List.of(), ""))));
    BigInteger askPrice = new BigInteger("20000000000000000");
    daemon.asks().setAsk(miner, askPrice, askPrice, 10 * 2880L, 512L, 8L << 20);
    price = TokenAmount.ofAtto(askPrice.multiply(BigInteger.valueOf(PIECE_SIZE)).shiftRight(30));
    collateral = TokenAmount.parseAtto(daemon.node().stateDealProviderCollateralBounds(PIECE_SIZE, false).min());
    // the client's escrow covers millions of these deals (nothing is ever published, so nothing is locked)
    daemon.node().mpoolPushMessage(new venus.market.daemon.node.NodeJson.Message(0, "f05", client.toString(), 0,
        TokenAmount.ofFil(100).atto().toString(), 0, "0", "0", 2,
        java.util.Base64.getEncoder().encodeToString(new venus.market.core.market.AddBalanceParams(client).toCbor())),
        new venus.market.daemon.node.NodeJson.SendSpec("0"));
    devnet.mineTipset();
    devnet.mineTipset();
    start = daemon.node().chainHead().height() + 2 * 2880;
    sample = nextProposal();
  }

  ClientDealProposal nextProposal() {
    int n = pieces.incrementAndGet();
    byte[] root = new byte[32];
    for (int i = 0; i < 4; i++) {
      root[i] = (byte) (n >>> (8 * i));
    }
    DealProposal p = new DealProposal(PieceCid.v1(root), PIECE_SIZE, false, client, miner,
        DealLabel.ofString("bench-" + n), start, start + 180 * 2880L, price, collateral, TokenAmount.ZERO);
    return new ClientDealProposal(p, devnet.wallet().sign(client, p.signingBytes()));
  }

  /** One client host per benchmark thread; the next proposal is signed outside the measured time. */
  @State(Scope.Thread)
  public static class ClientHost {
    Host host;
    PeerId provider;
    List<Multiaddr> addrs;
    byte[] request;

    @Setup(Level.Trial)
    public void setUp(DealIntakeBenchmark b) throws IOException {
      host = new Host(HostConfig.defaults(Ed25519.generate())
          .withListenAddrs(List.of(Multiaddr.parse("/ip4/127.0.0.1/tcp/0"))));
      host.start();
      provider = PeerId.parse(b.daemon.p2p().peerId());
      addrs = List.of(Multiaddr.parse(b.daemon.p2p().listenAddrs().get(0)));
    }

    @Setup(Level.Invocation)
    public void nextRequest(DealIntakeBenchmark b) {
      ClientDealProposal cdp = b.nextProposal();
      request = new DealParams(UUID.randomUUID(), true, cdp, Cid.parse(
          "bafk2bzaceaf4sallirkt63fqrojz5gaut7akiwxrclcsymqelqad7man3hc2c"), Transfer.NONE, false, false).toCborV120();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      host.close();
    }
  }

  /** The workload: one proposal over a new mk/1.2.0 stream, accepted. */
  @Benchmark
  @Threads(THREADS)
  @BenchmarkMode({Mode.Throughput, Mode.SampleTime})
  public boolean proposeOfflineDeal(ClientHost c) throws IOException {
    try (P2pStream s = c.host.newStream(c.provider, c.addrs, List.of(BoostDealProtocol.V120))) {
      s.setTimeout(Duration.ofSeconds(60));
      s.out().write(c.request);
      s.out().flush();
      s.closeWrite();
      DealResponse r = DealResponse.decode(CborFrames.readItem(s.in(), 1 << 16));
      if (!r.accepted()) {
        throw new IllegalStateException("proposal rejected: " + r.message());
      }
      return r.accepted();
    }
  }

  /** Limit: the same libp2p exchange (new stream, one CBOR request, one answer) with no deal work behind it. */
  @Benchmark
  @Threads(THREADS)
  @BenchmarkMode(Mode.Throughput)
  public boolean askRoundTrip(ClientHost c) throws IOException {
    return AskProtocol.query(c.host, c.provider, c.addrs, miner, false).isPresent();
  }

  /** Limit: verifying one proposal's client signature (secp256k1 recover + address compare), per thread. */
  @Benchmark
  @Threads(1)
  @BenchmarkMode(Mode.Throughput)
  public boolean verifySignature() {
    return SignatureVerifier.verify(sample.clientSignature(), client, sample.proposal().signingBytes());
  }

  /** Limit: one synced write to the daemon's RocksDB store, from as many threads as the workload. */
  @Benchmark
  @Threads(THREADS)
  @BenchmarkMode(Mode.Throughput)
  public void syncedStoreWrite() {
    daemon.store().put("/bench/write/" + writes.incrementAndGet(), new byte[600]);
  }

  /** Limit: one synced write from a single thread (the fsync latency a lone deal waits for, four times). */
  @Benchmark
  @Threads(1)
  @BenchmarkMode(Mode.Throughput)
  public void syncedStoreWriteOneThread() {
    daemon.store().put("/bench/write1/" + writes.incrementAndGet(), new byte[600]);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    daemon.close();
    devnet.close();
    try (var walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}
