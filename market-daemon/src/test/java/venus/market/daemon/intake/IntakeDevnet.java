package venus.market.daemon.intake;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import venus.market.core.address.Address;
import venus.market.core.amount.TokenAmount;
import venus.market.core.crypto.Signature;
import venus.market.core.json.LotusJson;
import venus.market.core.jsonrpc.ApiInfo;
import venus.market.core.jsonrpc.Permission;
import venus.market.core.jsonrpc.RpcClient;
import venus.market.core.market.ClientDealProposal;
import venus.market.core.market.DealLabel;
import venus.market.core.market.DealProposal;
import venus.market.core.multiformats.Cid;
import venus.market.core.piece.PieceCid;
import venus.market.core.storagemarket.BoostDealStatusRequest;
import venus.market.core.storagemarket.BoostDealStatusResponse;
import venus.market.core.storagemarket.DealParams;
import venus.market.core.storagemarket.DealResponse;
import venus.market.core.storagemarket.DealStatusRequest;
import venus.market.core.storagemarket.DealStatusResponse;
import venus.market.core.storagemarket.Proposal;
import venus.market.core.storagemarket.SignedResponse;
import venus.market.core.storagemarket.Transfer;
import venus.market.daemon.MarketDaemon;
import venus.market.daemon.api.MarketApi;
import venus.market.daemon.config.ConfigOverrides;
import venus.market.daemon.config.Libp2pConfig;
import venus.market.daemon.config.MarketConfig;
import venus.market.daemon.config.EndpointConfig;
import venus.market.daemon.deals.ProviderDeal;
import venus.market.daemon.net.CborFrames;
import venus.market.daemon.node.NodeClient;
import venus.market.daemon.node.Retry;
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
 * A devnet, the real provider daemon serving its miner (ask 0.02/0.01 FIL per GiB per epoch, 512 B .. 8 MiB) and a
 * separate client libp2p host that sends signed proposals and status requests with core's codecs — all on loopback.
 * The client's market escrow is funded on chain.
 */
final class IntakeDevnet implements AutoCloseable {
  static final long PIECE_SIZE = 2048;
  static final BigInteger ASK_PRICE = new BigInteger("20000000000000000");
  static final BigInteger ASK_VERIFIED_PRICE = new BigInteger("10000000000000000");

  final Path dir;
  final Devnet devnet;
  final NodeClient node;
  final Host client;
  MarketDaemon daemon;

  IntakeDevnet(Path dir) throws Exception {
    this.dir = dir;
    this.devnet = Devnet.start(dir.resolve("devnet"), DevnetOptions.forTests());
    this.node = NodeClient.connect(new EndpointConfig(devnet.apiUrl().toString(), devnet.token(Permission.ADMIN)),
        Duration.ofSeconds(30), Retry.none());
    this.client = new Host(HostConfig.defaults(Ed25519.generate())
        .withListenAddrs(List.of(Multiaddr.parse("/ip4/127.0.0.1/tcp/0"))));
    client.start();
    startDaemon();
    daemon.asks().setAsk(miner(), ASK_PRICE, ASK_VERIFIED_PRICE, 10 * 2880L, 512L, 8L << 20);
    rpc(MarketApi.full("MarketAddBalance"), Object.class, clientAddr().toString(), clientAddr().toString(),
        TokenAmount.ofFil(1).atto().toString());
    devnet.mineTipset();
    devnet.mineTipset();
  }

  @SafeVarargs
  final void startDaemon(UnaryOperator<MarketConfig>... extra) throws Exception {
    ApiInfo nodeInfo = ApiInfo.parse(devnet.apiInfo());
    ApiInfo wallet = ApiInfo.parse(devnet.walletApiInfo(Permission.ADMIN));
    List<UnaryOperator<MarketConfig>> o = new ArrayList<>(List.of(
        ConfigOverrides.nodeUrl(nodeInfo.address()), ConfigOverrides.nodeToken(nodeInfo.token()),
        ConfigOverrides.walletUrl(wallet.address()), ConfigOverrides.walletToken(wallet.token()),
        ConfigOverrides.pieceStorage("fs:" + dir.resolve("pieces")),
        ConfigOverrides.miner(miner() + ":acct"),
        ConfigOverrides.apiListen("/ip4/127.0.0.1/tcp/0"),
        c -> c.withLibp2p(new Libp2pConfig(List.of("/ip4/127.0.0.1/tcp/0"), List.of(), List.of(), ""))));
    o.addAll(List.of(extra));
    daemon = MarketDaemon.start(Repo.open(dir.resolve("provider")), o);
  }

  void restartDaemon(UnaryOperator<MarketConfig> extra) throws Exception {
    daemon.close();
    daemon = null;
    startDaemon(extra);
  }

  <T> T rpc(String method, Class<T> type, Object... params) {
    RpcClient rpc = new RpcClient(ApiInfo.parse(daemon.adminToken() + ":" + daemon.apiAddress()).httpUrl("v0"),
        daemon.adminToken(), LotusJson.mapper(), Duration.ofSeconds(30));
    return rpc.call(method, type, params);
  }

  Address clientAddr() {
    return devnet.account("client");
  }

  Address worker() {
    return devnet.account("worker");
  }

  Address miner() {
    return devnet.minerAddress();
  }

  long head() {
    return node.chainHead().height();
  }

