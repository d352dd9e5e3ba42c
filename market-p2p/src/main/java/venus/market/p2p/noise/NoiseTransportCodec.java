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

  public NoiseTransportCodec(CipherState send, CipherState receive) {
    this.send = send;
    this.receive = receive;
  }

  @Override
  protected void encode(ChannelHandlerContext ctx, ByteBuf msg, ByteBuf out) {
    byte[] chunk = new byte[Math.min(msg.readableBytes(), MAX_PLAINTEXT)];
    while (msg.isReadable()) {
      int n = Math.min(msg.readableBytes(), MAX_PLAINTEXT);
      msg.readBytes(chunk, 0, n);
      byte[] c = send.encryptWithAd(null, chunk, 0, n);
      out.writeShort(c.length);
      out.writeBytes(c);
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
      byte[] c = new byte[len];
      in.readBytes(c);
      byte[] p;
      try {
        p = receive.decryptWithAd(null, c);
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
