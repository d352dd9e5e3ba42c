package venus.market.p2p.yamux;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.util.ReferenceCounted;

/**
 * One yamux frame: 12-byte header (version 0, type, flags, stream id, length) and, for Data frames, {@code length}
 * payload bytes. For WindowUpdate the length is the window delta, for Ping the opaque value, for GoAway the code.
 * Owns {@code data} (released with the frame).
 */
public record YamuxFrame(int type, int flags, int streamId, long length, ByteBuf data) implements ReferenceCounted {

  public static final int HEADER_LENGTH = 12;
  public static final int TYPE_DATA = 0;
  public static final int TYPE_WINDOW_UPDATE = 1;
  public static final int TYPE_PING = 2;
  public static final int TYPE_GO_AWAY = 3;
  public static final int FLAG_SYN = 1;
  public static final int FLAG_ACK = 2;
  public static final int FLAG_FIN = 4;
  public static final int FLAG_RST = 8;
  public static final int GO_AWAY_NORMAL = 0;
  public static final int GO_AWAY_PROTOCOL_ERROR = 1;
  public static final int GO_AWAY_INTERNAL_ERROR = 2;

  public static YamuxFrame data(int streamId, int flags, ByteBuf data) {
    return new YamuxFrame(TYPE_DATA, flags, streamId, data.readableBytes(), data);
  }

  public static YamuxFrame windowUpdate(int streamId, int flags, long delta) {
    return new YamuxFrame(TYPE_WINDOW_UPDATE, flags, streamId, delta, Unpooled.EMPTY_BUFFER);
  }

  public static YamuxFrame ping(int flags, long opaque) {
    return new YamuxFrame(TYPE_PING, flags, 0, opaque, Unpooled.EMPTY_BUFFER);
  }

  public static YamuxFrame goAway(int code) {
    return new YamuxFrame(TYPE_GO_AWAY, 0, 0, code, Unpooled.EMPTY_BUFFER);
  }

  public boolean has(int flag) {
    return (flags & flag) != 0;
  }

  @Override
  public int refCnt() {
    return data.refCnt();
  }

  @Override
  public YamuxFrame retain() {
    data.retain();
    return this;
  }

  @Override
  public YamuxFrame retain(int increment) {
    data.retain(increment);
    return this;
  }

  @Override
  public YamuxFrame touch() {
    data.touch();
    return this;
  }

  @Override
  public YamuxFrame touch(Object hint) {
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
    return "YamuxFrame{type=" + type + ", flags=" + flags + ", stream=" + streamId + ", length=" + length + "}";
  }
}
