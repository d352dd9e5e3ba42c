package venus.market.p2p.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import venus.market.p2p.P2pStream;
import venus.market.p2p.crypto.Ed25519;
import venus.market.p2p.host.Host;
import venus.market.p2p.host.HostConfig;
import venus.market.p2p.multiaddr.Multiaddr;
import venus.market.p2p.peer.PeerId;
import venus.market.p2p.protocol.IdentifyInfo;

/** Our host against a real js-libp2p node, both directions, over yamux and over mplex. */
@Tag("interop")
class JsLibp2pInteropTest {

  private static final String ECHO = "/test/echo/1.0.0";

  private static Host javaHost(String muxer) throws Exception {
    HostConfig cfg = HostConfig.defaults(Ed25519.generate())
        .withListenAddrs(List.of(Multiaddr.parse("/ip4/127.0.0.1/tcp/0")))
        .withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(10))
        .withMuxers(List.of(muxer));
    Host h = new Host(cfg);
    h.setStreamHandler(ECHO, s -> {
      byte[] buf = new byte[8192];
      int n;
      while ((n = s.in().read(buf)) >= 0) {
        s.out().write(buf, 0, n);
      }
      s.closeWrite();
    });
    h.start();
    return h;
  }

  @ParameterizedTest
  @CsvSource({"yamux,/yamux/1.0.0", "mplex,/mplex/6.7.0"})
  void javaDialsJs(String jsMuxer, String muxer) throws Exception {
    try (JsPeer js = JsPeer.start("listen", "--muxer", jsMuxer); Host host = javaHost(muxer)) {
      Multiaddr addr = Multiaddr.parse(js.await("LISTEN", 30));
      PeerId jsPeer = addr.peerId().orElseThrow();

      byte[] payload = new byte[300 * 1024];
      new Random(7).nextBytes(payload);
      try (P2pStream s = host.newStream(addr, List.of(ECHO))) {
        Thread writer = new Thread(() -> {
          try {
            s.out().write(payload);
            s.closeWrite();
          } catch (java.io.IOException e) {
            throw new RuntimeException(e);
          }
        });
        writer.start();
        assertThat(s.in().readAllBytes()).isEqualTo(payload);
        writer.join();
      }
      assertThat(host.connection(jsPeer).orElseThrow().muxer()).isEqualTo(muxer);

      IdentifyInfo info = host.identify(jsPeer);
      assertThat(info.agentVersion()).startsWith("js-libp2p/");
      assertThat(info.protocols()).contains(ECHO, IdentifyInfo.PROTOCOL_ID, Host.PING_PROTOCOL);
      assertThat(info.listenAddrs()).contains(addr.withoutPeerId());
      assertThat(PeerId.fromPublicKey(info.publicKey())).isEqualTo(jsPeer);
      assertThat(host.ping(jsPeer, List.of())).isPositive();

      String jsView = js.await("IDENTIFIED", 20);
      assertThat(jsView).contains("\"peerId\":\"" + host.peerId() + "\"")
          .contains("\"agentVersion\":\"venus-market/0.1.0\"")
          .contains(ECHO)
          .contains(host.listenAddrs().get(0).toString())
          .contains("\"muxer\":\"" + muxer + "\"");
    }
  }

  @ParameterizedTest
  @CsvSource({"yamux,/yamux/1.0.0", "mplex,/mplex/6.7.0"})
  void jsDialsJava(String jsMuxer, String muxer) throws Exception {
    try (Host host = javaHost(muxer)) {
      Multiaddr target = host.listenAddrs().get(0).withPeerId(host.peerId());
      try (JsPeer js = JsPeer.start("dial", target.toString(), "--muxer", jsMuxer)) {
        String result = js.await("RESULT", 60);
        assertThat(result).contains("\"muxer\":\"" + muxer + "\"")
            .contains("\"echoOk\":true")
            .contains("\"echoBytes\":" + (300 * 1024))
            .contains("\"agentVersion\":\"venus-market/0.1.0\"")
            .contains("\"peerId\":\"" + host.peerId() + "\"")
            .contains(ECHO)
            .contains("\"observedAddr\":\"/ip4/127.0.0.1/tcp/");
        assertThat(js.waitFor(20)).isZero();
      }
    }
  }
}
