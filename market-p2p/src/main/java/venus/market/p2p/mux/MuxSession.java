package venus.market.p2p.mux;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import venus.market.p2p.peer.PeerId;

/**
 * A multiplexed session on one secured connection, the last handler of its pipeline. Keeps the stream table,
 * hands inbound streams to the host, enforces the stream limit and lets writers wait for socket writability so
 * a slow peer cannot make us buffer without bound.
 */
public abstract class MuxSession extends ChannelInboundHandlerAdapter {

  private static final Logger LOG = LoggerFactory.getLogger(MuxSession.class);

  protected final boolean initiator;
  protected final PeerId remotePeer;
  protected final MuxSettings settings;
  protected final Map<Long, MuxedStream> streams = new ConcurrentHashMap<>();
  private final ReentrantLock writeLock = new ReentrantLock();
  private final Condition writable = writeLock.newCondition();
  private volatile Consumer<MuxedStream> inboundStreamListener = s -> s.reset();
  private volatile StreamMemory memory = StreamMemory.UNLIMITED;
  protected volatile Channel channel;
  protected volatile boolean closed;

  protected MuxSession(boolean initiator, PeerId remotePeer, MuxSettings settings) {
    this.initiator = initiator;
    this.remotePeer = remotePeer;
    this.settings = settings;
  }

  /** The muxer's protocol id, e.g. {@code /yamux/1.0.0}. */
  public abstract String protocolId();

  /** Opens a new outbound stream (no protocol negotiated yet). */
  public abstract MuxedStream openStream() throws IOException;

  /** Sends the muxer's goodbye (if any) and closes the connection. */
  public abstract void close();

  public void setInboundStreamListener(Consumer<MuxedStream> listener) {
    this.inboundStreamListener = listener;
  }

  /**
   * The budget for bytes received and not yet read on this connection's streams. Set it before the first stream
   * exists: each stream keeps the budget it started with, so what it reserved goes back to the same one.
   */
  public void setStreamMemory(StreamMemory memory) {
    this.memory = memory;
  }

  StreamMemory streamMemory() {
    return memory;
  }

  public PeerId remotePeer() {
    return remotePeer;
  }

  public Duration defaultTimeout() {
    return settings.streamTimeout();
  }

  public boolean isOpen() {
    return !closed && channel != null && channel.isActive();
  }

  public int streamCount() {
    return streams.size();
  }

  public Channel channel() {
    return channel;
  }

  void removeStream(MuxedStream s) {
    streams.remove(key(s), s);
  }

  /** Map key of a stream; mplex needs the opener in it as both sides number their own streams. */
  protected long key(MuxedStream s) {
    return s.id();
  }

  protected void acceptInbound(MuxedStream s) {
    inboundStreamListener.accept(s);
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    channel = ctx.channel();
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    signalWritable();
    ctx.fireChannelWritabilityChanged();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    closed = true;
    for (MuxedStream s : new ArrayList<>(streams.values())) {
      s.onReset("connection closed");
    }
    streams.clear();
    signalWritable();
    ctx.fireChannelInactive();
  }

  private void signalWritable() {
    writeLock.lock();
    try {
      writable.signalAll();
    } finally {
      writeLock.unlock();
    }
  }

  /** Blocks (never on the event loop) until the socket's outbound buffer drains below its high-water mark. */
  protected void awaitWritable(MuxedStream s, long timeoutNanos) throws IOException {
    Channel ch = channel;
    if (ch.eventLoop().inEventLoop()) {
      return;
    }
    long deadline = System.nanoTime() + timeoutNanos;
    writeLock.lock();
    try {
      while (!ch.isWritable()) {
        if (!ch.isActive()) {
          throw new IOException("connection to " + remotePeer + " is closed");
        }
        s.checkWritable();
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new SocketTimeoutException("write to " + remotePeer + " stalled for "
              + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms (peer not reading)");
        }
        try {
          writable.awaitNanos(Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new java.io.InterruptedIOException("interrupted while writing to " + remotePeer);
        }
      }
    } finally {
      writeLock.unlock();
    }
  }

  /** Fatal protocol error by the peer: log why, say goodbye if the muxer can, close. */
  protected void protocolError(ChannelHandlerContext ctx, String reason) {
    LOG.info("closing {} session with {} ({}): {}", protocolId(), remotePeer, ctx.channel().remoteAddress(), reason);
    closed = true;
    ctx.close();
  }
}
