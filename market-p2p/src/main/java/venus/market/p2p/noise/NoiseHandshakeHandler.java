package venus.market.p2p.noise;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.BiConsumer;
import venus.market.p2p.crypto.KeyException;
import venus.market.p2p.crypto.KeyProtobuf;
import venus.market.p2p.crypto.PrivKey;
import venus.market.p2p.crypto.PubKey;
import venus.market.p2p.peer.PeerId;

/**
 * The libp2p Noise handshake ({@code /noise}) on a channel: three XX messages with 2-byte big-endian length
 * prefixes, the identity payload in messages 2 and 3, signature and (when dialling) peer-ID checks. On success
 * calls {@code onSecured}, which installs the transport codec after this handler, and removes itself.
 */
public final class NoiseHandshakeHandler extends ByteToMessageDecoder {

  public static final String PROTOCOL_ID = "/noise";
  public static final int MAX_FRAME = 65535;

  private final XxHandshake hs;
  private final PrivKey identity;
  private final PeerId expectedPeer;
  private final BiConsumer<ChannelHandlerContext, SecureSession> onSecured;
  private boolean started;
  private PubKey remoteKey;
  private List<String> remoteMuxers = List.of();

  /**
   * @param expectedPeer the peer we dialled (its key must match), or null when accepting
   */
  public NoiseHandshakeHandler(boolean initiator, PrivKey identity, PeerId expectedPeer,
      BiConsumer<ChannelHandlerContext, SecureSession> onSecured) {
    byte[] staticKey = X25519Keys.generatePrivate();
    this.hs = initiator ? XxHandshake.initiator(staticKey) : XxHandshake.responder(staticKey);
    this.identity = identity;
    this.expectedPeer = expectedPeer;
    this.onSecured = onSecured;
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
    if (hs.isInitiator()) {
      send(ctx, hs.writeMessage(new byte[0]));
    }
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    while (!hs.isComplete() && in.readableBytes() >= 2) {
      int len = in.getUnsignedShort(in.readerIndex());
      if (in.readableBytes() < 2 + len) {
        return;
      }
      in.skipBytes(2);
      byte[] msg = new byte[len];
      in.readBytes(msg);
      try {
        onMessage(ctx, msg);
      } catch (NoiseException e) {
        in.skipBytes(in.readableBytes());
        throw e;
      }
    }
  }

  private void onMessage(ChannelHandlerContext ctx, byte[] msg) {
    byte[] payload = hs.readMessage(msg);
    if (hs.isInitiator()) {
      // message 2: the responder's static key and identity are now known
      verify(payload);
      send(ctx, hs.writeMessage(ourPayload()));
    } else if (!hs.isComplete()) {
      // message 1: the initiator's ephemeral key only
      send(ctx, hs.writeMessage(ourPayload()));
      return;
    } else {
      verify(payload);
    }
    PeerId remote = PeerId.fromPublicKey(remoteKey);
    if (expectedPeer != null && !expectedPeer.equals(remote)) {
      throw new NoiseException("dialled " + expectedPeer + " but the peer authenticated as " + remote);
    }
    SecureSession session = new SecureSession(remote, remoteKey, hs.sendCipher(), hs.receiveCipher(), remoteMuxers);
    onSecured.accept(ctx, session);
    ctx.pipeline().remove(this);
  }

  private byte[] ourPayload() {
    byte[] sig = identity.sign(signedBytes(hs.localStaticPublicKey()));
    return new NoiseHandshakePayload(identity.publicKey().bytes(), sig, List.of()).encode();
  }

  private void verify(byte[] payloadBytes) {
    NoiseHandshakePayload payload = NoiseHandshakePayload.decode(payloadBytes);
    PubKey key;
    try {
      key = KeyProtobuf.decodePublic(payload.identityKey());
    } catch (KeyException e) {
      throw new NoiseException("noise handshake: peer identity key unusable: " + e.getMessage(), e);
    }
    if (!key.verify(signedBytes(hs.remoteStaticPublicKey()), payload.identitySig())) {
      throw new NoiseException("noise handshake: identity signature of " + PeerId.fromPublicKey(key)
          + " does not cover the peer's noise static key");
    }
    this.remoteKey = key;
    this.remoteMuxers = payload.streamMuxers();
  }

  static byte[] signedBytes(byte[] noiseStaticKey) {
    byte[] prefix = NoiseHandshakePayload.SIGNATURE_PREFIX.getBytes(StandardCharsets.US_ASCII);
    byte[] out = new byte[prefix.length + noiseStaticKey.length];
    System.arraycopy(prefix, 0, out, 0, prefix.length);
    System.arraycopy(noiseStaticKey, 0, out, prefix.length, noiseStaticKey.length);
    return out;
  }

  private static void send(ChannelHandlerContext ctx, byte[] msg) {
    if (msg.length > MAX_FRAME) {
      throw new IllegalStateException("noise handshake message of " + msg.length + " bytes");
    }
    ByteBuf b = Unpooled.buffer(2 + msg.length);
    b.writeShort(msg.length);
    b.writeBytes(msg);
    ctx.writeAndFlush(b);
  }
}
