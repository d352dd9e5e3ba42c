package venus.market.p2p.mplex;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageEncoder;
import java.util.List;
import venus.market.p2p.mux.ByteBufVarints;

/** {@link MplexFrame} → header varints followed by the payload. */
public final class MplexFrameEncoder extends MessageToMessageEncoder<MplexFrame> {

  @Override
  protected void encode(ChannelHandlerContext ctx, MplexFrame f, List<Object> out) {
    ByteBuf header = ctx.alloc().buffer(20);
    ByteBufVarints.write(header, (f.streamId() << 3) | f.flag());
    ByteBufVarints.write(header, f.data().readableBytes());
    if (f.data().isReadable()) {
      out.add(ctx.alloc().compositeBuffer(2).addComponents(true, header, f.data().retain()));
    } else {
      out.add(header);
    }
  }
}
