package venus.market.p2p.mplex;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import venus.market.p2p.mux.MuxSession;
import venus.market.p2p.mux.MuxSettings;
import venus.market.p2p.mux.MuxedStream;
import venus.market.p2p.peer.PeerId;

/**
 * mplex session ({@code /mplex/6.7.0}, deprecated, for old and JS peers). Each side numbers the streams it opens
 * from 0; a frame's flag says whether the sender opened the stream, so the table key includes that.
 */
public final class MplexSession extends MuxSession {

  public static final String PROTOCOL_ID = "/mplex/6.7.0";
  private static final Logger LOG = LoggerFactory.getLogger(MplexSession.class);
  /** Ids a peer may use; bounds the key arithmetic. */
  private static final long MAX_ID = 1L << 60;

  private final AtomicLong nextId = new AtomicLong();

  public MplexSession(boolean initiator, PeerId remotePeer, MuxSettings settings) {
    super(initiator, remotePeer, settings);
  }

  @Override
  public String protocolId() {
    return PROTOCOL_ID;
  }

  @Override
  protected long key(MuxedStream s) {
    return key(s.id(), s.locallyOpened());
  }

  private static long key(long id, boolean locallyOpened) {
    return (id << 1) | (locallyOpened ? 1 : 0);
  }

  @Override
  public MuxedStream openStream() throws IOException {
    if (!isOpen()) {
      throw new IOException("mplex session with " + remotePeer + " is closed");
    }
    if (streams.size() >= settings.maxStreams()) {
      throw new IOException("mplex session with " + remotePeer + " has " + streams.size() + " streams, the limit");
    }
    long id = nextId.getAndIncrement();
    MplexStream s = new MplexStream(this, id, true);
    streams.put(key(id, true), s);
    write(new MplexFrame(id, MplexFrame.NEW_STREAM, Unpooled.copiedBuffer(Long.toString(id).getBytes(java.nio.charset.StandardCharsets.US_ASCII))));
    return s;
  }

  @Override
  public void close() {
    closed = true;
    if (channel != null) {
      channel.close();
    }
  }

  void write(MplexFrame f) {
    if (channel != null && channel.isActive()) {
      channel.writeAndFlush(f, channel.voidPromise());
    } else {
      f.release();
    }
  }

  void awaitWritableFor(MplexStream s, long timeoutNanos) throws IOException {
    awaitWritable(s, timeoutNanos);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof MplexFrame f)) {
      ctx.fireChannelRead(msg);
      return;
    }
    try {
      handle(ctx, f);
    } finally {
      f.release();
    }
  }

  private void handle(ChannelHandlerContext ctx, MplexFrame f) {
    if (closed) {
      return;
    }
    if (f.streamId() >= MAX_ID) {
      protocolError(ctx, "stream id " + f.streamId() + " is out of range");
      return;
    }
    // A frame the peer sends as the stream's opener refers to a stream the peer opened.
    boolean locallyOpened = !f.fromInitiator();
    long k = key(f.streamId(), locallyOpened);
    MplexStream s = (MplexStream) streams.get(k);
    switch (f.flag()) {
      case MplexFrame.NEW_STREAM -> {
        if (s != null) {
          protocolError(ctx, "peer reopened stream " + f.streamId());
          return;
        }
        if (streams.size() >= settings.maxStreams()) {
          LOG.debug("mplex: refusing stream {} from {}: {} streams open (limit {})", f.streamId(), remotePeer,
              streams.size(), settings.maxStreams());
          write(new MplexFrame(f.streamId(), MplexFrame.RESET_RECEIVER, Unpooled.EMPTY_BUFFER));
          return;
        }
        s = new MplexStream(this, f.streamId(), false);
        streams.put(k, s);
        acceptInbound(s);
      }
      case MplexFrame.MESSAGE_INITIATOR, MplexFrame.MESSAGE_RECEIVER -> {
        if (s == null) {
          return; // late data for a stream we already reset or closed
        }
        long buffered = s.deliverData(f.data());
        if (buffered == MplexStream.OVER_BUDGET) {
          s.reset(); // the budget logged and counted it; mplex cannot tell the peer to slow down
        } else if (buffered > settings.mplexMaxBuffered()) {
          LOG.debug("mplex: resetting stream {} from {}: more than {} unread bytes", f.streamId(), remotePeer,
              settings.mplexMaxBuffered());
          s.reset();
        }
      }
      case MplexFrame.CLOSE_INITIATOR, MplexFrame.CLOSE_RECEIVER -> {
        if (s != null) {
          s.remoteClose();
        }
      }
      default -> {
        if (s != null) {
          s.onReset("reset by peer");
        }
      }
    }
  }
}
