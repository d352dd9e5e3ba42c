package venus.market.p2p.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import venus.market.p2p.LengthPrefixed;
import venus.market.p2p.P2pException;
import venus.market.p2p.crypto.Ed25519;
import venus.market.p2p.crypto.PrivKey;
import venus.market.p2p.mplex.MplexFrameDecoder;
import venus.market.p2p.mplex.MplexSession;
import venus.market.p2p.multistream.Multistream;
import venus.market.p2p.multistream.MultistreamException;
import venus.market.p2p.multistream.MultistreamHandler;
import venus.market.p2p.mux.MuxSettings;
import venus.market.p2p.mux.MuxedStream;
import venus.market.p2p.noise.NoiseHandshakeHandler;
import venus.market.p2p.noise.NoiseTransportCodec;
import venus.market.p2p.noise.X25519Keys;
import venus.market.p2p.noise.XxHandshake;
import venus.market.p2p.peer.PeerId;
import venus.market.p2p.yamux.YamuxFrameDecoder;
import venus.market.p2p.yamux.YamuxSession;

/**
 * The connection layers as a remote peer drives them, byte for byte: multistream-select, the Noise handshake and
 * transport frames, yamux and mplex (decoder plus session state machine), length-prefixed messages. Hostile bytes may
 * only end the connection with the stack's own exception (a {@link P2pException}, wrapped by Netty's decoder
 * plumbing), never with an index, null-pointer, allocation or arithmetic error. The first input byte sets the chunk
 * size the bytes arrive in, so partial frames are exercised too. Replays P2pFramingFuzzTestInputs/; to fuzz longer
 * see docs/reliability.md.
 */
class P2pFramingFuzzTest {

  private static final PrivKey IDENTITY = Ed25519.generate();
  private static final PeerId REMOTE = PeerId.fromPublicKey(Ed25519.generate().publicKey());
  private static final MuxSettings MUX = new MuxSettings(16, MuxSettings.YAMUX_INITIAL_WINDOW, 64 * 1024,
      Duration.ofSeconds(1));

  /** Feeds {@code input[1..]} in chunks of {@code input[0]} bytes (0 = all at once); true if the channel refused it. */
  private static boolean feed(EmbeddedChannel ch, byte[] input) {
    int chunk = input.length == 0 ? 0 : input[0] & 0xff;
    int from = Math.min(1, input.length);
    try {
      while (from < input.length && ch.isOpen()) {
        int to = chunk == 0 ? input.length : Math.min(input.length, from + chunk);
        ch.writeInbound(Unpooled.wrappedBuffer(Arrays.copyOfRange(input, from, to)));
        from = to;
      }
      ch.checkException();
      return false;
    } catch (RuntimeException e) {
      requireOwnException(e);
      return true;
    } finally {
      ch.finishAndReleaseAll();
    }
  }

  /** Netty wraps what a decoder throws in a DecoderException; the cause must be ours. */
  private static void requireOwnException(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof P2pException) {
        return;
      }
    }
    throw new AssertionError("a hostile peer caused " + e, e);
  }

  @FuzzTest(maxDuration = "10s")
  void multistreamNegotiation(byte[] input) throws IOException {
    ByteBuf buf = Unpooled.wrappedBuffer(input);
    try {
      while (Multistream.tryDecode(buf) != null) {
        // every complete message decodes or throws
      }
    } catch (MultistreamException expected) {
      // refused
    }
    InputStream in = new ByteArrayInputStream(input);
    try {
      while (true) {
        Multistream.read(in);
      }
    } catch (MultistreamException expected) {
      // refused, or the stream ended
    }
    List<String> selected = new ArrayList<>();
    feed(new EmbeddedChannel(new MultistreamHandler(false, List.of(NoiseHandshakeHandler.PROTOCOL_ID),
        (ctx, p) -> selected.add(p))), input);
    assertThat(selected).allMatch(NoiseHandshakeHandler.PROTOCOL_ID::equals);
  }

  @FuzzTest(maxDuration = "10s")
  void lengthPrefixedMessages(byte[] input) throws IOException {
    InputStream in = new ByteArrayInputStream(input);
    try {
      byte[] m;
      while ((m = LengthPrefixed.read(in, 4096)) != null) {
        assertThat(m.length).isLessThanOrEqualTo(4096);
      }
    } catch (P2pException expected) {
      // refused
    }
  }

  @FuzzTest(maxDuration = "10s")
  void yamuxSession(byte[] input) {
    session(input, ch -> new YamuxFrameDecoder(MUX.yamuxWindow()), new YamuxSession(false, REMOTE, MUX));
  }

  @FuzzTest(maxDuration = "10s")
  void mplexSession(byte[] input) {
    session(input, ch -> new MplexFrameDecoder(), new MplexSession(false, REMOTE, MUX));
  }

  private static void session(byte[] input, Function<Void, ChannelHandler> decoder,
      venus.market.p2p.mux.MuxSession session) {
    List<MuxedStream> accepted = new ArrayList<>();
    session.setInboundStreamListener(accepted::add);
    feed(new EmbeddedChannel(decoder.apply(null), session), input);
    for (MuxedStream s : accepted) {
      s.reset();
    }
  }

  @FuzzTest(maxDuration = "10s")
  void noiseHandshakeAsResponderAndInitiator(byte[] input) {
    boolean initiator = input.length > 0 && (input[0] & 1) == 1;
    List<Object> secured = new ArrayList<>();
    feed(new EmbeddedChannel(new NoiseHandshakeHandler(initiator, IDENTITY, null, (ctx, s) -> secured.add(s))), input);
    // completing the XX handshake needs the peer's DH secrets: random bytes can never do it
    assertThat(secured).isEmpty();
  }

  @FuzzTest(maxDuration = "10s")
  void noiseTransportFrames(byte[] input) {
    XxHandshake a = XxHandshake.initiator(X25519Keys.generatePrivate());
    XxHandshake b = XxHandshake.responder(X25519Keys.generatePrivate());
    b.readMessage(a.writeMessage(new byte[0]));
    a.readMessage(b.writeMessage(new byte[0]));
    b.readMessage(a.writeMessage(new byte[0]));
    // what a peer that knows the keys sends must come out unchanged ...
    EmbeddedChannel sender = new EmbeddedChannel(new NoiseTransportCodec(a.sendCipher(), a.receiveCipher()));
    EmbeddedChannel receiver = new EmbeddedChannel(new NoiseTransportCodec(b.sendCipher(), b.receiveCipher()));
    sender.writeOutbound(Unpooled.wrappedBuffer(input));
    ByteBuf wire = Unpooled.buffer();
    for (ByteBuf f; (f = sender.readOutbound()) != null; f.release()) {
      wire.writeBytes(f);
    }
    receiver.writeInbound(wire);
    ByteBuf plain = Unpooled.buffer();
    for (ByteBuf p; (p = receiver.readInbound()) != null; p.release()) {
      plain.writeBytes(p);
    }
    byte[] got = new byte[plain.readableBytes()];
    plain.readBytes(got).release();
    assertThat(got).isEqualTo(input);
    sender.finishAndReleaseAll();
    // ... and what a peer without them sends must be refused with a NoiseException
    boolean refused = feed(receiver, input);
    if (input.length > 3) {
      int len = ((input[1] & 0xff) << 8) | (input[2] & 0xff);
      if (input.length - 1 >= 2 + len) {
        assertThat(refused).as("a forged frame of %d bytes was accepted", len).isTrue();
      }
    }
  }
}
