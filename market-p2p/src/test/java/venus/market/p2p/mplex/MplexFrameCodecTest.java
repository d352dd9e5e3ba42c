package venus.market.p2p.mplex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import venus.market.p2p.mux.MuxException;

class MplexFrameCodecTest {

  @Test
  void roundTripsWithVarintHeader() {
    EmbeddedChannel enc = new EmbeddedChannel(new MplexFrameEncoder());
    enc.writeOutbound(new MplexFrame(17, MplexFrame.MESSAGE_INITIATOR, Unpooled.copiedBuffer("hey", StandardCharsets.UTF_8)));
    ByteBuf wire = enc.readOutbound();
    // 17 << 3 | 2 = 138 → varint 8a 01; length 3
    assertThat(ByteBufUtil.hexDump(wire)).isEqualTo("8a0103" + "686579");
    EmbeddedChannel dec = new EmbeddedChannel(new MplexFrameDecoder());
    dec.writeInbound(wire.readRetainedSlice(2));
    assertThat((Object) dec.readInbound()).isNull();
    dec.writeInbound(wire);
    MplexFrame f = dec.readInbound();
    assertThat(f.streamId()).isEqualTo(17);
    assertThat(f.flag()).isEqualTo(MplexFrame.MESSAGE_INITIATOR);
    assertThat(f.fromInitiator()).isTrue();
    assertThat(f.data().toString(StandardCharsets.UTF_8)).isEqualTo("hey");
    f.release();
    assertThat(enc.finishAndReleaseAll()).isFalse();
    assertThat(dec.finishAndReleaseAll()).isFalse();
  }

  @Test
  void refusesOversizeFramesAndUnknownFlags() {
    EmbeddedChannel a = new EmbeddedChannel(new MplexFrameDecoder());
    // stream 1, flag 2; length 0x100001 = 81 80 40
    assertThatThrownBy(() -> a.writeInbound(Unpooled.wrappedBuffer(ByteBufUtil.decodeHexDump("0a818040"))))
        .hasCauseInstanceOf(MuxException.class).hasMessageContaining("1 MiB");
    a.finishAndReleaseAll();
    EmbeddedChannel b = new EmbeddedChannel(new MplexFrameDecoder());
    assertThatThrownBy(() -> b.writeInbound(Unpooled.wrappedBuffer(ByteBufUtil.decodeHexDump("0f00"))))
        .hasCauseInstanceOf(MuxException.class).hasMessageContaining("unknown flag 7");
    b.finishAndReleaseAll();
    EmbeddedChannel c = new EmbeddedChannel(new MplexFrameDecoder());
    assertThatThrownBy(() -> c.writeInbound(Unpooled.wrappedBuffer(ByteBufUtil.decodeHexDump("ffffffffffffffffff00"))))
        .hasCauseInstanceOf(MuxException.class).hasMessageContaining("varint");
    c.finishAndReleaseAll();
  }
}
