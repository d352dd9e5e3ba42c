package venus.market.p2p.multiaddr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBufUtil;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import venus.market.p2p.peer.PeerId;

class MultiaddrTest {

  private static final String PEER = "12D3KooWBtg3aaRMjxwedh83aGiUkwSxDwUZkzuJcfaqUmo7R3pq";

  @Test
  void ip4TcpMatchesTheSpecBytes() {
    Multiaddr m = Multiaddr.parse("/ip4/127.0.0.1/tcp/1234");
    assertThat(ByteBufUtil.hexDump(m.bytes())).isEqualTo("047f000001" + "0604d2");
    assertThat(Multiaddr.fromBytes(m.bytes())).isEqualTo(m);
    assertThat(m.toString()).isEqualTo("/ip4/127.0.0.1/tcp/1234");
  }

  @Test
  void roundTripsEveryKindOfComponent() throws Exception {
    for (String s : new String[] {
        "/ip6/::1/tcp/4001/p2p/" + PEER,
        "/dns4/example.com/tcp/443/http",
        "/dns6/localhost/tcp/80",
        "/ip6/2001:db8::ff00:42:8329/udp/53/quic-v1",
        "/ip4/10.0.0.1/tcp/80/https",
        "/ip4/1.2.3.4/tcp/5/ws"}) {
      Multiaddr m = Multiaddr.parse(s);
      assertThat(m.toString()).isEqualTo(s);
      assertThat(Multiaddr.fromBytes(m.bytes())).isEqualTo(m);
    }
    Multiaddr withIpfs = Multiaddr.parse("/ip4/127.0.0.1/tcp/1/ipfs/" + PEER);
    assertThat(withIpfs.toString()).endsWith("/p2p/" + PEER);
    assertThat(withIpfs.peerId()).contains(PeerId.parse(PEER));
    assertThat(withIpfs.withoutPeerId().toString()).isEqualTo("/ip4/127.0.0.1/tcp/1");
    assertThat(Multiaddr.parse("/ip6/::1/tcp/9").toTcpSocketAddress()).isEqualTo(new InetSocketAddress("::1", 9));
    assertThat(Multiaddr.tcp(new InetSocketAddress("127.0.0.1", 77)).toString()).isEqualTo("/ip4/127.0.0.1/tcp/77");
  }

  @Test
  void rejectsMalformedStringsAndBytes() {
    for (String s : new String[] {"", "ip4/1.2.3.4", "/ip4/1.2.3.256", "/ip4/::1", "/ip6/1.2.3.4", "/tcp/65536",
        "/tcp/-1", "/tcp/0x10", "/ip4", "/p2p/notapeer", "/foo/1", "/", "/dns4/a/b/tcp/1"}) {
      assertThatThrownBy(() -> Multiaddr.parse(s)).as(s).isInstanceOf(MultiaddrException.class);
    }
    for (String hex : new String[] {"04", "047f0000", "0604", "3605616263", "a503021220", "ff", "ffffffffffffffffffff01", "7f"}) {
      assertThatThrownBy(() -> Multiaddr.fromBytes(ByteBufUtil.decodeHexDump(hex))).as(hex).isInstanceOf(MultiaddrException.class);
    }
  }

  @Test
  void binaryTcpChainWhoseTextFormIsTooLongIsRefusedNotAcceptedOneWay() {
    // fuzz finding (P2pDecodersFuzzTestInputs/multiaddrBytes/tcp-chain-text-too-long): 340 /tcp components fit in
    // 1,020 bytes but print as 3,060 characters, which parse() refuses, so the address could not travel as text
    byte[] bytes = ByteBufUtil.decodeHexDump("0604d2".repeat(340));
    assertThatThrownBy(() -> Multiaddr.fromBytes(bytes)).isInstanceOf(MultiaddrException.class)
        .hasMessageContaining("at most " + Multiaddr.MAX_STRING_LENGTH);
  }

  @Test
  void ip6ChainWhoseBinaryFormIsTooLongIsRefusedNotAcceptedOneWay() {
    // the mirror image: 292 "/ip6/::" components are 2,044 characters but 4,964 bytes, over fromBytes' limit
    String text = "/ip6/::".repeat(292);
    assertThat(text.length()).isLessThanOrEqualTo(Multiaddr.MAX_STRING_LENGTH);
    assertThatThrownBy(() -> Multiaddr.parse(text)).isInstanceOf(MultiaddrException.class)
        .hasMessageContaining("at most " + Multiaddr.MAX_BYTES);
  }
}
