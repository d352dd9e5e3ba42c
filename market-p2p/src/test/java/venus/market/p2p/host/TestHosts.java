package venus.market.p2p.host;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import venus.market.p2p.P2pStream;
import venus.market.p2p.crypto.Ed25519;
import venus.market.p2p.crypto.PrivKey;
import venus.market.p2p.multiaddr.Multiaddr;

/** Hosts on 127.0.0.1 with short deadlines, and the echo protocol the tests use. */
final class TestHosts {

  static final String ECHO = "/test/echo/1.0.0";

  private TestHosts() {}

  static HostConfig config(PrivKey key, List<String> muxers) {
    return HostConfig.defaults(key)
        .withListenAddrs(List.of(Multiaddr.parse("/ip4/127.0.0.1/tcp/0")))
        .withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ofSeconds(10))
        .withMuxers(muxers);
  }

  static Host start(List<String> muxers) throws IOException {
    return start(config(Ed25519.generate(), muxers));
  }

  static Host start(HostConfig config) throws IOException {
    Host h = new Host(config);
    h.setStreamHandler(ECHO, TestHosts::echo);
    h.start();
    return h;
  }

  /** Copies the stream back until the peer half-closes. */
  static void echo(P2pStream s) throws IOException {
    byte[] buf = new byte[8192];
    int n;
    while ((n = s.in().read(buf)) >= 0) {
      s.out().write(buf, 0, n);
    }
    s.closeWrite();
  }

  static Multiaddr addr(Host h) {
    return h.listenAddrs().get(0).withPeerId(h.peerId());
  }

  /** Polls {@code condition} every 20 ms for up to 10 s; fails naming {@code what}. */
  static void eventually(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within 10 s: " + what);
      }
      Thread.sleep(20);
    }
  }
}
