package venus.market.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import venus.market.core.crypto.Signature;
import venus.market.core.jsonrpc.ApiInfo;
import venus.market.core.jsonrpc.JwtTokens;
import venus.market.core.jsonrpc.Permission;
import venus.market.core.jsonrpc.RpcClient;
import venus.market.core.jsonrpc.RpcPermissionException;
import venus.market.core.jsonrpc.RpcUnauthorizedException;
import venus.market.core.storagemarket.SignedStorageAsk;
import venus.market.core.wallet.SignatureVerifier;
import venus.market.daemon.api.ApiJson;
import venus.market.daemon.api.MarketApi;
import venus.market.daemon.ask.AskProtocol;
import venus.market.daemon.node.NodeClient;
import venus.market.daemon.testing.DaemonFixture;
import venus.market.daemon.testing.FakeFullNode;
import venus.market.p2p.crypto.Ed25519;
import venus.market.p2p.host.Host;
import venus.market.p2p.host.HostConfig;
import venus.market.p2p.multiaddr.Multiaddr;
import venus.market.p2p.peer.PeerId;

class MarketDaemonTest {
  @TempDir Path dir;
  FakeFullNode node;
  MarketDaemon daemon;

  @BeforeEach
  void start() throws Exception {
    node = new FakeFullNode();
    daemon = DaemonFixture.startFirst(dir.resolve("repo"), node);
  }

  @AfterEach
  void stop() throws Exception {
    if (daemon != null) {
      daemon.close();
    }
    node.close();
  }

  private RpcClient client(String token) {
    return RpcClient.of(new ApiInfo(token, daemon.apiAddress()), "v0", NodeClient.mapper(), Duration.ofSeconds(30));
  }

  private void setAsk(RpcClient c) {
    c.call(MarketApi.full(MarketApi.MARKET_SET_ASK), Object.class, node.miner().toString(), "20000000000000000",
        "10000000000000000", 86400L, 512L, 8L << 20);
  }

  @Test
  void writesRepoFilesOnStart() throws Exception {
    Path repo = dir.resolve("repo");
    assertThat(Files.readString(repo.resolve("api"))).isEqualTo(daemon.apiAddress()).startsWith("/ip4/127.0.0.1/tcp/");
    assertThat(Files.readString(repo.resolve("token"))).isEqualTo(daemon.adminToken());
    assertThat(Files.readString(repo.resolve("config.toml"))).contains("Addr = \"t01000\"").contains("[Node]");
    assertThat(Files.exists(repo.resolve("keystore/jwt-secret"))).isTrue();
    assertThat(Files.exists(repo.resolve("keystore/libp2p.key"))).isTrue();
  }

  @Test
  void setAskIsSignedByTheWorkerAndReadable() {
    RpcClient admin = client(daemon.adminToken());
    setAsk(admin);
    ApiJson.SignedStorageAsk got = admin.call(MarketApi.full(MarketApi.MARKET_GET_ASK), ApiJson.SignedStorageAsk.class,
        node.miner().toString());
    assertThat(got.ask().price()).isEqualTo("20000000000000000");
    assertThat(got.ask().verifiedPrice()).isEqualTo("10000000000000000");
    assertThat(got.ask().minPieceSize()).isEqualTo(512);
    assertThat(got.ask().maxPieceSize()).isEqualTo(8L << 20);
    assertThat(got.ask().timestamp()).isEqualTo(node.height());
    assertThat(got.ask().expiry()).isEqualTo(node.height() + 86400);
    assertThat(got.ask().seqNo()).isZero();
    SignedStorageAsk stored = daemon.asks().get(node.miner()).orElseThrow().signed();
    assertThat(SignatureVerifier.verify(stored.signature(), node.workerKey().address(), stored.ask().signingBytes())).isTrue();
    setAsk(admin);
    assertThat(daemon.asks().get(node.miner()).orElseThrow().signed().ask().seqNo()).isEqualTo(1);
  }

  @Test
  void askLargerThanTheSectorIsRejected() {
    RpcClient admin = client(daemon.adminToken());
    assertThatThrownBy(() -> admin.call(MarketApi.full(MarketApi.MARKET_SET_ASK), Object.class, "t01000", "1", "1",
        86400L, 256L, FakeFullNode.SECTOR_SIZE * 2)).hasMessageContaining("sector size");
    assertThatThrownBy(() -> admin.call(MarketApi.full(MarketApi.MARKET_SET_ASK), Object.class, "t09999", "1", "1",
        86400L, 256L, 1024L)).hasMessageContaining("actor [t09999] not found");
  }

