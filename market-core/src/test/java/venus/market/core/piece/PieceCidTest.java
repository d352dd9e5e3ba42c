package venus.market.core.piece;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import venus.market.core.multiformats.Cid;

class PieceCidTest {

  private static byte[] fourBlocks() {
    byte[] b = new byte[508];
    for (int i = 0; i < 4; i++) {
      Arrays.fill(b, i * 127, (i + 1) * 127, (byte) i);
    }
    return b;
  }

  private static byte[] input(String description) {
    byte[] four = fourBlocks();
    if (description.startsWith("127 bytes 0x00")) {
      return four;
    }
    if (description.startsWith("the 508 bytes above followed by 508")) {
      return Arrays.copyOf(four, 1016);
    }
    if (description.startsWith("the 508 bytes above followed by 4")) {
      return Arrays.copyOf(four, 512);
    }
    if (description.startsWith("the 508 bytes above followed by 5")) {
      return Arrays.copyOf(four, 513);
    }
    if (description.startsWith("ASCII")) {
      return Arrays.copyOf("i am the biggest cat, what do you think about that".getBytes(), 127);
    }
    return null;
  }

  @Test
  void commcidVectors() throws IOException {
    JsonNode root = new ObjectMapper().readTree(TestVectors.bytes("commp/commcid-vectors.json"));
    int checked = 0;
    for (JsonNode v : root.get("piece_cids")) {
      long payload = v.get("payload_size").asLong();
      PaddedPieceSize size = new PaddedPieceSize(v.get("padded_piece_size").asLong());
      byte[] data = input(v.get("input").asText());
      PieceCommitment c = data != null ? CommPHasher.of(data) : ZeroComm.piece(size);
      assertThat(c.size()).isEqualTo(size);
      assertThat(PieceCid.v1(c).toString()).isEqualTo(v.get("piece_cid_v1").asText());
      assertThat(PieceCid.commitment(Cid.parse(v.get("piece_cid_v1").asText()), size)).isEqualTo(c);
      if (v.has("piece_cid_v2")) {
        String v2 = v.get("piece_cid_v2").asText();
        assertThat(PieceCid.v2(c, payload).toString()).isEqualTo(v2);
        PieceCid.V2 parsed = PieceCid.parseV2(Cid.parse(v2));
        assertThat(parsed.commitment()).isEqualTo(c);
        assertThat(parsed.payloadBytes()).isEqualTo(payload);
      }
      checked++;
    }
    assertThat(checked).isEqualTo(7);
  }

  @Test
  void cidPrefixIsBaga6ea4seaq() {
    assertThat(PieceCid.v1(ZeroComm.piece(new PaddedPieceSize(128))).toString())
        .isEqualTo("baga6ea4seaqdomn3tgwgrh3g532zopskstnbrd2n3sxfqbze7rxt7vqn7veigmy");
  }

  @Test
  void rejectsOtherCids() {
    Cid raw = Cid.parse("bafk2bzacecb4r5x5y3dhxazm5t5yhhm5aetfpl3zaf6j6qfxytlyj3xdf2lzu");
    assertThatThrownBy(() -> PieceCid.root(raw)).isInstanceOf(PieceException.class)
        .hasMessageContaining("not a piece CID");
    assertThatThrownBy(() -> PieceCid.parseV2(raw)).isInstanceOf(PieceException.class)
        .hasMessageContaining("not a piece CID v2");
    PieceCommitment c = ZeroComm.piece(new PaddedPieceSize(128));
    assertThatThrownBy(() -> PieceCid.v2(c, 128)).isInstanceOf(PieceException.class)
        .hasMessageContaining("128 bytes");
  }
}
