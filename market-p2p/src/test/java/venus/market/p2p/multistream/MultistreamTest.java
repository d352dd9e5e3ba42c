package venus.market.p2p.multistream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayInputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class MultistreamTest {

  @Test
  void naIsTheSpecBytes() {
    assertThat(ByteBufUtil.hexDump(Multistream.encode("na"))).isEqualTo("036e610a");
    assertThat(ByteBufUtil.hexDump(Multistream.encode("/multistream/1.0.0"))).startsWith("13");
  }

  @Test
  void decodesIncrementallyAndKeepsTrailingBytes() {
    byte[] a = Multistream.encode(Multistream.PROTOCOL_ID);
    byte[] b = Multistream.encode("/noise");
    ByteBuf in = Unpooled.buffer();
    in.writeBytes(a, 0, 5);
    assertThat(Multistream.tryDecode(in)).isNull();
    assertThat(in.readerIndex()).isZero();
    in.writeBytes(a, 5, a.length - 5).writeBytes(b).writeByte(0x42);
    assertThat(Multistream.tryDecode(in)).isEqualTo(Multistream.PROTOCOL_ID);
    assertThat(Multistream.tryDecode(in)).isEqualTo("/noise");
    assertThat(in.readableBytes()).isEqualTo(1);
    in.release();
  }

  @Test
  void blockingReadAndListEncoding() throws Exception {
    byte[] list = Multistream.encodeList(List.of("/a", "/b"));
    ByteArrayInputStream in = new ByteArrayInputStream(list);
    String body = Multistream.read(in);
    assertThat(body).isEqualTo("\u0003/a\n\u0003/b\n");
  }

  @Test
  void rejectsOversizeMissingNewlineAndGarbage() {
    ByteBuf big = Unpooled.wrappedBuffer(ByteBufUtil.decodeHexDump("8110"));
    assertThatThrownBy(() -> Multistream.tryDecode(big)).isInstanceOf(MultistreamException.class).hasMessageContaining("outside");
    ByteBuf noNl = Unpooled.wrappedBuffer(ByteBufUtil.decodeHexDump("026e61"));
    assertThatThrownBy(() -> Multistream.tryDecode(noNl)).isInstanceOf(MultistreamException.class).hasMessageContaining("newline");
    ByteBuf zero = Unpooled.wrappedBuffer(ByteBufUtil.decodeHexDump("00"));
    assertThatThrownBy(() -> Multistream.tryDecode(zero)).isInstanceOf(MultistreamException.class);
    assertThatThrownBy(() -> Multistream.read(new ByteArrayInputStream(new byte[] {3, 'n'})))
        .isInstanceOf(MultistreamException.class).hasMessageContaining("closed");
  }
}
