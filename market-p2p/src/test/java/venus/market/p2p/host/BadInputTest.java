package venus.market.p2p.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import venus.market.p2p.P2pStream;
import venus.market.p2p.crypto.Ed25519;
import venus.market.p2p.crypto.PrivKey;
import venus.market.p2p.multiaddr.Multiaddr;
import venus.market.p2p.mux.MuxedStream;
import venus.market.p2p.yamux.YamuxSession;

/**
 * Hostile or broken peers: each is cut off with a logged reason while the host keeps serving a well-behaved
 * peer. Netty's leak detector runs on paranoid (root pom); its reports would show up in the captured log.
 */
class BadInputTest {

  private static final List<String> YAMUX = List.of(YamuxSession.PROTOCOL_ID);
  private static final PrintStream ORIGINAL_ERR = System.err;
  private static final ByteArrayOutputStream LOG = new ByteArrayOutputStream();

  private Host host;
  private Host good;

  @BeforeAll
  static void captureLog() {
    // slf4j-simple writes to whatever System.err is at the time of each log call
    System.setErr(new PrintStream(new TeeStream(ORIGINAL_ERR, LOG), true, StandardCharsets.UTF_8));
  }

  @AfterAll
  static void noLeaksReported() {
    for (int i = 0; i < 3; i++) {
      System.gc();
      // allocating drives the leak detector's reference-queue check
      io.netty.buffer.PooledByteBufAllocator.DEFAULT.buffer(1024).release();
    }
    System.setErr(ORIGINAL_ERR);
    assertThat(log()).doesNotContain("LEAK:");
    assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("p2p-io") && t.isAlive());
  }

  @BeforeEach
  void start() throws IOException {
    HostConfig cfg = TestHosts.config(Ed25519.generate(), YAMUX)
        .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofSeconds(5))
        .withLimits(8, 16, 64 * 1024)
        .withInboundLimits(InboundLimits.defaults().withLimitLoopback(false)); // 16 raw peers from 127.0.0.1
    host = TestHosts.start(cfg);
    good = TestHosts.start(YAMUX);
  }

  @AfterEach
  void stop() {
    good.close();
    host.close();
  }

  private InetSocketAddress socketAddr() throws IOException {
    return host.listenAddrs().get(0).toTcpSocketAddress();
  }

  private static String log() {
    synchronized (LOG) {
      return LOG.toString(StandardCharsets.UTF_8);
    }
  }

  private void hostStillServes() throws IOException {
    assertThat(good.ping(host.peerId(), List.of(TestHosts.addr(host)))).isPositive();
    good.connection(host.peerId()).orElseThrow().close();
  }

  @Test
  void garbageInsteadOfMultistream() throws Exception {
    try (RawPeer p = new RawPeer(socketAddr())) {
      byte[] junk = new byte[3000];
      new Random(3).nextBytes(junk);
      junk[0] = 0x13; // plausible length, wrong header
      p.writeRaw(junk);
      assertThat(p.closedByPeerWithin(5)).isTrue();
    }
    assertThat(log()).contains("closing connection").contains("multistream");
    hostStillServes();
  }

  @Test
  void garbageInsideTheNoiseHandshake() throws Exception {
    try (RawPeer p = new RawPeer(socketAddr())) {
      p.selectNoise();
      p.writeRaw(new byte[] {0, 10, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
      assertThat(p.closedByPeerWithin(5)).isTrue();
    }
    assertThat(log()).contains("noise XX message 1 is 10 bytes");
    hostStillServes();
  }

  @Test
  void handshakeSignedByAnotherKey() throws Exception {
    PrivKey claimed = Ed25519.generate();
    try (RawPeer p = new RawPeer(socketAddr())) {
      p.selectNoise();
      p.noise(claimed, Ed25519.generate());
      assertThat(p.closedByPeerWithin(5)).isTrue();
    }
    assertThat(log()).contains("does not cover the peer's noise static key");
    assertThat(host.connections()).isEmpty();
    hostStillServes();
  }

  @Test
  void peerAnsweringAsAnotherPeerId() throws Exception {
    Multiaddr lie = host.listenAddrs().get(0).withPeerId(good.peerId());
    try (Host third = TestHosts.start(YAMUX)) {
      assertThatThrownBy(() -> third.newStream(lie, List.of(TestHosts.ECHO)))
          .hasMessageContaining("dialled " + good.peerId() + " but the peer authenticated as " + host.peerId());
    }
    hostStillServes();
  }

  @Test
  void oversizeYamuxFrame() throws Exception {
    try (RawPeer p = new RawPeer(socketAddr())) {
      p.selectNoise();
      PrivKey k = Ed25519.generate();
      p.noise(k, k);
      p.selectMuxer(YamuxSession.PROTOCOL_ID);
      // Data, SYN, stream 1, length 16 MiB: far beyond the 256 KiB window
      p.writeSecure(new byte[] {0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0, 0});
      assertThat(p.closedByPeerWithin(5)).isTrue();
    }
    assertThat(log()).contains("exceeds the limit of 262144");
    hostStillServes();
  }

  @Test
  void halfOpenConnectionsTimeOut() throws Exception {
    try (RawPeer silent = new RawPeer(socketAddr()); RawPeer stalled = new RawPeer(socketAddr())) {
      stalled.selectNoise(); // then never sends the first Noise message
      assertThat(silent.closedByPeerWithin(5)).isTrue();
      assertThat(stalled.closedByPeerWithin(5)).isTrue();
    }
    assertThat(log()).contains("not completed within 1000 ms");
    hostStillServes();
  }

  @Test
  void floodOfStreamsIsCappedAndTheConnectionSurvives() throws Exception {
    Connection c = good.connect(host.peerId(), List.of(TestHosts.addr(host)));
    List<MuxedStream> held = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      MuxedStream s = c.session().openStream();
      s.out().write(new byte[] {1}); // a multistream length with no body: the host's negotiation waits
      held.add(s);
    }
    int refused = 0;
    for (MuxedStream s : held) {
      s.setTimeout(Duration.ofMillis(300));
      try {
        while (s.in().read() >= 0) {
          // accepted streams get the host's multistream header, then nothing
        }
      } catch (java.net.SocketTimeoutException e) {
        // accepted and waiting
      } catch (IOException e) {
        refused++; // reset by the host at once: over the limit
      }
    }
    Connection onHost = host.connection(good.peerId()).orElseThrow();
    assertThat(onHost.session().streamCount()).isLessThanOrEqualTo(8);
    assertThat(refused).isGreaterThanOrEqualTo(32);
    for (MuxedStream s : held) {
      s.reset();
    }
    assertThat(c.isOpen()).isTrue();
    try (P2pStream s = good.newStream(c, List.of(TestHosts.ECHO))) {
      s.out().write(7);
      s.closeWrite();
      assertThat(s.in().read()).isEqualTo(7);
    }
    hostStillServes();
  }

  @Test
  void slowLorisProtocolNegotiationIsCutAtTheHandshakeDeadline() throws Exception {
    Connection c = good.connect(host.peerId(), List.of(TestHosts.addr(host)));
    MuxedStream s = c.session().openStream();
    byte[] header = venus.market.p2p.multistream.Multistream.encode(venus.market.p2p.multistream.Multistream.PROTOCOL_ID);
    boolean cut = false;
    // one byte every 200 ms: each read on the host finishes well inside its 5 s read timeout, the whole header
    // would take 4 s, and the host allows the negotiation 1 s
    for (int i = 0; i < header.length && !cut; i++) {
      try {
        s.out().write(header[i]);
        s.out().flush();
        Thread.sleep(200);
      } catch (IOException e) {
        cut = true;
      }
      cut |= s.isReset();
    }
    assertThat(cut).as("stream reset by the host before the header was complete").isTrue();
    assertThat(log()).contains("protocol negotiation with " + good.peerId() + " not finished within 1000 ms");
    assertThat(c.isOpen()).isTrue();
    hostStillServes();
  }

  @Test
  void inboundConnectionLimit() throws Exception {
    List<RawPeer> peers = new ArrayList<>();
    try {
      for (int i = 0; i < 16; i++) {
        peers.add(new RawPeer(socketAddr()));
      }
      try (RawPeer extra = new RawPeer(socketAddr())) {
        assertThat(extra.closedByPeerWithin(2)).isTrue();
      }
      assertThat(log()).contains("16 inbound connections (the limit)");
    } finally {
      for (RawPeer p : peers) {
        p.close();
      }
    }
  }

  /** Copies the log to the console and keeps it for assertions. */
  private static final class TeeStream extends java.io.OutputStream {
    private final PrintStream console;
    private final ByteArrayOutputStream copy;

    TeeStream(PrintStream console, ByteArrayOutputStream copy) {
      this.console = console;
      this.copy = copy;
    }

    @Override
    public void write(int b) {
      console.write(b);
      synchronized (copy) {
        copy.write(b);
      }
    }

    @Override
    public void write(byte[] b, int off, int len) {
      console.write(b, off, len);
      synchronized (copy) {
        copy.write(b, off, len);
      }
    }
  }
}
