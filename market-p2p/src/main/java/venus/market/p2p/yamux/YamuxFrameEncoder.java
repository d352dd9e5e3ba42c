package venus.market.p2p.yamux;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageEncoder;
import java.util.List;

/** {@link YamuxFrame} → one buffer: header then payload (the payload is not copied). */
public final class YamuxFrameEncoder extends MessageToMessageEncoder<YamuxFrame> {

  @Override
  protected void encode(ChannelHandlerContext ctx, YamuxFrame f, List<Object> out) {
    ByteBuf header = ctx.alloc().buffer(YamuxFrame.HEADER_LENGTH);
    header.writeByte(0);
    header.writeByte(f.type());
    header.writeShort(f.flags());
    header.writeInt(f.streamId());
    header.writeInt((int) f.length());
    if (f.data().isReadable()) {
      // One buffer per frame, so the Noise codec below seals header and payload in one transport message.
      out.add(ctx.alloc().compositeBuffer(2).addComponents(true, header, f.data().retain()));
    } else {
      out.add(header);
    }
  }
}
