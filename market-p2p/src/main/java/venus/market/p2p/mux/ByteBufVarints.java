package venus.market.p2p.mux;

import io.netty.buffer.ByteBuf;
import venus.market.core.multiformats.Varint;

/**
 * Frame decoders see partial input; this tells "varint not complete yet" apart from "malformed" and then leaves the
 * decoding itself to {@link Varint}.
 */
public final class ByteBufVarints {

  private ByteBufVarints() {}

  /** Length of the varint at the reader index, or -1 if more bytes are needed. Does not move the reader index. */
  public static int completeLength(ByteBuf in) {
    int limit = Math.min(in.readableBytes(), Varint.MAX_BYTES);
    for (int i = 0; i < limit; i++) {
      if ((in.getByte(in.readerIndex() + i) & 0x80) == 0) {
        return i + 1;
      }
    }
    return limit == Varint.MAX_BYTES ? Varint.MAX_BYTES : -1;
  }

  /** Reads a varint known to be complete (see {@link #completeLength}); malformed ones throw MultiformatsException. */
  public static long read(ByteBuf in, int length) {
    byte[] b = new byte[length];
    in.readBytes(b);
    Varint.Decoded d = Varint.decode(b, 0);
    return d.value();
  }

  public static void write(ByteBuf out, long value) {
    out.writeBytes(Varint.encode(value));
  }
}
