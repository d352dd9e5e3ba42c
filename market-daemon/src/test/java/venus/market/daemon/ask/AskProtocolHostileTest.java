package venus.market.daemon.ask;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import venus.market.core.address.Address;
import venus.market.core.jsonrpc.ApiInfo;
import venus.market.core.jsonrpc.RpcClient;
import venus.market.core.storagemarket.AskRequest;
import venus.market.core.storagemarket.AskResponse;
import venus.market.core.storagemarket.SignedStorageAsk;
import venus.market.daemon.MarketDaemon;
import venus.market.daemon.api.MarketApi;
import venus.market.daemon.node.NodeClient;
import venus.market.daemon.testing.DaemonFixture;
import venus.market.daemon.testing.FakeFullNode;
import venus.market.p2p.P2pStream;
import venus.market.p2p.crypto.Ed25519;
import venus.market.p2p.host.Host;
import venus.market.p2p.host.HostConfig;
import venus.market.p2p.host.InboundLimits;
import venus.market.p2p.multiaddr.Multiaddr;
import venus.market.p2p.peer.PeerId;

/**
 * Hostile peers against the running daemon's ask protocol: oversize and malformed requests get no answer and lose
 * their stream, a request trickled byte by byte is cut at the exchange deadline, and many connections and streams
 * at once are all served. After each, a well-behaved peer still gets the signed ask.
 */
class AskProtocolHostileTest {
  @TempDir static Path dir;
  static FakeFullNode node;
  static MarketDaemon daemon;
  static Host client;
  static PeerId provider;
  static List<Multiaddr> addrs;

  @BeforeAll
  static void start() throws Exception {
    node = new FakeFullNode();
    // Every peer here dials from 127.0.0.1, and manyConnectionsAndStreamsAtOnceAreAllServed has 124 of them at once:
    // the per-address caps (market-p2p InboundCapsTest) would rightly refuse most, so loopback is exempt.
    daemon = DaemonFixture.startFirst(dir.resolve("repo"), node, InboundLimits.defaults().withLimitLoopback(false));
    RpcClient admin = RpcClient.of(new ApiInfo(daemon.adminToken(), daemon.apiAddress()), "v0", NodeClient.mapper(),
        Duration.ofSeconds(30));
    admin.call(MarketApi.full(MarketApi.MARKET_SET_ASK), Object.class, node.miner().toString(), "20000000000000000",
        "10000000000000000", 86400L, 512L, 8L << 20);
    client = newHost();
    provider = PeerId.parse(daemon.p2p().peerId());
    addrs = daemon.p2p().listenAddrs().stream().map(Multiaddr::parse).toList();
  }

  @AfterAll
  static void stop() throws Exception {
    if (client != null) {
      client.close();
    }
    if (daemon != null) {
      daemon.close();
    }
    if (node != null) {
      node.close();
    }
  }

  private static Host newHost() throws IOException {
    Host h = new Host(HostConfig.defaults(Ed25519.generate()).withListenAddrs(List.of()));
    h.start();
    return h;
  }

  private static void stillServesAsks(Host h) throws IOException {
    SignedStorageAsk ask = AskProtocol.query(h, provider, addrs, node.miner(), false).orElseThrow();
    assertThat(ask.ask().miner()).isEqualTo(node.miner());
  }

  /** Sends {@code request} on a fresh ask stream and returns what came back before the stream ended. */
  private static byte[] exchange(String protocol, byte[] request) throws IOException {
    try (P2pStream s = client.newStream(provider, addrs, List.of(protocol))) {
      s.setTimeout(Duration.ofSeconds(20));
      try {
        s.out().write(request);
        s.out().flush();
        s.closeWrite();
      } catch (IOException resetWhileSending) {
        return new byte[0];
      }
      try {
        return s.in().readAllBytes();
      } catch (IOException reset) {
        return new byte[0];
      }
    }
  }

  @Test
  void oversizeRequestsGetNoAnswer() throws Exception {
    byte[] hugeBytes = new byte[40 << 10];
    hugeBytes[0] = 0x5a; // byte string of 0x00100000 (1 MiB) bytes
    hugeBytes[2] = 0x10;
    byte[] hugeMap = HexFormat.of().parseHex("ba000186a0"); // map of 100000 entries
    byte[] longArray = new byte[20 << 10];
    longArray[0] = (byte) 0x99; // array of 0x5000 zeros: each item is tiny, the whole is over 16 KiB
    longArray[1] = 0x50;
    for (byte[] req : List.of(hugeBytes, hugeMap, longArray)) {
      assertThat(exchange(AskProtocol.V110, req)).as("answer to %s...", HexFormat.of().formatHex(req, 0, 5))
          .isEmpty();
    }
    stillServesAsks(client);
  }