  TokenAmount minCollateral(long size) {
    return TokenAmount.parseAtto(node.stateDealProviderCollateralBounds(size, false).min());
  }

  static TokenAmount askPrice(long size) {
    return TokenAmount.ofAtto(ASK_PRICE.multiply(BigInteger.valueOf(size)).divide(BigInteger.ONE.shiftLeft(30)));
  }

  /** A proposal for piece {@code n} that passes every check: starts two days from now, lasts 180 days. */
  DealProposal proposal(int n) {
    byte[] root = new byte[32];
    root[0] = (byte) n;
    root[1] = (byte) (n >> 8);
    long start = head() + 2 * 2880;
    return new DealProposal(PieceCid.v1(root), PIECE_SIZE, false, clientAddr(), miner(),
        DealLabel.ofString("deal-" + n), start, start + 180 * 2880L, askPrice(PIECE_SIZE), minCollateral(PIECE_SIZE),
        TokenAmount.ZERO);
  }

  /** A proposal with every field given (piece CID from {@code n}). */
  static DealProposal proposal(int n, long size, boolean verified, Address client, Address provider, long start,
      long duration, TokenAmount price, TokenAmount collateral) {
    byte[] root = new byte[32];
    root[0] = (byte) n;
    root[1] = (byte) (n >> 8);
    return new DealProposal(PieceCid.v1(root), size, verified, client, provider, DealLabel.ofString("deal-" + n),
        start, start + duration, price, collateral, TokenAmount.ZERO);
  }

  ClientDealProposal sign(DealProposal p, Address signer) {
    return new ClientDealProposal(p, devnet.wallet().sign(signer, p.signingBytes()));
  }

  private int unused = 9000;

  /** A signed, valid proposal for a piece no test uses otherwise. */
  ClientDealProposal next() {
    return signed(proposal(unused++));
  }

  ClientDealProposal signed(DealProposal p) {
    return sign(p, clientAddr());
  }

  static DealParams offline(ClientDealProposal cdp) {
    return new DealParams(UUID.randomUUID(), true, cdp, payload(cdp), Transfer.NONE, false, false);
  }

  static DealParams http(ClientDealProposal cdp, long size) {
    byte[] params = ("{\"URL\":\"http://127.0.0.1:1/deals/x\",\"Headers\":{\"Authorization\":\"Bearer s3cret\"}}")
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    return new DealParams(UUID.randomUUID(), false, cdp, payload(cdp), new Transfer("http", "c1", params, size),
        false, false);
  }

  static Cid payload(ClientDealProposal cdp) {
    return Cid.parse("bafk2bzaceaf4sallirkt63fqrojz5gaut7akiwxrclcsymqelqad7man3hc2c");
  }

  P2pStream open(String protocol) throws IOException {
    P2pStream s = client.newStream(PeerId.parse(daemon.p2p().peerId()),
        List.of(Multiaddr.parse(daemon.p2p().listenAddrs().get(0))), List.of(protocol));
    s.setTimeout(Duration.ofSeconds(60));
    return s;
  }

  byte[] exchange(String protocol, byte[] request) throws IOException {
    try (P2pStream s = open(protocol)) {
      s.out().write(request);
      s.out().flush();
      s.closeWrite();
      return CborFrames.readItem(s.in(), 1 << 20);
    }
  }

  DealResponse propose(String protocol, DealParams p) throws IOException {
    byte[] req = protocol.equals(BoostDealProtocol.V120) ? p.toCborV120() : p.toCbor();
    return DealResponse.decode(exchange(protocol, req));
  }

  DealResponse propose(DealParams p) throws IOException {
    return propose(BoostDealProtocol.V120, p);
  }

  SignedResponse proposeLegacy(String protocol, Proposal p) throws IOException {
    boolean v101 = protocol.equals(LegacyDealProtocol.V101);
    byte[] resp = exchange(protocol, v101 ? p.toCborV101() : p.toCbor());
    return v101 ? SignedResponse.decodeV101(resp) : SignedResponse.decode(resp);
  }

  BoostDealStatusResponse status(UUID uuid, Address signer) throws IOException {
    Signature sig = devnet.wallet().sign(signer, BoostDealStatusRequest.signingBytes(uuid));
    return BoostDealStatusResponse.decode(exchange(DealStatusProtocol.V120,
        new BoostDealStatusRequest(uuid, sig).toCbor()));
  }

  DealStatusResponse legacyStatus(Cid proposal, Address signer) throws IOException {
    Signature sig = devnet.wallet().sign(signer, DealStatusRequest.signingBytes(proposal));
    return DealStatusResponse.decode(exchange(DealStatusProtocol.V110, new DealStatusRequest(proposal, sig).toCbor()));
  }

  ProviderDeal deal(Cid cid) {
    return daemon.deals().get(cid).orElseThrow(() -> new AssertionError("deal " + cid + " is not stored"));
  }

  /** Waits (bounded) until the recorded deal reaches {@code state}: rejections end in Error on a pipeline thread. */
  ProviderDeal await(Cid cid, venus.market.core.storagemarket.StorageDealStatus state) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      ProviderDeal d = deal(cid);
      if (d.state() == state) {
        return d;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("deal " + cid + " is " + deal(cid).state().goName() + ", expected " + state.goName());
  }

  @Override
  public void close() {
    client.close();
    if (daemon != null) {
      daemon.close();
    }
    devnet.close();
  }
}
