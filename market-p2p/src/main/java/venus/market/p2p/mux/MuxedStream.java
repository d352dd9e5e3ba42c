package venus.market.p2p.mux;

import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import venus.market.p2p.P2pStream;
import venus.market.p2p.peer.PeerId;

/**
 * What yamux and mplex streams share: an inbound byte queue filled by the event loop and drained by a blocking
 * reader, half-close and reset state, and deadlines. Inbound bytes are copied out of Netty buffers on arrival,
 * so nothing reference-counted outlives the event-loop call.
 */
public abstract class MuxedStream implements P2pStream {

  protected final MuxSession session;
  protected final long id;
  protected final boolean locallyOpened;
  protected final ReentrantLock lock = new ReentrantLock();
  protected final Condition changed = lock.newCondition();
  /** Holds exactly {@link #buffered} bytes of it at all times (changed under {@link #lock}). */
  private final StreamMemory memory;
  private final ArrayDeque<byte[]> inbound = new ArrayDeque<>();
  private int headOffset;
  private long buffered;
  private boolean remoteClosed;
  private boolean localClosed;
  private boolean readClosed;
  private String resetReason;
  private volatile long timeoutNanos;
  private volatile String protocol = "";
  private final InputStream in = new In();
  private final OutputStream out = new Out();

  protected MuxedStream(MuxSession session, long id, boolean locallyOpened) {
    this.session = session;
    this.id = id;
    this.locallyOpened = locallyOpened;
    this.timeoutNanos = session.defaultTimeout().toNanos();
    this.memory = session.streamMemory();
  }

  public long id() {
    return id;
  }

  public boolean locallyOpened() {
    return locallyOpened;
  }

  public void setProtocol(String protocol) {
    this.protocol = protocol;
  }

  @Override
  public String protocol() {
    return protocol;
  }

  @Override
  public PeerId remotePeer() {
    return session.remotePeer();
  }

  @Override
  public InputStream in() {
    return in;
  }

  @Override
  public OutputStream out() {
    return out;
  }

  @Override
  public void setTimeout(Duration timeout) {
    this.timeoutNanos = timeout.toNanos();
  }

  protected long timeoutNanos() {
    return timeoutNanos;
  }

  // ---- called on the event loop by the session ----

  /** What {@link #deliver} returns when the memory budget refused the bytes: the session resets the stream. */
  protected static final long OVER_BUDGET = -1;

  /**
   * Appends received payload; returns the new number of buffered bytes, or {@link #OVER_BUDGET} (nothing buffered)
   * if the host's memory budget refused it. Does not release {@code data}.
   */
  protected long deliver(ByteBuf data) {
    int n = data.readableBytes();
    boolean dropped = false;
    lock.lock();
    try {
      if (resetReason != null || remoteClosed || readClosed || n == 0) {
        dropped = readClosed && resetReason == null;
        return buffered;
      }
      if (!memory.reserve(n)) {
        return OVER_BUDGET;
      }
      byte[] b = new byte[n];
      data.getBytes(data.readerIndex(), b);
      inbound.add(b);
      buffered += n;
      changed.signalAll();
      return buffered;
    } finally {
      lock.unlock();
      if (dropped && n > 0) {
        consumed(n); // we stopped reading: keep crediting the peer so it is not stuck on a full window
      }
    }
  }

