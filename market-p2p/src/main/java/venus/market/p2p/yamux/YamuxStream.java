package venus.market.p2p.yamux;

import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeUnit;
import venus.market.p2p.mux.MuxedStream;

/** A yamux stream: flow-controlled in both directions with per-stream windows. */
final class YamuxStream extends MuxedStream {

  /** Largest Data payload we send: header and payload then fit one Noise transport message (65519 bytes). */
  static final int MAX_CHUNK = venus.market.p2p.noise.NoiseTransportCodec.MAX_PLAINTEXT - YamuxFrame.HEADER_LENGTH;

  private final YamuxSession yamux;
  private long sendWindow;
  private long recvWindow;
  private long unacknowledgedConsumed;
  private volatile boolean synSent;
  private volatile boolean ackPending;

  YamuxStream(YamuxSession session, int id, boolean locallyOpened, int window) {
    super(session, id, locallyOpened);
    this.yamux = session;
    this.sendWindow = venus.market.p2p.mux.MuxSettings.YAMUX_INITIAL_WINDOW;
    this.recvWindow = window;
    this.ackPending = !locallyOpened;
  }

  int intId() {
    return (int) id;
  }

  /** Flags for the next frame we send: SYN on the first of a stream we opened, ACK on the first of theirs. */
  int takeOpenFlags() {
    if (locallyOpened && !synSent) {
      synSent = true;
      return YamuxFrame.FLAG_SYN;
    }
    if (ackPending) {
      ackPending = false;
      return YamuxFrame.FLAG_ACK;
    }
    return 0;
  }

  /** Event loop: the peer sent {@code n} bytes; false if that exceeds the window we granted. */
  boolean consumeRecvWindow(long n) {
    lock.lock();
    try {
      if (n > recvWindow) {
        return false;
      }
      recvWindow -= n;
      return true;
    } finally {
      lock.unlock();
    }
  }

  /** Event loop: the peer granted more send window. */
  void addSendWindow(long delta) {
    lock.lock();
    try {
      sendWindow += delta;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** False if the host's memory budget refused the data (the caller resets the stream). */
  boolean deliverData(io.netty.buffer.ByteBuf data) {
    return deliver(data) != OVER_BUDGET;
  }

  void remoteFin() {
    onRemoteClose();
  }

  @Override
  protected void sendData(byte[] b, int off, int len) throws IOException {
    while (len > 0) {
      int chunk;
      lock.lock();
      try {
        long deadline = System.nanoTime() + timeoutNanos();
        while (sendWindow == 0) {
          checkWritable();
          if (!yamux.isOpen()) {
            throw new IOException("connection to " + remotePeer() + " is closed");
          }
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            throw new SocketTimeoutException("yamux stream " + id + " to " + remotePeer()
                + ": peer granted no send window for " + TimeUnit.NANOSECONDS.toMillis(timeoutNanos()) + " ms");
          }
          try {
            changed.awaitNanos(left);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while waiting for yamux window");
          }
        }
        checkWritable();
        chunk = (int) Math.min(Math.min(len, sendWindow), MAX_CHUNK);
        sendWindow -= chunk;
      } finally {
        lock.unlock();
      }
      yamux.awaitWritableFor(this, timeoutNanos());
      yamux.write(YamuxFrame.data(intId(), takeOpenFlags(), Unpooled.copiedBuffer(b, off, chunk)));
      off += chunk;
      len -= chunk;
    }
  }

  @Override
  protected void consumed(int n) {
    long delta = 0;
    lock.lock();
    try {
      unacknowledgedConsumed += n;
      // Update once half the window is used, as go-yamux does, to keep the frame count low.
      if (unacknowledgedConsumed >= yamux.window() / 2) {
        delta = unacknowledgedConsumed;
        unacknowledgedConsumed = 0;
        recvWindow += delta;
      }
    } finally {
      lock.unlock();
    }
    if (delta > 0 && !isReset()) {
      yamux.write(YamuxFrame.windowUpdate(intId(), takeOpenFlags(), delta));
    }
  }

  @Override
  protected void sendClose() {
    yamux.write(YamuxFrame.windowUpdate(intId(), takeOpenFlags() | YamuxFrame.FLAG_FIN, 0));
  }

  @Override
  protected void sendReset() {
    yamux.write(YamuxFrame.windowUpdate(intId(), takeOpenFlags() | YamuxFrame.FLAG_RST, 0));
  }
}
