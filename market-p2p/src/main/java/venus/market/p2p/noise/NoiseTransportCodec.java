package venus.market.p2p.noise;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageCodec;
import java.util.List;

/**
 * Noise transport messages after the handshake: inbound {@code u16 length ‖ ciphertext} → plaintext buffers;
 * outbound plaintext → frames of at most 65535 bytes (65519 of plaintext plus the tag).
 */
public final class NoiseTransportCodec extends ByteToMessageCodec<ByteBuf> {

  public static final int MAX_PLAINTEXT = NoiseHandshakeHandler.MAX_FRAME - CipherState.TAG_LENGTH;

  private final CipherState send;
  private final CipherState receive;
  // Reused across messages (encode and decode both run on the channel's event loop, each with its own array).
  private final byte[] plainScratch = new byte[MAX_PLAINTEXT];
  private final byte[] cipherScratch = new byte[NoiseHandshakeHandler.MAX_FRAME];
  private final byte[] inboundScratch = new byte[NoiseHandshakeHandler.MAX_FRAME];

  public NoiseTransportCodec(CipherState send, CipherState receive) {
    this.send = send;
    this.receive = receive;
  }

  @Override
  protected void encode(ChannelHandlerContext ctx, ByteBuf msg, ByteBuf out) {
    int total = msg.readableBytes();
    // Size the output once: Netty starts it at 256 bytes and would otherwise regrow (and copy) it per frame.
    out.ensureWritable(total + ((total + MAX_PLAINTEXT - 1) / MAX_PLAINTEXT) * (2 + CipherState.TAG_LENGTH));
    while (msg.isReadable()) {
      int n = Math.min(msg.readableBytes(), MAX_PLAINTEXT);
      msg.readBytes(plainScratch, 0, n);
      int c = send.encryptWithAd(null, plainScratch, 0, n, cipherScratch, 0);
      out.writeShort(c);
      out.writeBytes(cipherScratch, 0, c);
    }
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    while (in.readableBytes() >= 2) {
      int len = in.getUnsignedShort(in.readerIndex());
      if (in.readableBytes() < 2 + len) {
        return;
      }
      in.skipBytes(2);
      in.readBytes(inboundScratch, 0, len);
      byte[] p;
      try {
        p = receive.decryptWithAd(null, inboundScratch, 0, len);
      } catch (NoiseException e) {
        in.skipBytes(in.readableBytes());
        throw e;
      }
      if (p.length > 0) {
        out.add(Unpooled.wrappedBuffer(p));
      }
    }
  }
}
