package venus.market.daemon.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import venus.market.core.address.Address;
import venus.market.core.crypto.Blake2b;
import venus.market.core.crypto.Signature;
import venus.market.core.jsonrpc.JwtTokens;
import venus.market.core.jsonrpc.Permission;
import venus.market.core.jsonrpc.RpcAuthPolicy;
import venus.market.core.jsonrpc.RpcRegistry;
import venus.market.core.jsonrpc.RpcServer;
import venus.market.core.miner.ChangeMultiaddrsParams;
import venus.market.core.miner.ChangePeerIDParams;
import venus.market.core.miner.MinerMethods;
import venus.market.core.multiformats.Cid;
import venus.market.core.multiformats.Multicodec;
import venus.market.core.multiformats.Multihash;
import venus.market.core.wallet.KeyPair;
import venus.market.core.wallet.Secp256k1KeyPair;
import venus.market.daemon.api.ApiJson;
import venus.market.daemon.node.NodeClient;
import venus.market.daemon.node.NodeJson;
import venus.market.p2p.peer.PeerId;

/**
 * A minimal lotus-compatible full node for unit tests of the daemon in isolation: one miner whose
 * worker key lives in this node's wallet; messages execute as soon as they are pushed. The end-to-end
 * tests use market-devnet instead.
 */
public final class FakeFullNode implements AutoCloseable {
  public static final long SECTOR_SIZE = 8L << 20;

  private final RpcServer server;
  private final JwtTokens tokens;
  private final KeyPair worker = Secp256k1KeyPair.generate(new SecureRandom());
  private final Address miner = Address.newId(1000);
  private final Address workerId = Address.newId(100);
  private final AtomicLong height = new AtomicLong(100);
  private final Map<String, NodeJson.Message> messages = new ConcurrentHashMap<>();
  private volatile String peerId;
  private volatile List<String> multiaddrs = List.of();

  public FakeFullNode() throws Exception {
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    tokens = new JwtTokens(secret);
    RpcRegistry reg = new RpcRegistry();
    RpcRegistry.Namespace ns = reg.namespace("Filecoin");
    ns.method("Version", Permission.READ, c -> Map.of("Version", "fake-node", "APIVersion", 131840, "BlockDelay", 30));
    ns.method("ChainHead", Permission.READ, c -> new NodeJson.TipSet(height.get(), List.of()));
    ns.method("StateMinerInfo", Permission.READ, List.of(String.class, JsonNode.class), c -> minerInfo(c.param(0)));
    ns.method("StateAccountKey", Permission.READ, List.of(String.class, JsonNode.class), c -> accountKey(c.param(0)));
    ns.method("WalletHas", Permission.WRITE, List.of(String.class), c -> worker.address().equals(Address.parse(c.param(0))));
    ns.method("WalletSign", Permission.SIGN, List.of(String.class, String.class), c -> sign(c.param(0), c.param(1)));
    ns.method("MpoolPushMessage", Permission.SIGN, List.of(NodeJson.Message.class, JsonNode.class), c -> push(c.param(0)));
    ns.method("StateWaitMsg", Permission.READ, List.of(ApiJson.CidJson.class, Long.class, Long.class, Boolean.class),
        c -> new NodeJson.MsgLookup(c.param(0), new NodeJson.Receipt(0, null, 1000), height.get()));
    ns.method("ChainGetMessage", Permission.READ, List.of(ApiJson.CidJson.class),
        c -> messages.get(((ApiJson.CidJson) c.param(0)).cid()));
    server = RpcServer.builder().bind("127.0.0.1", 0).endpoint("/rpc/v1", reg).endpoint("/rpc/v0", reg)
        .mapper(NodeClient.mapper()).auth(RpcAuthPolicy.lotusDefault(tokens)).build().start();
  }

  public String url() {
    return "/ip4/127.0.0.1/tcp/" + server.port();
  }

  public String token(Permission p) {
    return tokens.create(p);
  }

  public Address miner() {
    return miner;
  }

  public KeyPair workerKey() {
    return worker;
  }

  public void advance(long epochs) {
    height.addAndGet(epochs);
  }

  public long height() {
    return height.get();
  }

  private NodeJson.MinerInfo minerInfo(String addr) {
    if (!Address.parse(addr).equals(miner)) {
      throw new IllegalArgumentException("actor not found: " + addr);
    }
    return new NodeJson.MinerInfo(workerId.toString(), workerId.toString(), List.of(), peerId, multiaddrs, SECTOR_SIZE);
  }

  private String accountKey(String addr) {
    if (!Address.parse(addr).equals(workerId)) {
      throw new IllegalArgumentException("not an account actor: " + addr);
    }
    return worker.address().toString();
  }

  private ApiJson.Signature sign(String addr, String b64) {
    if (!Address.parse(addr).equals(worker.address())) {
      throw new IllegalArgumentException("key not found: " + addr);
    }
    Signature s = worker.sign(Base64.getDecoder().decode(b64));
    return new ApiJson.Signature(s.type().code(), Base64.getEncoder().encodeToString(s.data()));
  }

  private NodeJson.SignedMessage push(NodeJson.Message m) {
    if (!Address.parse(m.from()).equals(workerId) || !Address.parse(m.to()).equals(miner)) {
      throw new IllegalArgumentException("fake node only executes worker -> miner messages");
    }
    byte[] params = m.params() == null ? new byte[0] : Base64.getDecoder().decode(m.params());
    if (m.method() == MinerMethods.CHANGE_MULTIADDRS) {
      List<String> addrs = new ArrayList<>();
      for (byte[] b : ChangeMultiaddrsParams.decode(params).newMultiaddrs()) {
        addrs.add(Base64.getEncoder().encodeToString(b));
      }
      multiaddrs = addrs;
    } else if (m.method() == MinerMethods.CHANGE_PEER_ID) {
      peerId = PeerId.fromBytes(ChangePeerIDParams.decode(params).newID()).toString();
    }
    String cid = Cid.v1(Multicodec.DAG_CBOR, Multihash.of(Multicodec.BLAKE2B_256,
        Blake2b.sum256((m.toString() + height.incrementAndGet()).getBytes(java.nio.charset.StandardCharsets.UTF_8))))
        .toString();
    messages.put(cid, m);
    return new NodeJson.SignedMessage(m, null, new ApiJson.CidJson(cid));
  }

  @Override
  public void close() throws Exception {
    server.close();
  }

}
