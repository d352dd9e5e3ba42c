package venus.market.core.unixfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import venus.market.core.multiformats.Cid;
import venus.market.core.multiformats.Multicodec;
import venus.market.core.multiformats.Multihash;

class PbNodeTest {

  private static final Cid LEAF = Cid.v1(Multicodec.RAW, Multihash.identity(new byte[] {7}));

  @Test
  void encodesLinksBeforeDataWithEmptyNameAndTsize() {
    PbNode n = new PbNode(List.of(new PbLink(LEAF, "", 1)), UnixFsData.file(1, List.of(1L)).encode());
    // 12 0b | 0a 05 <cid 01 55 00 01 07> | 12 00 | 18 01 ;  0a 06 | 08 02 18 01 20 01
    assertThat(HexFormat.of().formatHex(n.encode())).isEqualTo("120b0a05015500010712001801" + "0a06080218012001");
    PbNode back = PbNode.decode(n.encode());
    assertThat(back.links()).containsExactly(new PbLink(LEAF, "", 1));
    assertThat(UnixFsData.decode(back.data()).blocksizes()).containsExactly(1L);
    assertThat(back.encode()).isEqualTo(n.encode());
  }

  @Test
  void rejectsMalformedNodes() {
    assertThatThrownBy(() -> PbNode.decode(HexFormat.of().parseHex("0a0008")))
        .isInstanceOf(UnixFsException.class).hasMessageContaining("byte");
    assertThatThrownBy(() -> PbNode.decode(HexFormat.of().parseHex("127f")))
        .isInstanceOf(UnixFsException.class).hasMessageContaining("declares");
    assertThatThrownBy(() -> PbNode.decode(HexFormat.of().parseHex("0a00120b0a05015500010712001801")))
        .isInstanceOf(UnixFsException.class).hasMessageContaining("byte");
    assertThatThrownBy(() -> PbNode.decode(HexFormat.of().parseHex("1a00")))
        .isInstanceOf(UnixFsException.class).hasMessageContaining("unexpected field");
    assertThatThrownBy(() -> PbNode.decode(HexFormat.of().parseHex("12021800")))
        .isInstanceOf(UnixFsException.class).hasMessageContaining("no Hash");
  }
}
