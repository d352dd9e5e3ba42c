package venus.market.p2p.mplex;

import io.netty.buffer.ByteBuf;
import io.netty.util.ReferenceCounted;

/**
 * One mplex frame: {@code uvarint(streamId << 3 | flag) ‖ uvarint(length) ‖ data}. Owns {@code data}.
 */
public record MplexFrame(long streamId, int flag, ByteBuf data) implements ReferenceCounted {

  public static final int NEW_STREAM = 0;
  public static final int MESSAGE_RECEIVER = 1;
  public static final int MESSAGE_INITIATOR = 2;
  public static final int CLOSE_RECEIVER = 3;
  public static final int CLOSE_INITIATOR = 4;
  public static final int RESET_RECEIVER = 5;
  public static final int RESET_INITIATOR = 6;
  /** Max payload per frame (the mplex spec's 1 MiB). */
  public static final int MAX_DATA_LENGTH = 1 << 20;

  /** Whether the flag is one the side that opened the stream sends. */
  public boolean fromInitiator() {
    return flag == NEW_STREAM || flag == MESSAGE_INITIATOR || flag == CLOSE_INITIATOR || flag == RESET_INITIATOR;
  }

  @Override
  public int refCnt() {
    return data.refCnt();
  }

  @Override
  public MplexFrame retain() {
    data.retain();
    return this;
  }

  @Override
  public MplexFrame retain(int increment) {
    data.retain(increment);
    return this;
  }

  @Override
  public MplexFrame touch() {
    data.touch();
    return this;
  }

  @Override
  public MplexFrame touch(Object hint) {
    data.touch(hint);
    return this;
  }

  @Override
  public boolean release() {
    return data.release();
  }

  @Override
  public boolean release(int decrement) {
    return data.release(decrement);
  }

  @Override
  public String toString() {
    return "MplexFrame{stream=" + streamId + ", flag=" + flag + ", length=" + data.readableBytes() + "}";
  }
}
