package venus.market.p2p.yamux;

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

/** The yamux session state machine on an EmbeddedChannel (frames in, frames out). */
class YamuxSessionTest {

  private final List<MuxedStream> accepted = new ArrayList<>();

  private EmbeddedChannel session(boolean initiator, int maxStreams) {
    YamuxSession s = new YamuxSession(initiator, PeerId.fromPublicKey(Ed25519.generate().publicKey()),
        new MuxSettings(maxStreams, MuxSettings.YAMUX_INITIAL_WINDOW, 1 << 20, Duration.ofSeconds(5)));
    s.setInboundStreamListener(accepted::add);
    return new EmbeddedChannel(s);
  }

  private static YamuxFrame data(int id, int flags, int length) {
    return YamuxFrame.data(id, flags, Unpooled.wrappedBuffer(new byte[length]));
  }

  private static List<YamuxFrame> written(EmbeddedChannel ch) {
    List<YamuxFrame> out = new ArrayList<>();
    YamuxFrame f;
    while ((f = ch.readOutbound()) != null) {
      out.add(f);
      f.release();
    }
    return out;
  }

  @Test
  void answersPingsWithTheSameValue() {
    EmbeddedChannel ch = session(true, 8);
    ch.writeInbound(YamuxFrame.ping(YamuxFrame.FLAG_SYN, 0xabcdefL));
    List<YamuxFrame> out = written(ch);
    assertThat(out).hasSize(1);
    assertThat(out.get(0).type()).isEqualTo(YamuxFrame.TYPE_PING);
    assertThat(out.get(0).has(YamuxFrame.FLAG_ACK)).isTrue();
    assertThat(out.get(0).length()).isEqualTo(0xabcdefL);
    assertThat(ch.finishAndReleaseAll()).isFalse();
  }

  @Test
  void acknowledgesInboundStreamAndDeliversDataThenEof() throws Exception {
    EmbeddedChannel ch = session(true, 8);
    ch.writeInbound(YamuxFrame.data(2, YamuxFrame.FLAG_SYN, Unpooled.wrappedBuffer(new byte[] {1, 2, 3})));
    ch.writeInbound(YamuxFrame.windowUpdate(2, YamuxFrame.FLAG_FIN, 0));
    List<YamuxFrame> out = written(ch);
    assertThat(out).hasSize(1);
    assertThat(out.get(0).type()).isEqualTo(YamuxFrame.TYPE_WINDOW_UPDATE);
    assertThat(out.get(0).has(YamuxFrame.FLAG_ACK)).isTrue();
    assertThat(accepted).hasSize(1);
    assertThat(accepted.get(0).in().readAllBytes()).containsExactly(1, 2, 3);
    ch.finishAndReleaseAll();
  }

  @Test
  void dataBeyondTheWindowIsAProtocolError() {
    EmbeddedChannel ch = session(false, 8);
    ch.writeInbound(data(1, YamuxFrame.FLAG_SYN, 200_000));
    assertThat(ch.isActive()).isTrue();
    ch.writeInbound(data(1, 0, 100_000)); // 300 000 > 262 144 with nothing read
    List<YamuxFrame> out = written(ch);
    assertThat(out).anyMatch(f -> f.type() == YamuxFrame.TYPE_GO_AWAY && f.length() == YamuxFrame.GO_AWAY_PROTOCOL_ERROR);
    assertThat(ch.isActive()).isFalse();
    assertThat(accepted.get(0).isReset()).isTrue();
    ch.finishAndReleaseAll();
  }

  @Test
  void grantsWindowAsTheApplicationReads() throws Exception {
    EmbeddedChannel ch = session(false, 8);
    ch.writeInbound(data(1, YamuxFrame.FLAG_SYN, 200_000));
    written(ch);
    byte[] buf = new byte[200_000];
    accepted.get(0).in().readNBytes(buf, 0, buf.length);
    List<YamuxFrame> out = written(ch);
    assertThat(out).hasSize(1);
    assertThat(out.get(0).type()).isEqualTo(YamuxFrame.TYPE_WINDOW_UPDATE);
    assertThat(out.get(0).length()).isEqualTo(200_000);
    ch.writeInbound(data(1, 0, 200_000)); // fits the renewed window
    assertThat(ch.isActive()).isTrue();
    ch.finishAndReleaseAll();
  }

  @Test
  void streamsOverTheLimitAreReset() {
    EmbeddedChannel ch = session(false, 2);
    for (int id = 1; id <= 7; id += 2) {
      ch.writeInbound(YamuxFrame.windowUpdate(id, YamuxFrame.FLAG_SYN, 0));
    }
    List<YamuxFrame> out = written(ch);
    assertThat(accepted).hasSize(2);
    assertThat(out).filteredOn(f -> f.has(YamuxFrame.FLAG_RST)).extracting(YamuxFrame::streamId).containsExactly(5, 7);
    assertThat(ch.isActive()).isTrue();
    ch.finishAndReleaseAll();
  }

  @Test
  void streamWithOurParityOrReusedIdIsAProtocolError() {
    EmbeddedChannel ch = session(true, 8);
    ch.writeInbound(YamuxFrame.windowUpdate(3, YamuxFrame.FLAG_SYN, 0)); // odd ids are the dialler's (ours)
    assertThat(ch.isActive()).isFalse();
    ch.finishAndReleaseAll();
    EmbeddedChannel ch2 = session(true, 8);
    ch2.writeInbound(YamuxFrame.windowUpdate(2, YamuxFrame.FLAG_SYN, 0));
    ch2.writeInbound(YamuxFrame.windowUpdate(2, YamuxFrame.FLAG_SYN, 0));
    assertThat(ch2.isActive()).isFalse();
    ch2.finishAndReleaseAll();
  }

  @Test
  void outboundStreamsUseOddIdsAndStopAfterGoAway() throws Exception {
    EmbeddedChannel ch = session(true, 8);
    YamuxSession s = (YamuxSession) ch.pipeline().first();
    MuxedStream a = s.openStream();
    MuxedStream b = s.openStream();
    assertThat(a.id()).isEqualTo(1);
    assertThat(b.id()).isEqualTo(3);
    List<YamuxFrame> out = written(ch);
    assertThat(out).allMatch(f -> f.has(YamuxFrame.FLAG_SYN));
    ch.writeInbound(YamuxFrame.goAway(YamuxFrame.GO_AWAY_NORMAL));
    org.assertj.core.api.Assertions.assertThatThrownBy(s::openStream).hasMessageContaining("go-away");
    ch.writeInbound(YamuxFrame.windowUpdate(1, YamuxFrame.FLAG_RST, 0));
    assertThatReadFails(a);
    ch.finishAndReleaseAll();
  }

  private static void assertThatReadFails(MuxedStream s) {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.in().read()).hasMessageContaining("reset by peer");
  }

}
