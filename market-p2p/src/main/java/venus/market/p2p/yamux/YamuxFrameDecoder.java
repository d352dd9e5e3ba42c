package venus.market.p2p.yamux;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;
import venus.market.p2p.mux.MuxException;

/** Bytes → {@link YamuxFrame}. Refuses unknown versions and types and Data frames longer than {@code maxDataLength}. */
public final class YamuxFrameDecoder extends ByteToMessageDecoder {

  private final int maxDataLength;

  public YamuxFrameDecoder(int maxDataLength) {
    this.maxDataLength = maxDataLength;
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    try {
      decodeFrames(in, out);
    } catch (MuxException e) {
      in.skipBytes(in.readableBytes()); // the session is over; do not decode the rest again on close
      throw e;
    }
  }

  private void decodeFrames(ByteBuf in, List<Object> out) {
    while (in.readableBytes() >= YamuxFrame.HEADER_LENGTH) {
      int start = in.readerIndex();
      int version = in.getUnsignedByte(start);
      int type = in.getUnsignedByte(start + 1);
      int flags = in.getUnsignedShort(start + 2);
      int streamId = in.getInt(start + 4);
      long length = in.getUnsignedInt(start + 8);
      if (version != 0) {
        throw new MuxException("yamux: unsupported version " + version + " (expected 0)");
      }
      if (type > YamuxFrame.TYPE_GO_AWAY) {
        throw new MuxException("yamux: unknown frame type " + type);
      }
      if (type != YamuxFrame.TYPE_DATA) {
        in.skipBytes(YamuxFrame.HEADER_LENGTH);
        out.add(new YamuxFrame(type, flags, streamId, length, io.netty.buffer.Unpooled.EMPTY_BUFFER));
        continue;
      }
      if (length > maxDataLength) {
        throw new MuxException("yamux: data frame of " + length + " bytes on stream " + Integer.toUnsignedString(streamId)
            + " exceeds the limit of " + maxDataLength);
      }
      if (in.readableBytes() < YamuxFrame.HEADER_LENGTH + length) {
        return;
      }
      in.skipBytes(YamuxFrame.HEADER_LENGTH);
      out.add(new YamuxFrame(type, flags, streamId, length, in.readRetainedSlice((int) length)));
    }
  }
}
