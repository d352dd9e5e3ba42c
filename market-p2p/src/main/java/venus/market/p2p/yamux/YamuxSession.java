package venus.market.p2p.yamux;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import venus.market.p2p.mux.MuxSession;
import venus.market.p2p.mux.MuxSettings;
import venus.market.p2p.mux.MuxedStream;
import venus.market.p2p.peer.PeerId;

/**
 * yamux session ({@code /yamux/1.0.0}): stream table, SYN/ACK/FIN/RST, windows, pings and go-away. The side that
 * dialled uses odd stream ids. Our receive window stays at the configured size (no auto-tuning); the peer's
 * windows start at 256 KiB as the spec fixes.
 */
public final class YamuxSession extends MuxSession {

  public static final String PROTOCOL_ID = "/yamux/1.0.0";
  private static final Logger LOG = LoggerFactory.getLogger(YamuxSession.class);

  private final AtomicInteger nextId;
  private volatile boolean goAwayReceived;
  private volatile boolean goAwaySent;

  public YamuxSession(boolean initiator, PeerId remotePeer, MuxSettings settings) {
    super(initiator, remotePeer, settings);
    this.nextId = new AtomicInteger(initiator ? 1 : 2);
  }

  @Override
  public String protocolId() {
    return PROTOCOL_ID;
  }

  int window() {
    return settings.yamuxWindow();
  }

  @Override
  public MuxedStream openStream() throws IOException {
    if (!isOpen()) {
      throw new IOException("yamux session with " + remotePeer + " is closed");
    }
    if (goAwayReceived) {
      throw new IOException("yamux session with " + remotePeer + " received go-away; open a new connection");
    }
    if (streams.size() >= settings.maxStreams()) {
      throw new IOException("yamux session with " + remotePeer + " has " + streams.size() + " streams, the limit");
    }
    int id = nextId.getAndAdd(2);
    if (id < 0) {
      throw new IOException("yamux stream ids exhausted on the connection to " + remotePeer);
    }
    YamuxStream s = new YamuxStream(this, id, true, window());
    streams.put((long) id, s);
    int extra = window() - MuxSettings.YAMUX_INITIAL_WINDOW;
    write(YamuxFrame.windowUpdate(id, s.takeOpenFlags(), Math.max(0, extra)));
    return s;
  }

  @Override
  public void close() {
    if (channel == null) {
      return;
    }
    closed = true;
    if (!goAwaySent && channel.isActive()) {
      goAwaySent = true;
      channel.writeAndFlush(YamuxFrame.goAway(YamuxFrame.GO_AWAY_NORMAL)).addListener(ChannelFutureListener.CLOSE);
    } else {
      channel.close();
    }
  }

  void write(YamuxFrame f) {
    if (channel != null && channel.isActive()) {
      channel.writeAndFlush(f, channel.voidPromise());
    } else {
      f.release();
    }
  }

  void awaitWritableFor(YamuxStream s, long timeoutNanos) throws IOException {
    awaitWritable(s, timeoutNanos);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof YamuxFrame f)) {
      ctx.fireChannelRead(msg);
      return;
    }
    try {
      handle(ctx, f);
    } finally {
      f.release();
    }
  }

  private void handle(ChannelHandlerContext ctx, YamuxFrame f) {
    if (closed) {
      return;
    }
    switch (f.type()) {
      case YamuxFrame.TYPE_PING -> {
        if (f.streamId() != 0) {
          goAway(ctx, "ping on stream " + f.streamId() + " (must be 0)");
        } else if (f.has(YamuxFrame.FLAG_SYN)) {
          write(YamuxFrame.ping(YamuxFrame.FLAG_ACK, f.length()));
        }
      }
      case YamuxFrame.TYPE_GO_AWAY -> {
        goAwayReceived = true;
        LOG.debug("yamux go-away from {} (code {})", remotePeer, f.length());
      }
      default -> handleStreamFrame(ctx, f);
    }
  }

  private void handleStreamFrame(ChannelHandlerContext ctx, YamuxFrame f) {
    int id = f.streamId();
    if (id == 0) {
      goAway(ctx, "data/window frame on session stream 0");
      return;
    }
    YamuxStream s = (YamuxStream) streams.get((long) id);
    if (f.has(YamuxFrame.FLAG_SYN)) {
      if (s != null) {
        goAway(ctx, "SYN for stream " + Integer.toUnsignedString(id) + " which is already open");
        return;
      }
      boolean theirs = (id & 1) == (initiator ? 0 : 1);
      if (!theirs) {
        goAway(ctx, "peer opened stream " + Integer.toUnsignedString(id) + " with our parity");
        return;
      }
      if (goAwaySent || streams.size() >= settings.maxStreams()) {
        LOG.debug("yamux: refusing stream {} from {}: {} streams open (limit {})", Integer.toUnsignedString(id), remotePeer,
            streams.size(), settings.maxStreams());
        write(YamuxFrame.windowUpdate(id, YamuxFrame.FLAG_RST, 0));
        return;
      }
      s = new YamuxStream(this, id, false, window());
      streams.put((long) id, s);
      int extra = window() - MuxSettings.YAMUX_INITIAL_WINDOW;
      // Acknowledge at once (go-yamux does), so the opener's ACK wait and our window grant are done with.
      write(YamuxFrame.windowUpdate(id, s.takeOpenFlags(), Math.max(0, extra)));
      applyStreamFrame(ctx, s, f);
      if (!s.isReset()) {
        acceptInbound(s);
      }
      return;
    }
    if (s == null) {
      // A late frame for a stream already closed or reset on our side; data is dropped (nothing to credit).
      return;
    }
    applyStreamFrame(ctx, s, f);
  }

  private void applyStreamFrame(ChannelHandlerContext ctx, YamuxStream s, YamuxFrame f) {
    if (f.has(YamuxFrame.FLAG_RST)) {
      s.onReset("reset by peer");
      return;
    }
    if (f.type() == YamuxFrame.TYPE_WINDOW_UPDATE) {
      if (f.length() > 0) {
        s.addSendWindow(f.length());
      }
    } else {
      if (!s.consumeRecvWindow(f.length())) {
        goAway(ctx, "stream " + s.id() + " sent " + f.length() + " bytes beyond its receive window");
        return;
      }
      if (!s.deliverData(f.data())) {
        s.reset(); // over the host's memory budget (logged and counted there), as go-libp2p's resource manager does
        return;
      }
    }
    if (f.has(YamuxFrame.FLAG_FIN)) {
      s.remoteFin();
    }
  }

  private void goAway(ChannelHandlerContext ctx, String reason) {
    if (!goAwaySent && ctx.channel().isActive()) {
      goAwaySent = true;
      ctx.writeAndFlush(YamuxFrame.goAway(YamuxFrame.GO_AWAY_PROTOCOL_ERROR));
    }
    protocolError(ctx, reason);
  }
}
