package venus.market.p2p.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import venus.market.p2p.P2pStream;
import venus.market.p2p.crypto.Ed25519;
import venus.market.p2p.mplex.MplexSession;
import venus.market.p2p.multiaddr.Multiaddr;
import venus.market.p2p.mux.MuxedStream;
import venus.market.p2p.yamux.YamuxSession;

/**
 * The host-wide, per-connection and per-address budgets for bytes received on streams and not yet read
 * ({@link InboundLimits#bufferedBytes}): peers flooding streams whose handlers do not read get those streams reset
 * once their connection's share, their address's share or the host's budget is used, an honest peer on its own
 * connection (or address) is served, and every reserved byte comes back when the streams and connections close.
 */
class StreamMemoryBudgetTest {

  private static final String SINK = "/test/sink/1.0.0";
  private static final int CHUNK = 64 * 1024;
  private static final int STREAMS = 16;
  private static final long PER_CONNECTION = 400 * 1024; // 6 chunks fit, not 7
  private static final long HOST_WIDE = 1024 * 1024; // two attackers' shares (12 chunks) plus 4 chunks
  private static final long PER_ADDRESS = 640 * 1024; // 10 chunks: one connection's share and 4 chunks

  private final List<AutoCloseable> open = new ArrayList<>();
  private final CountDownLatch letHandlersGo = new CountDownLatch(1);
  private Host host;

  @AfterEach
  void stop() throws Exception {
    letHandlersGo.countDown();
    for (AutoCloseable c : open) {
      c.close();
    }
    if (host != null) {
      host.close();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {MplexSession.PROTOCOL_ID, YamuxSession.PROTOCOL_ID})
  void floodingPeersGetStreamsResetAndTheBudgetComesBack(String muxer) throws Exception {
    List<String> muxers = List.of(muxer);
    host = new Host(TestHosts.config(Ed25519.generate(), muxers)
        .withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ofSeconds(30))
        // all peers here dial from 127.0.0.1: exempt it so that the per-address share (the next test) stays out of this
        .withInboundLimits(InboundLimits.defaults().withLimitLoopback(false)
            .withBufferedBytes(HOST_WIDE, PER_CONNECTION, PER_ADDRESS)));
    sinkAndEcho();
    host.start();
    Host honest = peer(muxers);

    // Two attackers: each connection's share (6 chunks) is buffered, the rest of their streams reset.
    Host a = peer(muxers);
    Host b = peer(muxers);
    Flood fromA = flood(a);
    Flood fromB = flood(b);
    TestHosts.eventually("the attackers' excess streams reset", () -> fromA.resets() == 10 && fromB.resets() == 10);
    InboundStats st = host.inboundStats();
    assertThat(st.refusedStreamsConnectionMemory()).isEqualTo(20);
    assertThat(st.refusedStreamsMemory()).isZero();
    assertThat(st.refusedStreamsAddressMemory()).isZero();
    assertThat(st.bufferedBytes()).isEqualTo(12L * CHUNK);
    echo(honest); // its own connection has its own share and the host has room

    // A third attacker gets what is left of the host's budget (4 chunks), then the host-wide cap resets its streams.
    Host d = peer(muxers);
    Flood fromD = flood(d);
    TestHosts.eventually("the third attacker's excess streams reset", () -> fromD.resets() == 12);
    st = host.inboundStats();
    assertThat(st.refusedStreamsMemory()).isEqualTo(12);
    assertThat(st.bufferedBytes()).isEqualTo(HOST_WIDE);
    assertThat(st.peakBufferedBytes()).isEqualTo(HOST_WIDE);

    // Connections closing while their handlers still hold the unread bytes give every byte back.
    a.close();
    b.close();
    d.close();
    TestHosts.eventually("the budget back to 0", () -> host.inboundStats().bufferedBytes() == 0);
    letHandlersGo.countDown();
    TestHosts.eventually("handlers done", () -> host.inboundStats().streamHandlers() == 0);
    echo(honest);
    TestHosts.eventually("the echo's bytes released", () -> host.inboundStats().bufferedBytes() == 0);
    assertThat(host.inboundStats().peakBufferedBytes()).isEqualTo(HOST_WIDE);
  }

  @ParameterizedTest
  @ValueSource(strings = {MplexSession.PROTOCOL_ID, YamuxSession.PROTOCOL_ID})
  void oneAddressIsStoppedAtItsShareWhileAnotherIsServed(String muxer) throws Exception {
    List<String> muxers = List.of(muxer);
    // The host-wide budget (2 MiB) is never reached here: what stops the second attacker is its address's share.
    host = new Host(TestHosts.config(Ed25519.generate(), muxers)
        .withListenAddrs(List.of(Multiaddr.parse("/ip4/127.0.0.1/tcp/0"), Multiaddr.parse("/ip6/::1/tcp/0")))
        .withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ofSeconds(30))
        .withInboundLimits(InboundLimits.defaults().withBufferedBytes(2 * HOST_WIDE, PER_CONNECTION, PER_ADDRESS)));
    sinkAndEcho();
    host.start();
    Multiaddr v4 = host.listenAddrs().get(0).withPeerId(host.peerId());
    Multiaddr v6 = host.listenAddrs().get(1).withPeerId(host.peerId());

