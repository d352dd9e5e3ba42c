package venus.market.p2p.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import venus.market.p2p.P2pException;

class PeerIdTest {

  private static final String ED = "12D3KooWBtg3aaRMjxwedh83aGiUkwSxDwUZkzuJcfaqUmo7R3pq";

  @Test
  void cidFormParsesToTheSamePeer() {
    PeerId id = PeerId.parse(ED);
    String cid = id.toCidString();
    assertThat(cid).startsWith("bafz");
    assertThat(PeerId.parse(cid)).isEqualTo(id);
    assertThat(PeerId.fromBytes(id.bytes())).isEqualTo(id);
  }

  @Test
  void rejectsNonPeerIdInputs() {
    assertThatThrownBy(() -> PeerId.parse("12D3KooW0")).isInstanceOf(P2pException.class);
    assertThatThrownBy(() -> PeerId.parse("bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy"))
        .isInstanceOf(P2pException.class).hasMessageContaining("libp2p-key");
    assertThatThrownBy(() -> PeerId.fromBytes(new byte[] {0x12, 0x04, 1, 2, 3, 4})).isInstanceOf(P2pException.class).hasMessageContaining("expected 32");
    assertThatThrownBy(() -> PeerId.fromBytes(new byte[] {(byte) 0xb2, 0x40, 0x01, 0})).isInstanceOf(P2pException.class);
    assertThatThrownBy(() -> PeerId.fromBytes(new byte[0])).isInstanceOf(P2pException.class);
    assertThatThrownBy(() -> PeerId.parse("")).isInstanceOf(P2pException.class);
  }
}
