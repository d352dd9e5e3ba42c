package venus.market.p2p.multistream;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * multistream-select on a whole connection (security protocol on the raw socket, muxer inside Noise). When a
 * protocol is agreed it calls {@code onSelected}, which installs the next handlers after this one, and removes
 * itself; bytes that followed the agreement are passed on to those handlers.
 */
public final class MultistreamHandler extends ByteToMessageDecoder {

  /** A peer proposing more than this many protocols is not negotiating in good faith. */
  private static final int MAX_ATTEMPTS = 32;

  private final boolean initiator;
  private final List<String> protocols;
  private final BiConsumer<ChannelHandlerContext, String> onSelected;
  private boolean started;
  private boolean headerReceived;
  private int proposal;
  private int attempts;
  private boolean done;

  /**
   * @param protocols initiator: ours in order of preference; listener: the ones we accept
   */
  public MultistreamHandler(boolean initiator, List<String> protocols, BiConsumer<ChannelHandlerContext, String> onSelected) {
    this.initiator = initiator;
    this.protocols = List.copyOf(protocols);
    this.onSelected = onSelected;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    if (ctx.channel().isActive()) {
      start(ctx);
    }
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    start(ctx);
    super.channelActive(ctx);
  }

  private void start(ChannelHandlerContext ctx) {
    if (started) {
      return;
    }
    started = true;
    ByteBuf out = Unpooled.buffer();
    out.writeBytes(Multistream.encode(Multistream.PROTOCOL_ID));
    if (initiator) {
      // go-libp2p also sends the header and its first choice in one write.
      out.writeBytes(Multistream.encode(protocols.get(0)));
    }
    ctx.writeAndFlush(out);
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    while (!done) {
      String msg;
      try {
        msg = Multistream.tryDecode(in);
      } catch (MultistreamException e) {
        in.skipBytes(in.readableBytes());
        throw e;
      }
      if (msg == null) {
        return;
      }
      if (!headerReceived) {
        if (!msg.equals(Multistream.PROTOCOL_ID)) {
          in.skipBytes(in.readableBytes());
          throw new MultistreamException("multistream: expected header " + Multistream.PROTOCOL_ID + ", got \""
              + abbreviate(msg) + "\"");
        }
        headerReceived = true;
        continue;
      }
      if (initiator) {
        onInitiatorReply(ctx, in, msg);
      } else {
        onProposal(ctx, in, msg);
      }
    }
  }

  private void onInitiatorReply(ChannelHandlerContext ctx, ByteBuf in, String msg) {
    if (msg.equals(protocols.get(proposal))) {
      select(ctx, msg);
    } else if (msg.equals(Multistream.NA)) {
      proposal++;
      if (proposal >= protocols.size()) {
        in.skipBytes(in.readableBytes());
        throw new MultistreamException("multistream: peer supports none of " + protocols);
      }
      ctx.writeAndFlush(Unpooled.wrappedBuffer(Multistream.encode(protocols.get(proposal))));
    } else {
      in.skipBytes(in.readableBytes());
      throw new MultistreamException("multistream: expected \"" + protocols.get(proposal) + "\" or \"na\", got \""
          + abbreviate(msg) + "\"");
    }
  }

  private void onProposal(ChannelHandlerContext ctx, ByteBuf in, String msg) {
    if (++attempts > MAX_ATTEMPTS) {
      in.skipBytes(in.readableBytes());
      throw new MultistreamException("multistream: peer made more than " + MAX_ATTEMPTS + " proposals");
    }
    if (protocols.contains(msg)) {
      ctx.writeAndFlush(Unpooled.wrappedBuffer(Multistream.encode(msg)));
      select(ctx, msg);
    } else if (msg.equals(Multistream.LS)) {
      ctx.writeAndFlush(Unpooled.wrappedBuffer(Multistream.encodeList(protocols)));
    } else {
      ctx.writeAndFlush(Unpooled.wrappedBuffer(Multistream.encode(Multistream.NA)));
    }
  }

  private void select(ChannelHandlerContext ctx, String protocol) {
    done = true;
    onSelected.accept(ctx, protocol);
    ctx.pipeline().remove(this);
  }

  private static String abbreviate(String s) {
    return s.length() <= 64 ? s : s.substring(0, 64) + "…";
  }
}
