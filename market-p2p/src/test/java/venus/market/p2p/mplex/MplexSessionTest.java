package venus.market.p2p.mplex;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import venus.market.p2p.crypto.Ed25519;
import venus.market.p2p.mux.MuxSettings;
import venus.market.p2p.mux.MuxedStream;
import venus.market.p2p.peer.PeerId;

/** The mplex session on an EmbeddedChannel: stream ids per opener, flags, limits. */
class MplexSessionTest {

  private final List<MuxedStream> accepted = new ArrayList<>();

  private EmbeddedChannel session(int maxStreams, int maxBuffered) {
    MplexSession s = new MplexSession(false, PeerId.fromPublicKey(Ed25519.generate().publicKey()),
        new MuxSettings(maxStreams, MuxSettings.YAMUX_INITIAL_WINDOW, maxBuffered, Duration.ofSeconds(5)));
    s.setInboundStreamListener(accepted::add);
    return new EmbeddedChannel(s);
  }

  private static MplexFrame frame(long id, int flag, byte... data) {
    return new MplexFrame(id, flag, Unpooled.wrappedBuffer(data));
  }

  private static List<MplexFrame> written(EmbeddedChannel ch) {
    List<MplexFrame> out = new ArrayList<>();
    MplexFrame f;
    while ((f = ch.readOutbound()) != null) {
      out.add(f);
      f.release();
    }
    return out;
  }

  @Test
  void peerStreamAndOurStreamWithTheSameIdStayApart() throws Exception {
    EmbeddedChannel ch = session(8, 1 << 20);
    MplexSession s = (MplexSession) ch.pipeline().first();
    MuxedStream ours = s.openStream(); // our id 0
    ch.writeInbound(frame(0, MplexFrame.NEW_STREAM)); // their id 0
    ch.writeInbound(frame(0, MplexFrame.MESSAGE_INITIATOR, (byte) 'a'));
    ch.writeInbound(frame(0, MplexFrame.MESSAGE_RECEIVER, (byte) 'b'));
    ch.writeInbound(frame(0, MplexFrame.CLOSE_INITIATOR));
    ch.writeInbound(frame(0, MplexFrame.CLOSE_RECEIVER));
    assertThat(accepted).hasSize(1);
    assertThat(accepted.get(0).in().readAllBytes()).containsExactly('a');
    assertThat(ours.in().readAllBytes()).containsExactly('b');
    written(ch);
    ours.out().write('x');
    accepted.get(0).out().write('y');
    List<MplexFrame> out = written(ch);
    assertThat(out).extracting(MplexFrame::flag).containsExactly(MplexFrame.MESSAGE_INITIATOR, MplexFrame.MESSAGE_RECEIVER);
    ch.finishAndReleaseAll();
  }

  @Test
  void streamsOverTheLimitAndOverfullStreamsAreReset() {
    EmbeddedChannel ch = session(1, 4);
    ch.writeInbound(frame(0, MplexFrame.NEW_STREAM));
    ch.writeInbound(frame(1, MplexFrame.NEW_STREAM));
    assertThat(written(ch)).extracting(MplexFrame::streamId, MplexFrame::flag)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, MplexFrame.RESET_RECEIVER));
    ch.writeInbound(frame(0, MplexFrame.MESSAGE_INITIATOR, new byte[5])); // 5 unread bytes > 4
    assertThat(accepted.get(0).isReset()).isTrue();
    assertThat(written(ch)).extracting(MplexFrame::flag).containsExactly(MplexFrame.RESET_RECEIVER);
    assertThat(ch.isActive()).isTrue();
    ch.finishAndReleaseAll();
  }

  @Test
  void reopeningAStreamIsAProtocolError() {
    EmbeddedChannel ch = session(8, 1 << 20);
    ch.writeInbound(frame(3, MplexFrame.NEW_STREAM));
    ch.writeInbound(frame(3, MplexFrame.NEW_STREAM));
    assertThat(ch.isActive()).isFalse();
    ch.finishAndReleaseAll();
  }
}
