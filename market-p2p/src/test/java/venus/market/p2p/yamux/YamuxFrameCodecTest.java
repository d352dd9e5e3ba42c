package venus.market.p2p.yamux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import venus.market.p2p.mux.MuxException;

class YamuxFrameCodecTest {

  @Test
  void encodesHeaderBigEndianPerSpec() {
    EmbeddedChannel ch = new EmbeddedChannel(new YamuxFrameEncoder());
    ch.writeOutbound(YamuxFrame.windowUpdate(1, YamuxFrame.FLAG_SYN, 0x40000));
    ByteBuf out = ch.readOutbound();
    assertThat(ByteBufUtil.hexDump(out)).isEqualTo("000100010000000100040000");
    out.release();
    ch.writeOutbound(YamuxFrame.data(3, YamuxFrame.FLAG_FIN, Unpooled.copiedBuffer("hi", StandardCharsets.UTF_8)));
    ByteBuf frame = ch.readOutbound();
    assertThat(ByteBufUtil.hexDump(frame)).isEqualTo("000000040000000300000002" + "6869");
    frame.release();
    assertThat(ch.finishAndReleaseAll()).isFalse();
  }

  @Test
  void decodesFramesSplitAcrossReads() {
    EmbeddedChannel ch = new EmbeddedChannel(new YamuxFrameDecoder(1024));
    byte[] wire = ByteBufUtil.decodeHexDump("0000000200000005000000036162630002000100000000" + "0000002a");
    for (byte b : wire) {
      ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {b}));
    }
    YamuxFrame data = ch.readInbound();
    assertThat(data.type()).isEqualTo(YamuxFrame.TYPE_DATA);
    assertThat(data.streamId()).isEqualTo(5);
    assertThat(data.has(YamuxFrame.FLAG_ACK)).isTrue();
    assertThat(data.data().toString(StandardCharsets.UTF_8)).isEqualTo("abc");
    data.release();
    YamuxFrame ping = ch.readInbound();
    assertThat(ping.type()).isEqualTo(YamuxFrame.TYPE_PING);
    assertThat(ping.has(YamuxFrame.FLAG_SYN)).isTrue();
    assertThat(ping.length()).isEqualTo(42);
    assertThat(ch.finishAndReleaseAll()).isFalse();
  }

  @Test
  void oversizeDataFrameIsRefusedBeforeBuffering() {
    EmbeddedChannel ch = new EmbeddedChannel(new YamuxFrameDecoder(1024));
    assertThatThrownBy(() -> ch.writeInbound(Unpooled.wrappedBuffer(ByteBufUtil.decodeHexDump("000000000000000100100000"))))
        .isInstanceOf(DecoderException.class).hasCauseInstanceOf(MuxException.class).hasMessageContaining("exceeds the limit");
    ch.finishAndReleaseAll();
  }

  @Test
  void unknownVersionAndTypeAreRefused() {
    EmbeddedChannel v = new EmbeddedChannel(new YamuxFrameDecoder(1024));
    assertThatThrownBy(() -> v.writeInbound(Unpooled.wrappedBuffer(ByteBufUtil.decodeHexDump("010000000000000100000000"))))
        .hasCauseInstanceOf(MuxException.class).hasMessageContaining("version 1");
    v.finishAndReleaseAll();
    EmbeddedChannel t = new EmbeddedChannel(new YamuxFrameDecoder(1024));
    assertThatThrownBy(() -> t.writeInbound(Unpooled.wrappedBuffer(ByteBufUtil.decodeHexDump("000400000000000100000000"))))
        .hasCauseInstanceOf(MuxException.class).hasMessageContaining("type 4");
    t.finishAndReleaseAll();
  }
}
