package venus.market.p2p.host;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import venus.market.p2p.P2pException;
import venus.market.p2p.mplex.MplexFrameDecoder;
import venus.market.p2p.mplex.MplexFrameEncoder;
import venus.market.p2p.mplex.MplexSession;
import venus.market.p2p.multiaddr.Multiaddr;
import venus.market.p2p.multistream.MultistreamHandler;
import venus.market.p2p.mux.MuxSession;
import venus.market.p2p.noise.NoiseHandshakeHandler;
import venus.market.p2p.noise.NoiseTransportCodec;
import venus.market.p2p.noise.SecureSession;
import venus.market.p2p.peer.PeerId;
import venus.market.p2p.yamux.YamuxFrameDecoder;
import venus.market.p2p.yamux.YamuxFrameEncoder;
import venus.market.p2p.yamux.YamuxSession;

/**
 * Turns a fresh TCP channel into a {@link Connection}: multistream-select {@code /noise} → Noise XX →
 * multistream-select of the muxer inside Noise → muxer session. Each stage installs the next and removes
 * itself. The whole upgrade has one deadline; any failure closes the channel with the reason logged.
 */
final class ConnectionUpgrader {

  private static final Logger LOG = LoggerFactory.getLogger(ConnectionUpgrader.class);
  static final String ERRORS = "errors";

  private final HostConfig config;
  private final Consumer<Connection> onConnection;

  ConnectionUpgrader(HostConfig config, Consumer<Connection> onConnection) {
    this.config = config;
    this.onConnection = onConnection;
  }

  /**
   * @param expectedPeer when dialling, the peer we mean to reach (else null)
   * @param result completed with the connection, or exceptionally with why the upgrade failed
   */
  void configure(Channel ch, boolean initiator, PeerId expectedPeer, CompletableFuture<Connection> result) {
    ch.pipeline().addLast("ms-security", new MultistreamHandler(initiator, List.of(NoiseHandshakeHandler.PROTOCOL_ID),
        (ctx, proto) -> ctx.pipeline().addAfter(ctx.name(), "noise-handshake",
            new NoiseHandshakeHandler(initiator, config.identity(), expectedPeer,
                (c, sec) -> onSecured(c, initiator, sec, result)))));
    ch.pipeline().addLast(ERRORS, new ErrorHandler(result));
    long timeoutMs = config.handshakeTimeout().toMillis();
    ScheduledFuture<?> timer = ch.eventLoop().schedule(() -> {
      if (!result.isDone()) {
        String why = "connection upgrade (multistream, noise, muxer) not completed within " + timeoutMs + " ms";
        LOG.info("closing connection {} : {}", ch.remoteAddress(), why);
        result.completeExceptionally(new P2pException(why + " with " + ch.remoteAddress()));
        ch.close();
      }
    }, timeoutMs, TimeUnit.MILLISECONDS);
    result.whenComplete((c, e) -> timer.cancel(false));
  }

  private void onSecured(ChannelHandlerContext ctx, boolean initiator, SecureSession sec, CompletableFuture<Connection> result) {
    ctx.pipeline().addAfter(ctx.name(), "noise", new NoiseTransportCodec(sec.sendCipher(), sec.receiveCipher()));
    ctx.pipeline().addAfter("noise", "ms-muxer", new MultistreamHandler(initiator, config.muxers(),
        (c, muxer) -> onMuxer(c, initiator, muxer, sec, result)));
  }

  private void onMuxer(ChannelHandlerContext ctx, boolean initiator, String muxer, SecureSession sec,
      CompletableFuture<Connection> result) {
    MuxSession session;
    if (muxer.equals(YamuxSession.PROTOCOL_ID)) {
      session = new YamuxSession(initiator, sec.remotePeer(), config.mux());
      ctx.pipeline().addAfter(ctx.name(), "mux-decoder", new YamuxFrameDecoder(config.mux().yamuxWindow()));
      ctx.pipeline().addAfter("mux-decoder", "mux-encoder", new YamuxFrameEncoder());
    } else {
      session = new MplexSession(initiator, sec.remotePeer(), config.mux());
      ctx.pipeline().addAfter(ctx.name(), "mux-decoder", new MplexFrameDecoder());
      ctx.pipeline().addAfter("mux-decoder", "mux-encoder", new MplexFrameEncoder());
    }
    ctx.pipeline().addAfter("mux-encoder", "mux-session", session);
    Channel ch = ctx.channel();
    Multiaddr remote = ch.remoteAddress() instanceof InetSocketAddress a ? Multiaddr.tcp(a) : null;
    Connection conn = new Connection(ch, sec.remotePeer(), sec.remoteKey(), remote, initiator, session);
    ch.pipeline().get(ErrorHandler.class).connection = conn;
    if (result.isDone()) {
      ch.close(); // the deadline passed meanwhile
      return;
    }
    // The host registers the connection before the dialler wakes up, so that a Host.connection(peer) or
    // Host.identify(peer) right after connect() finds it (and a second connect() does not dial again).
    onConnection.accept(conn);
    if (!result.complete(conn)) {
      ch.close(); // the dialler gave up meanwhile
    }
  }

  /** Last handler: logs why a connection dies and fails a pending upgrade. */
  private static final class ErrorHandler extends ChannelInboundHandlerAdapter {
    private final CompletableFuture<Connection> result;
    volatile Connection connection;

    ErrorHandler(CompletableFuture<Connection> result) {
      this.result = result;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      Throwable root = cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
      String who = connection != null ? connection.remotePeer().toString() : "unauthenticated peer";
      if (root instanceof IOException) {
        LOG.debug("connection {} ({}) failed: {}", ctx.channel().remoteAddress(), who, root.toString());
      } else {
        LOG.info("closing connection {} ({}): {}", ctx.channel().remoteAddress(), who, root.getMessage());
      }
      result.completeExceptionally(root);
      ctx.close();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      ReferenceCountUtil.release(msg);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      result.completeExceptionally(new IOException("connection " + ctx.channel().remoteAddress() + " closed during upgrade"));
      ctx.fireChannelInactive();
    }
  }
}
