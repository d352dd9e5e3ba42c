package venus.market.p2p.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import venus.market.p2p.P2pStream;
import venus.market.p2p.crypto.Secp256k1;
import venus.market.p2p.multistream.MultistreamException;
import venus.market.p2p.protocol.IdentifyInfo;

/** Two Java hosts in one JVM over real TCP on loopback. */
class HostTest {

  @ParameterizedTest
  @ValueSource(strings = {"/yamux/1.0.0", "/mplex/6.7.0"})
  void echoIdentifyAndPingOverEachMuxer(String muxer) throws Exception {
    try (Host a = TestHosts.start(List.of(muxer)); Host b = TestHosts.start(List.of(muxer))) {
      byte[] payload = new byte[700_000]; // several windows and noise frames
      new Random(1).nextBytes(payload);
      try (P2pStream s = a.newStream(TestHosts.addr(b), List.of("/nope/1", TestHosts.ECHO))) {
        assertThat(s.protocol()).isEqualTo(TestHosts.ECHO);
        Thread writer = new Thread(() -> {
          try {
            s.out().write(payload);
            s.closeWrite();
          } catch (IOException e) {
            throw new RuntimeException(e);
          }
        });
        writer.start();
        byte[] back = s.in().readAllBytes();
        writer.join();
        assertThat(back).isEqualTo(payload);
      }
      Connection c = a.connection(b.peerId()).orElseThrow();
      assertThat(c.muxer()).isEqualTo(muxer);
      IdentifyInfo info = a.identify(b.peerId());
      assertThat(info.agentVersion()).isEqualTo("venus-market/0.1.0");
      assertThat(info.protocols()).contains(TestHosts.ECHO, IdentifyInfo.PROTOCOL_ID, Host.PING_PROTOCOL);
      assertThat(info.listenAddrs()).containsExactlyElementsOf(b.listenAddrs());
      assertThat(info.publicKey()).isEqualTo(b.config().identity().publicKey());
      assertThat(info.observedAddr()).isNotNull();
      assertThat(b.identify(a.peerId()).protocols()).contains(TestHosts.ECHO);
      assertThat(a.ping(b.peerId(), List.of())).isPositive();
      // the second stream reuses the connection
      try (P2pStream s2 = a.newStream(b.peerId(), List.of(), List.of(TestHosts.ECHO))) {
        s2.out().write("x".getBytes(StandardCharsets.UTF_8));
        s2.closeWrite();
        assertThat(new String(s2.in().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("x");
      }
      assertThat(a.connections()).hasSize(1);
    }
  }

  @Test
  void aConnectionIsKnownToTheHostAsSoonAsConnectReturns() throws Exception {
    // connect() used to return before the host had registered the connection, so identify(peer) right after it
    // could fail with "not connected" and a second connect() dialled again
    for (int i = 0; i < 5; i++) {
      try (Host a = TestHosts.start(List.of("/yamux/1.0.0")); Host b = TestHosts.start(List.of("/yamux/1.0.0"))) {
        Connection c = a.connect(b.peerId(), List.of(TestHosts.addr(b)));
        assertThat(a.connection(b.peerId())).contains(c);
        assertThat(a.connect(b.peerId(), List.of(TestHosts.addr(b)))).isSameAs(c);
        assertThat(a.identify(b.peerId()).protocols()).contains(TestHosts.ECHO);
      }
    }
  }

  @Test
  void fallsBackToMplexAndSupportsSecp256k1Identity() throws Exception {
    try (Host a = TestHosts.start(List.of("/yamux/1.0.0", "/mplex/6.7.0"));
        Host b = TestHosts.start(TestHosts.config(Secp256k1.generate(), List.of("/mplex/6.7.0")))) {
      assertThat(b.peerId().toString()).startsWith("16Uiu2HA");
      assertThat(a.ping(b.peerId(), List.of(TestHosts.addr(b)))).isPositive();
      assertThat(a.connection(b.peerId()).orElseThrow().muxer()).isEqualTo("/mplex/6.7.0");
    }
  }

  @Test
  void unsupportedProtocolIsReportedAndConnectionSurvives() throws Exception {
    try (Host a = TestHosts.start(List.of("/yamux/1.0.0")); Host b = TestHosts.start(List.of("/yamux/1.0.0"))) {
      assertThatThrownBy(() -> a.newStream(TestHosts.addr(b), List.of("/nope/1", "/nope/2")))
          .isInstanceOf(MultistreamException.class).hasMessageContaining("supports none of");
      assertThat(a.ping(b.peerId(), List.of())).isPositive();
    }
  }

  @Test
  void ipv6ListenAndDns4Dial() throws Exception {
    HostConfig v6 = TestHosts.config(venus.market.p2p.crypto.Ed25519.generate(), List.of("/yamux/1.0.0"))
        .withListenAddrs(List.of(venus.market.p2p.multiaddr.Multiaddr.parse("/ip6/::1/tcp/0")));
    try (Host a = TestHosts.start(List.of("/yamux/1.0.0")); Host b = TestHosts.start(v6)) {
      assertThat(b.listenAddrs().get(0).toString()).startsWith("/ip6/::1/tcp/");
      assertThat(a.ping(b.peerId(), List.of(TestHosts.addr(b)))).isPositive();
      // An IPv4 listener reports an IPv4 address, not the JDK dual-stack socket's [::].
      assertThat(a.listenAddrs().get(0).toString()).matches("/ip4/127\\.0\\.0\\.1/tcp/[1-9][0-9]*");
      int port = Integer.parseInt(a.listenAddrs().get(0).components().get(1).valueString());
      venus.market.p2p.multiaddr.Multiaddr byName =
          venus.market.p2p.multiaddr.Multiaddr.parse("/dns4/localhost/tcp/" + port + "/p2p/" + a.peerId());
      assertThat(b.ping(a.peerId(), List.of(byName))).isPositive();
    }
  }

  @Test
  void lazyInitiatorDataAfterTheProposalIsKept() throws Exception {
    // go-libp2p, once identify says the peer speaks a protocol, sends header, proposal and data in one go
    try (Host a = TestHosts.start(List.of("/yamux/1.0.0")); Host b = TestHosts.start(List.of("/yamux/1.0.0"))) {
      Connection c = a.connect(b.peerId(), List.of(TestHosts.addr(b)));
      venus.market.p2p.mux.MuxedStream s = c.session().openStream();
      java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
      all.writeBytes(venus.market.p2p.multistream.Multistream.encode("/multistream/1.0.0"));
      all.writeBytes(venus.market.p2p.multistream.Multistream.encode(TestHosts.ECHO));
      all.writeBytes("lazy".getBytes(StandardCharsets.UTF_8));
      s.out().write(all.toByteArray());
      s.closeWrite();
      assertThat(venus.market.p2p.multistream.Multistream.read(s.in())).isEqualTo("/multistream/1.0.0");
      assertThat(venus.market.p2p.multistream.Multistream.read(s.in())).isEqualTo(TestHosts.ECHO);
      assertThat(new String(s.in().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("lazy");
    }
  }
}
