package venus.market.p2p.mplex;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;
import venus.market.core.multiformats.MultiformatsException;
import venus.market.p2p.mux.ByteBufVarints;
import venus.market.p2p.mux.MuxException;

/** Bytes → {@link MplexFrame}; refuses unknown flags and frames over 1 MiB. */
public final class MplexFrameDecoder extends ByteToMessageDecoder {

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    while (in.isReadable()) {
      int start = in.readerIndex();
      int headerLen = ByteBufVarints.completeLength(in);
      if (headerLen < 0) {
        return;
      }
      try {
        long header = ByteBufVarints.read(in, headerLen);
        int lengthLen = ByteBufVarints.completeLength(in);
        if (lengthLen < 0) {
          in.readerIndex(start);
          return;
        }
        long length = ByteBufVarints.read(in, lengthLen);
        int flag = (int) (header & 7);
        if (flag > MplexFrame.RESET_INITIATOR) {
          throw new MuxException("mplex: unknown flag " + flag + " on stream " + (header >>> 3));
        }
        if (length > MplexFrame.MAX_DATA_LENGTH) {
          throw new MuxException("mplex: frame of " + length + " bytes on stream " + (header >>> 3)
              + " exceeds the 1 MiB limit");
        }
        if (in.readableBytes() < length) {
          in.readerIndex(start);
          return;
        }
        out.add(new MplexFrame(header >>> 3, flag, in.readRetainedSlice((int) length)));
      } catch (MuxException e) {
        in.skipBytes(in.readableBytes());
        throw e;
      } catch (MultiformatsException e) {
        in.skipBytes(in.readableBytes());
        throw new MuxException("mplex: malformed varint in frame header: " + e.getMessage(), e);
      }
    }
  }
}
