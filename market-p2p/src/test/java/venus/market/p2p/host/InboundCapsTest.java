package venus.market.p2p.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import venus.market.p2p.P2pStream;
import venus.market.p2p.crypto.Ed25519;
import venus.market.p2p.mplex.MplexSession;
import venus.market.p2p.multiaddr.Multiaddr;
import venus.market.p2p.mux.MuxedStream;
import venus.market.p2p.yamux.YamuxSession;

/**
 * The per-address connection caps and the caps on concurrent inbound stream handlers. The host listens on 127.0.0.1
 * and ::1, which it counts as two addresses: hostile peers come from one, honest ones from the other (or the same).
 */
class InboundCapsTest {

  private static final List<String> YAMUX = List.of(YamuxSession.PROTOCOL_ID);

  private final List<AutoCloseable> open = new ArrayList<>();
  private Host host;

  @AfterEach
  void stop() throws Exception {
    for (AutoCloseable c : open) {
      c.close();
    }
    if (host != null) {
      host.close();
    }
  }

  /** A host on both loopback addresses; a 20 s handshake deadline keeps stalled upgrades and negotiations held. */
  private Host startHost(InboundLimits limits) throws IOException {
    HostConfig cfg = TestHosts.config(Ed25519.generate(), YAMUX)
        .withListenAddrs(List.of(Multiaddr.parse("/ip4/127.0.0.1/tcp/0"), Multiaddr.parse("/ip6/::1/tcp/0")))
        .withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(10))
        .withInboundLimits(limits);
    host = TestHosts.start(cfg);
    return host;
  }

  private Multiaddr v4() {
    return host.listenAddrs().get(0).withPeerId(host.peerId());
  }

  private Multiaddr v6() {
    return host.listenAddrs().get(1).withPeerId(host.peerId());
  }

  private Host peer() throws IOException {
    // an attacker's own stream table must not be what stops it
    Host p = TestHosts.start(TestHosts.config(Ed25519.generate(), YAMUX).withLimits(4096, 1024, 4 << 20));
    open.add(p);
    return p;
  }

  private RawPeer raw(Multiaddr addr) throws IOException {
    RawPeer p = new RawPeer(addr.toTcpSocketAddress());
    open.add(p);
    return p;
  }

  @Test
  void connectionsStillInTheHandshakeAreCappedPerAddress() throws Exception {
    startHost(new InboundLimits(3, 16, 64, 16, 32, true));
    List<RawPeer> silent = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      silent.add(raw(v4()));
    }
    TestHosts.eventually("3 upgrades under way", () -> host.inboundStats().handshaking() == 3);
    for (int i = 0; i < 5; i++) {
      RawPeer extra = raw(v4());
      assertThat(extra.closedByPeerWithin(2)).as("connection %s over the cap closed at once", i).isTrue();
    }
    assertThat(host.inboundStats().refusedHandshakesPerAddress()).isEqualTo(5);
    assertThat(host.inboundStats().handshaking()).isEqualTo(3);

    // another address is served meanwhile, and so is the capped one once its stalled connections go
    Host honest = peer();
    assertThat(honest.ping(host.peerId(), List.of(v6()))).isPositive();
    for (RawPeer p : silent) {
      p.close();
    }
    TestHosts.eventually("stalled upgrades released", () -> host.inboundStats().handshaking() == 0);
    Host later = peer();
    assertThat(later.ping(host.peerId(), List.of(v4()))).isPositive();
    assertThat(host.inboundStats().refusedHandshakesPerAddress()).isEqualTo(5);
  }

  @Test
  void establishedConnectionsAreCappedPerAddress() throws Exception {
    startHost(new InboundLimits(8, 2, 64, 16, 32, true));
    Host a = peer();
    Host b = peer();
    assertThat(a.ping(host.peerId(), List.of(v4()))).isPositive();
    assertThat(b.ping(host.peerId(), List.of(v4()))).isPositive();
    Host c = peer();
    assertThatThrownBy(() -> c.ping(host.peerId(), List.of(v4()))).isInstanceOf(IOException.class);
    assertThat(host.inboundStats().refusedConnectionsPerAddress()).isEqualTo(1);
    assertThat(c.ping(host.peerId(), List.of(v6()))).isPositive();

    a.connection(host.peerId()).orElseThrow().close();
    TestHosts.eventually("a's connection gone on the host", () -> host.connection(a.peerId()).isEmpty());
    Host d = peer();
    assertThat(d.ping(host.peerId(), List.of(v4()))).isPositive();
    assertThat(host.inboundStats().refusedConnectionsPerAddress()).isEqualTo(1);
  }

  @Test
  void loopbackCanBeExemptFromThePerAddressCaps() throws Exception {
    startHost(new InboundLimits(1, 1, 64, 16, 1, false));
    for (int i = 0; i < 4; i++) {
      raw(v4());
    }
    TestHosts.eventually("4 upgrades under way", () -> host.inboundStats().handshaking() == 4);
    Host a = peer();
    Host b = peer();
    assertThat(a.ping(host.peerId(), List.of(v4()))).isPositive();
    assertThat(b.ping(host.peerId(), List.of(v4()))).isPositive();
    InboundStats s = host.inboundStats();
    assertThat(s.refusedHandshakesPerAddress() + s.refusedConnectionsPerAddress() + s.refusedStreamsPerAddress())
        .isZero();
  }

  @Test
  void streamHandlersAreCappedPerPeerPerAddressAndHostWide() throws Exception {
    startHost(new InboundLimits(8, 16, 10, 4, 6, true));
    Host honest = peer();
    Connection toHost = connectIdle(honest, v6(), 0);
    echo(honest, toHost);

    // A: 2000 streams that never finish negotiating (slow-loris): 4 handlers, the rest reset at once
    Host a = peer();
    List<MuxedStream> fromA = flood(a, v4(), 2000, 0);
    TestHosts.eventually("A's excess streams reset", () -> resets(fromA) == 1996);
    assertThat(host.inboundStats().refusedStreamsPerPeer()).isEqualTo(1996);
    assertThat(host.inboundStats().streamHandlers()).isEqualTo(4);
    echo(honest, toHost);

    // B, another peer ID from the same address: the address has 6 handlers, so B gets 2
    Host b = peer();
    List<MuxedStream> fromB = flood(b, v4(), 20, 4);
    TestHosts.eventually("B's excess streams reset", () -> resets(fromB) == 18);
    assertThat(host.inboundStats().refusedStreamsPerAddress()).isEqualTo(18);
    assertThat(host.inboundStats().streamHandlers()).isEqualTo(6);
    echo(honest, toHost);

    // D, from the honest peer's address, takes its 4: the host's 10 are all busy and the honest peer is refused
    Host d = peer();
    List<MuxedStream> fromD = flood(d, v6(), 20, 6);
    TestHosts.eventually("D's excess streams reset", () -> resets(fromD) == 16);
    assertThat(host.inboundStats().streamHandlers()).isEqualTo(10);
    assertThatThrownBy(() -> echo(honest, toHost)).isInstanceOf(IOException.class);
    InboundStats s = host.inboundStats();
    assertThat(s.refusedStreamsPerPeer()).isEqualTo(1996 + 16);
    assertThat(s.refusedStreamsTotal()).isEqualTo(1);
    assertThat(s.peakStreamHandlers()).isEqualTo(10);
    assertThat(toHost.isOpen()).as("a refused stream leaves its connection alone").isTrue();

    // the attackers give up: every handler is free again and the honest peer is served
    for (List<MuxedStream> streams : List.of(fromA, fromB, fromD)) {
      streams.forEach(MuxedStream::reset);
    }
    TestHosts.eventually("handlers released", () -> host.inboundStats().streamHandlers() == 0);
    echo(honest, toHost);
    assertThat(host.inboundStats().peakStreamHandlers()).isEqualTo(10);
  }

  @Test
  void overMplexTheExcessStreamsAreResetToo() throws Exception {
    List<String> mplex = List.of(MplexSession.PROTOCOL_ID);
    HostConfig cfg = TestHosts.config(Ed25519.generate(), mplex)
        .withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(10))
        .withInboundLimits(new InboundLimits(8, 16, 64, 4, 64, true));
    host = TestHosts.start(cfg);
    Host a = TestHosts.start(TestHosts.config(Ed25519.generate(), mplex).withLimits(4096, 1024, 4 << 20));
    open.add(a);
    List<MuxedStream> fromA = flood(a, v4(), 200, 0);
    TestHosts.eventually("A's excess streams reset", () -> resets(fromA) == 196);
    assertThat(host.inboundStats().refusedStreamsPerPeer()).isEqualTo(196);
    assertThat(host.inboundStats().streamHandlers()).isEqualTo(4);
    fromA.forEach(MuxedStream::reset);
    TestHosts.eventually("handlers released", () -> host.inboundStats().streamHandlers() == 0);
    Connection c = a.connection(host.peerId()).orElseThrow();
    assertThat(c.muxer()).isEqualTo(MplexSession.PROTOCOL_ID);
    echo(a, c);
  }

  /**
   * Connects and waits until the host has served our identify, so that exactly {@code busy} handlers (the
   * attackers' held ones) are running on the host.
   */
  private Connection connectIdle(Host from, Multiaddr to, int busy) throws Exception {
    Connection c = from.connect(host.peerId(), List.of(to));
    from.identify(host.peerId());
    TestHosts.eventually("the host's identify handler done", () -> host.inboundStats().streamHandlers() == busy);
    return c;
  }

  /** Opens {@code n} streams and sends nothing on them: each accepted one holds a handler until the deadline. */
  private List<MuxedStream> flood(Host from, Multiaddr to, int n, int busy) throws Exception {
    Connection c = connectIdle(from, to, busy);
    List<MuxedStream> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(c.session().openStream());
    }
    return out;
  }

  private static long resets(List<MuxedStream> streams) {
    return streams.stream().filter(MuxedStream::isReset).count();
  }

  private void echo(Host from, Connection c) throws IOException {
    try (P2pStream s = from.newStream(c, List.of(TestHosts.ECHO))) {
      s.out().write(new byte[] {4, 2});
      s.closeWrite();
      assertThat(s.in().readAllBytes()).containsExactly(4, 2);
    }
  }
}
