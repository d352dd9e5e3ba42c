package venus.market.p2p.yamux;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageEncoder;
import java.util.List;

/** {@link YamuxFrame} → header buffer followed by the payload (no copy of the payload). */
public final class YamuxFrameEncoder extends MessageToMessageEncoder<YamuxFrame> {

  @Override
  protected void encode(ChannelHandlerContext ctx, YamuxFrame f, List<Object> out) {
    ByteBuf header = ctx.alloc().buffer(YamuxFrame.HEADER_LENGTH);
    header.writeByte(0);
    header.writeByte(f.type());
    header.writeShort(f.flags());
    header.writeInt(f.streamId());
    header.writeInt((int) f.length());
    out.add(header);
    if (f.data().isReadable()) {
      out.add(f.data().retain());
    }
  }
}
