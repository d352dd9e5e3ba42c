package venus.market.p2p.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import venus.market.p2p.P2pException;
import venus.market.p2p.crypto.KeyProtobuf;
import venus.market.p2p.crypto.PubKey;
import venus.market.p2p.multiaddr.Multiaddr;
import venus.market.p2p.noise.NoiseHandshakePayload;
import venus.market.p2p.peer.PeerId;
import venus.market.p2p.protocol.IdentifyInfo;

/**
 * Everything a peer can hand us before or right after authentication must fail only with the stack's own
 * exception (a {@link P2pException}), and what is accepted must round-trip. Replays P2pDecodersFuzzTestInputs/ in a
 * normal build; fuzz with {@code JAZZER_FUZZ=1 JAZZER_INSTRUMENTATION_INCLUDES='venus.market.**' mvn -pl
 * market-p2p -am test -Dtest=P2pDecodersFuzzTest}.
 */
class P2pDecodersFuzzTest {

  @FuzzTest(maxDuration = "10s")
  void multiaddrBytes(byte[] input) {
    Multiaddr m;
    try {
      m = Multiaddr.fromBytes(input);
    } catch (P2pException expected) {
      return;
    }
    assertThat(m.bytes()).isEqualTo(input);
    assertThat(Multiaddr.parse(m.toString())).isEqualTo(m);
  }

  @FuzzTest(maxDuration = "10s")
  void multiaddrAndPeerIdStrings(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    try {
      Multiaddr m = Multiaddr.parse(text);
      assertThat(Multiaddr.fromBytes(m.bytes())).isEqualTo(m);
    } catch (P2pException expected) {
      // fine
    }
    try {
      PeerId id = PeerId.parse(text);
      assertThat(PeerId.fromBytes(id.bytes())).isEqualTo(id);
    } catch (P2pException expected) {
      // fine
    }
  }

  @FuzzTest(maxDuration = "10s")
  void keysAndHandshakePayloads(byte[] input) {
    try {
      PubKey k = KeyProtobuf.decodePublic(input);
      assertThat(KeyProtobuf.decodePublic(k.bytes())).isEqualTo(k);
    } catch (P2pException expected) {
      // fine
    }
    try {
      KeyProtobuf.decodePrivate(input);
    } catch (P2pException expected) {
      // fine
    }
    try {
      NoiseHandshakePayload p = NoiseHandshakePayload.decode(input);
      assertThat(p.identityKey()).isNotNull();
    } catch (P2pException expected) {
      // fine
    }
  }

  @FuzzTest(maxDuration = "10s")
  void identifyMessages(byte[] input) {
    IdentifyInfo info;
    try {
      info = IdentifyInfo.decode(input);
    } catch (P2pException expected) {
      return;
    }
    IdentifyInfo again = IdentifyInfo.decode(info.encode());
    assertThat(again.protocols()).isEqualTo(info.protocols());
    assertThat(again.listenAddrs()).isEqualTo(info.listenAddrs());
  }
}
