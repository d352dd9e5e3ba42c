package venus.market.p2p.mplex;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import venus.market.p2p.mux.MuxedStream;

/** An mplex stream. No flow control: writes wait only for socket writability; reads are capped per stream. */
final class MplexStream extends MuxedStream {

  static final long OVER_BUDGET = MuxedStream.OVER_BUDGET;

  private final MplexSession mplex;

  MplexStream(MplexSession session, long id, boolean locallyOpened) {
    super(session, id, locallyOpened);
    this.mplex = session;
  }

  long deliverData(ByteBuf data) {
    return deliver(data);
  }

  void remoteClose() {
    onRemoteClose();
  }

  private int flag(int initiatorFlag, int receiverFlag) {
    return locallyOpened ? initiatorFlag : receiverFlag;
  }

  @Override
  protected void sendData(byte[] b, int off, int len) throws IOException {
    while (len > 0) {
      int chunk = Math.min(len, MplexFrame.MAX_DATA_LENGTH);
      mplex.awaitWritableFor(this, timeoutNanos());
      checkWritable();
      mplex.write(new MplexFrame(id, flag(MplexFrame.MESSAGE_INITIATOR, MplexFrame.MESSAGE_RECEIVER),
          Unpooled.copiedBuffer(b, off, chunk)));
      off += chunk;
      len -= chunk;
    }
  }

  @Override
  protected void sendClose() {
    mplex.write(new MplexFrame(id, flag(MplexFrame.CLOSE_INITIATOR, MplexFrame.CLOSE_RECEIVER), Unpooled.EMPTY_BUFFER));
  }

  @Override
  protected void sendReset() {
    mplex.write(new MplexFrame(id, flag(MplexFrame.RESET_INITIATOR, MplexFrame.RESET_RECEIVER), Unpooled.EMPTY_BUFFER));
  }
}