  @Test
  void malformedRequestsGetNoAnswer() throws Exception {
    byte[] random = new byte[300];
    new Random(9).nextBytes(random);
    List<byte[]> bad = List.of(
        random,
        HexFormat.of().parseHex("83010203"), // an array where 1.1.0 has a map
        HexFormat.of().parseHex("a1654d696e6572636f6f70"), // {"Miner": "oop"}: text, not address bytes
        HexFormat.of().parseHex("bf654d696e65724300e807ff"), // indefinite-length map
        HexFormat.of().parseHex("a1654d696e6572"), // ends inside the map
        new AskRequest(Address.newId(1000)).toCborV101()); // the 1.0.1 tuple on 1.1.0
    for (byte[] req : bad) {
      assertThat(exchange(AskProtocol.V110, req)).as("answer to %s", HexFormat.of().formatHex(req)).isEmpty();
    }
    // and the 1.1.0 map on 1.0.1
    assertThat(exchange(AskProtocol.V101, new AskRequest(node.miner()).toCbor())).isEmpty();
    stillServesAsks(client);
  }

  @Test
  void aRequestTrickledByteByByteIsCutAtTheDeadline() throws Exception {
    try (Host server = newHost(); Host peer = newHost()) {
      Multiaddr listen = server.listen(Multiaddr.parse("/ip4/127.0.0.1/tcp/0"));
      server.setStreamHandler(AskProtocol.V110,
          s -> AskProtocol.serve(s, miner -> Optional.empty(), false, Duration.ofSeconds(1)));
      byte[] request = new AskRequest(Address.newId(1000)).toCbor();
      boolean cut = false;
      try (P2pStream s = peer.newStream(server.peerId(), List.of(listen), List.of(AskProtocol.V110))) {
        // 11 bytes, one per 300 ms: every read is well inside the 1 s read timeout, the whole is not
        for (int i = 0; i < request.length && !cut; i++) {
          try {
            s.out().write(request[i]);
            s.out().flush();
            Thread.sleep(300);
          } catch (IOException e) {
            cut = true;
          }
        }
        if (!cut) {
          s.setTimeout(Duration.ofSeconds(5));
          try {
            cut = s.in().readAllBytes().length == 0;
          } catch (IOException e) {
            cut = true;
          }
        }
      }
      assertThat(cut).as("trickled request cut before an answer").isTrue();
      // an honest peer on the same server is answered at once (no ask: an empty answer)
      try (P2pStream s = peer.newStream(server.peerId(), List.of(listen), List.of(AskProtocol.V110))) {
        s.out().write(request);
        s.out().flush();
        s.closeWrite();
        assertThat(AskResponse.decode(s.in().readAllBytes()).ask()).isNull();
      }
    }
  }

  @Test
  void manyConnectionsAndStreamsAtOnceAreAllServed() throws Exception {
    int peers = 24;
    int streamsEach = 4;
    List<Host> hosts = new ArrayList<>();
    List<Socket> idle = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(peers * streamsEach);
    try {
      // connections that never say anything hold inbound slots until the handshake deadline, but no more
      java.net.InetSocketAddress sa = addrs.get(0).toTcpSocketAddress();
      for (int i = 0; i < 100; i++) {
        idle.add(new Socket(sa.getAddress(), sa.getPort()));
      }
      for (int i = 0; i < peers; i++) {
        hosts.add(newHost());
      }
      List<Future<SignedStorageAsk>> answers = new ArrayList<>();
      for (Host h : hosts) {
        for (int j = 0; j < streamsEach; j++) {
          boolean v101 = j % 2 == 1;
          Callable<SignedStorageAsk> ask = () -> AskProtocol.query(h, provider, addrs, node.miner(), v101).orElseThrow();
          answers.add(pool.submit(ask));
        }
      }
      for (Future<SignedStorageAsk> f : answers) {
        assertThat(f.get(120, TimeUnit.SECONDS).ask().miner()).isEqualTo(node.miner());
      }
    } finally {
      pool.shutdownNow();
      for (Host h : hosts) {
        h.close();
      }
      for (Socket s : idle) {
        s.close();
      }
    }
    stillServesAsks(client);
  }
}