    // Two attackers on 127.0.0.1: the first fills its connection's share (6 chunks), the second only gets the 4
    // chunks left of the address's share (10) although its own connection has room for 6.
    Flood fromA = flood(peer(muxers), v4);
    TestHosts.eventually("a's excess streams reset", () -> fromA.resets() == 10);
    Flood fromB = flood(peer(muxers), v4);
    TestHosts.eventually("b's excess streams reset", () -> fromB.resets() == 12);
    InboundStats st = host.inboundStats();
    assertThat(st.refusedStreamsConnectionMemory()).isEqualTo(10);
    assertThat(st.refusedStreamsAddressMemory()).isEqualTo(12);
    assertThat(st.refusedStreamsMemory()).isZero();
    assertThat(st.bufferedBytes()).isEqualTo(PER_ADDRESS);

    // A peer on ::1 (another address) is served, and its connection gets its full share.
    Host honest = peer(muxers);
    echo(honest, v6);
    Flood fromC = flood(peer(muxers), v6);
    TestHosts.eventually("c's excess streams reset", () -> fromC.resets() == 10);
    st = host.inboundStats();
    assertThat(st.refusedStreamsConnectionMemory()).isEqualTo(20);
    assertThat(st.refusedStreamsAddressMemory()).isEqualTo(12);
    assertThat(st.refusedStreamsMemory()).isZero();
    assertThat(st.bufferedBytes()).isEqualTo(PER_ADDRESS + 6L * CHUNK);

    // Closing the attackers gives back every byte, and 127.0.0.1's share with it.
    for (AutoCloseable c : open) {
      if (c != honest) {
        c.close();
      }
    }
    TestHosts.eventually("the budget back to 0", () -> host.inboundStats().bufferedBytes() == 0);
    letHandlersGo.countDown();
    TestHosts.eventually("handlers done", () -> host.inboundStats().streamHandlers() == 0);
    echo(peer(muxers), v4);
    TestHosts.eventually("the echo's bytes released", () -> host.inboundStats().bufferedBytes() == 0);
    assertThat(host.inboundStats().refusedStreamsAddressMemory()).isEqualTo(12);
  }

  private void sinkAndEcho() {
    host.setStreamHandler(TestHosts.ECHO, TestHosts::echo);
    host.setStreamHandler(SINK, s -> { // holds what it is sent without reading it
      try {
        letHandlersGo.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
  }

  private Host peer(List<String> muxers) throws IOException {
    Host p = TestHosts.start(TestHosts.config(Ed25519.generate(), muxers));
    open.add(p);
    return p;
  }

  /** Opens {@link #STREAMS} sink streams on one connection and sends one chunk on each, never closing them. */
  private Flood flood(Host from) throws IOException {
    return flood(from, TestHosts.addr(host));
  }

  private Flood flood(Host from, Multiaddr target) throws IOException {
    // Identify both ways first, so that only the chunks are buffered while the budget fills (exact counts below).
    from.connect(host.peerId(), List.of(target));
    from.identify(host.peerId());
    host.identify(from.peerId());
    Flood f = new Flood();
    for (int i = 0; i < STREAMS; i++) {
      P2pStream s;
      try {
        s = from.newStream(target, List.of(SINK));
      } catch (IOException e) {
        // With the host's budget used up even the protocol proposal is refused: the stream is reset at once.
        assertThat(e).hasMessageContaining("reset");
        f.refusedAtOpen++;
        continue;
      }
      f.streams.add(s);
      try {
        s.out().write(new byte[CHUNK]);
      } catch (IOException e) {
        // reset by the host meanwhile: what the test counts
      }
    }
    return f;
  }

  private static final class Flood {
    final List<P2pStream> streams = new ArrayList<>();
    int refusedAtOpen;

    /** Streams the host reset, during the negotiation or after the chunk. */
    long resets() {
      return refusedAtOpen + streams.stream().filter(s -> ((MuxedStream) s).isReset()).count();
    }
  }

  private void echo(Host from) throws IOException {
    echo(from, TestHosts.addr(host));
  }

  private void echo(Host from, Multiaddr target) throws IOException {
    try (P2pStream s = from.newStream(target, List.of(TestHosts.ECHO))) {
      s.out().write(new byte[] {4, 2});
      s.closeWrite();
      assertThat(s.in().readAllBytes()).containsExactly(4, 2);
    }
  }
}