  protected void onRemoteClose() {
    lock.lock();
    try {
      remoteClosed = true;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    maybeFinished();
  }

  /** The peer reset the stream, or the connection went away. */
  public void onReset(String reason) {
    long freed;
    lock.lock();
    try {
      if (resetReason == null) {
        resetReason = reason;
      }
      freed = dropInbound();
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    memory.release(freed);
    session.removeStream(this);
  }

  public boolean isReset() {
    lock.lock();
    try {
      return resetReason != null;
    } finally {
      lock.unlock();
    }
  }

  // ---- application side ----

  @Override
  public void closeWrite() throws IOException {
    lock.lock();
    try {
      if (resetReason != null) {
        throw new IOException("stream " + id + " was reset: " + resetReason);
      }
      if (localClosed) {
        return;
      }
      localClosed = true;
    } finally {
      lock.unlock();
    }
    sendClose();
    maybeFinished();
  }

  @Override
  public void reset() {
    boolean send;
    long freed;
    lock.lock();
    try {
      send = resetReason == null && !(localClosed && remoteClosed);
      if (resetReason == null) {
        resetReason = "reset locally";
      }
      freed = dropInbound();
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    memory.release(freed);
    if (send) {
      sendReset();
    }
    session.removeStream(this);
  }

  @Override
  public void close() {
    try {
      closeWrite();
    } catch (IOException e) {
      return; // already reset: nothing left to close
    }
    int dropped;
    lock.lock();
    try {
      readClosed = true;
      dropped = (int) Math.min(dropInbound(), Integer.MAX_VALUE);
    } finally {
      lock.unlock();
    }
    memory.release(dropped);
    if (dropped > 0) {
      consumed(dropped);
    }
  }

  /** Under the lock: empties the inbound queue and returns how many bytes it held (to release). */
  private long dropInbound() {
    long freed = buffered;
    inbound.clear();
    headOffset = 0;
    buffered = 0;
    return freed;
  }

  private void maybeFinished() {
    lock.lock();
    boolean done;
    try {
      done = localClosed && remoteClosed;
    } finally {
      lock.unlock();
    }
    if (done) {
      session.removeStream(this);
    }
  }

  private int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    int n;
    lock.lock();
    try {
      long deadline = System.nanoTime() + timeoutNanos;
      while (inbound.isEmpty()) {
        if (resetReason != null) {
          throw new IOException("stream " + id + " with " + remotePeer() + " was reset: " + resetReason);
        }
        if (remoteClosed || readClosed) {
          return -1;
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new SocketTimeoutException("read on stream " + id + " (" + protocol + ") with " + remotePeer()
              + " timed out after " + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms");
        }
        try {
          changed.awaitNanos(left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new java.io.InterruptedIOException("interrupted while reading stream " + id);
        }
      }
      byte[] head = inbound.peek();
      n = Math.min(len, head.length - headOffset);
      System.arraycopy(head, headOffset, b, off, n);
      headOffset += n;
      if (headOffset == head.length) {
        inbound.poll();
        headOffset = 0;
      }
      buffered -= n;
    } finally {
      lock.unlock();
    }
    memory.release(n);
    consumed(n);
    return n;
  }

  private void write(byte[] b, int off, int len) throws IOException {
    lock.lock();
    try {
      if (resetReason != null) {
        throw new IOException("stream " + id + " with " + remotePeer() + " was reset: " + resetReason);
      }
      if (localClosed) {
        throw new IOException("stream " + id + " is closed for writing");
      }
    } finally {
      lock.unlock();
    }
    sendData(b, off, len);
  }

  /** Throws if the stream was reset (used by writers waiting for window). */
  protected void checkWritable() throws IOException {
    if (resetReason != null) {
      throw new IOException("stream " + id + " with " + remotePeer() + " was reset: " + resetReason);
    }
  }

  // ---- muxer-specific ----

  /** Sends {@code len} bytes, honouring flow control and deadlines; blocks. */
  protected abstract void sendData(byte[] b, int off, int len) throws IOException;

  protected abstract void sendClose();

  protected abstract void sendReset();

  /** The application consumed {@code n} bytes (yamux turns this into window updates). */
  protected void consumed(int n) {}

  @Override
  public String toString() {
    return getClass().getSimpleName() + "{id=" + id + ", peer=" + remotePeer() + ", protocol=" + protocol + "}";
  }

  private final class In extends InputStream {
    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = MuxedStream.this.read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      java.util.Objects.checkFromIndexSize(off, len, b.length);
      return MuxedStream.this.read(b, off, len);
    }

    @Override
    public int available() {
      lock.lock();
      try {
        return (int) Math.min(buffered, Integer.MAX_VALUE);
      } finally {
        lock.unlock();
      }
    }

    @Override
    public void close() {
      MuxedStream.this.close();
    }
  }

  private final class Out extends OutputStream {
    @Override
    public void write(int b) throws IOException {
      MuxedStream.this.write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      java.util.Objects.checkFromIndexSize(off, len, b.length);
      MuxedStream.this.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      closeWrite();
    }
  }
}