  @Test
  void withoutTokenNothingAndForgedTokensAreRefused() {
    RpcClient anonymous = client(null);
    assertThatThrownBy(() -> anonymous.call(MarketApi.full(MarketApi.ID), String.class))
        .isInstanceOf(RpcUnauthorizedException.class).hasMessageContaining("requires a token");
    RpcClient reader = client(new JwtTokens(daemon.repo().jwtSecret(new SecureRandom())).create(Permission.READ));
    assertThatThrownBy(() -> setAsk(reader)).isInstanceOf(RpcPermissionException.class);
    byte[] other = new byte[32];
    new SecureRandom().nextBytes(other);
    RpcClient forged = client(new JwtTokens(other).create(Permission.ADMIN));
    assertThatThrownBy(() -> forged.call(MarketApi.full(MarketApi.ID), String.class))
        .isInstanceOf(RpcUnauthorizedException.class);
    RpcClient expired = client(new JwtTokens(daemon.repo().jwtSecret(new SecureRandom()))
        .createAllow(Permission.ADMIN.andLower(), java.time.Instant.now().minusSeconds(60)));
    assertThatThrownBy(() -> expired.call(MarketApi.full(MarketApi.ID), String.class))
        .isInstanceOf(RpcUnauthorizedException.class).hasMessageContaining("expired");
  }

  @Test
  void askIsServedOverLibp2pAndVerifiesAgainstTheWorkerKey() throws Exception {
    setAsk(client(daemon.adminToken()));
    Host other = new Host(HostConfig.defaults(Ed25519.generate()).withListenAddrs(List.of()));
    try {
      other.start();
      PeerId provider = PeerId.parse(daemon.p2p().peerId());
      List<Multiaddr> addrs = daemon.p2p().listenAddrs().stream().map(Multiaddr::parse).toList();
      SignedStorageAsk v110 = AskProtocol.query(other, provider, addrs, node.miner(), false).orElseThrow();
      assertThat(v110.ask().price().atto()).isEqualTo(new BigInteger("20000000000000000"));
      assertThat(SignatureVerifier.verify(v110.signature(), node.workerKey().address(), v110.ask().signingBytes())).isTrue();
      SignedStorageAsk v101 = AskProtocol.query(other, provider, addrs, node.miner(), true).orElseThrow();
      assertThat(SignatureVerifier.verify(v101.signature(), node.workerKey().address(), v101.ask().signingBytesV101()))
          .isTrue();
      assertThat(AskProtocol.query(other, provider, addrs, venus.market.core.address.Address.newId(4242), false)).isEmpty();
    } finally {
      other.close();
    }
  }

  @Test
  void actorMessagesGoFromTheWorkerAndShowInInfo() {
    RpcClient admin = client(daemon.adminToken());
    ApiJson.CidJson m1 = admin.call(MarketApi.full(MarketApi.ACTOR_SET_ADDRS), ApiJson.CidJson.class, "t01000",
        List.of("/ip4/192.168.19.67/tcp/58418"), 0L);
    ApiJson.CidJson m2 = admin.call(MarketApi.full(MarketApi.ACTOR_SET_PEER_ID), ApiJson.CidJson.class, "t01000",
        daemon.p2p().peerId(), 0L);
    assertThat(m1.cid()).startsWith("bafy");
    assertThat(m2.cid()).isNotEqualTo(m1.cid());
    ApiJson.MinerOnChain info = admin.call(MarketApi.full(MarketApi.ACTOR_INFO), ApiJson.MinerOnChain.class, "t01000");
    assertThat(info.peerId()).isEqualTo(daemon.p2p().peerId());
    assertThat(info.multiaddrs()).containsExactly("/ip4/192.168.19.67/tcp/58418");
  }

  @Test
  void acceptanceSwitchesAreSavedToConfig() throws Exception {
    RpcClient admin = client(daemon.adminToken());
    admin.call(MarketApi.full(MarketApi.Consider.OFFLINE_STORAGE.setter()), Object.class, false);
    assertThat(admin.call(MarketApi.full(MarketApi.Consider.OFFLINE_STORAGE.getter()), Boolean.class)).isFalse();
    assertThat(Files.readString(dir.resolve("repo/config.toml"))).contains("ConsiderOfflineStorageDeals = false");
  }

  @Test
  void restartKeepsAskPeerIdAndConfig() throws Exception {
    setAsk(client(daemon.adminToken()));
    String peer = daemon.p2p().peerId();
    Signature sig = daemon.asks().get(node.miner()).orElseThrow().signed().signature();
    var cfg = daemon.config();
    daemon.close();
    daemon = DaemonFixture.restart(dir.resolve("repo"));
    assertThat(daemon.p2p().peerId()).isEqualTo(peer);
    assertThat(daemon.config()).isEqualTo(cfg);
    assertThat(daemon.asks().get(node.miner()).orElseThrow().signed().signature()).isEqualTo(sig);
    ApiJson.SignedStorageAsk got = client(daemon.adminToken()).call(MarketApi.full(MarketApi.MARKET_GET_ASK),
        ApiJson.SignedStorageAsk.class, "t01000");
    assertThat(Base64.getDecoder().decode(got.signature().data())).isEqualTo(sig.data());
  }
}
