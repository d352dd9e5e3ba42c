package venus.market.daemon.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A JDK HttpClient response body as a blocking InputStream with a stall deadline: a read that waits longer than the
 * deadline for the next bytes throws {@link SocketTimeoutException} (the JDK's own ofInputStream() waits forever).
 * Demand is one buffer list ahead of the reader, so memory stays at a few network buffers however fast the server is.
 */
final class BodyStream extends InputStream implements HttpResponse.BodySubscriber<InputStream> {
  private static final Object END = new Object();
  private static final Object CLOSED = new Object();

  private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
  private final long stallMillis;
  private volatile Flow.Subscription subscription;
  private List<ByteBuffer> current = List.of();
  private int index;
  private boolean finished;
  private volatile boolean closed;

  BodyStream(Duration stall) {
    this.stallMillis = stall.toMillis();
  }

  @Override
  public CompletionStage<InputStream> getBody() {
    return CompletableFuture.completedFuture(this);
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    if (closed) {
      s.cancel();
    } else {
      s.request(1);
    }
  }

  @Override
  public void onNext(List<ByteBuffer> item) {
    queue.add(item);
  }

  @Override
  public void onError(Throwable t) {
    queue.add(t);
  }

  @Override
  public void onComplete() {
    queue.add(END);
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    while (true) {
      if (closed) {
        throw new IOException("response body closed");
      }
      while (index < current.size()) {
        ByteBuffer buf = current.get(index);
        if (buf.hasRemaining()) {
          int n = Math.min(len, buf.remaining());
          buf.get(b, off, n);
          return n;
        }
        index++;
      }
      if (finished) {
        return -1;
      }
      Object next;
      try {
        next = queue.poll(stallMillis, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while reading the response");
      }
      if (next == null) {
        throw new SocketTimeoutException("the server sent nothing for " + stallMillis / 1000.0 + " s");
      }
      if (next == END) {
        finished = true;
      } else if (next == CLOSED) {
        throw new IOException("response body closed");
      } else if (next instanceof Throwable t) {
        finished = true;
        throw t instanceof IOException io ? io : new IOException(t.toString(), t);
      } else {
        @SuppressWarnings("unchecked")
        List<ByteBuffer> list = (List<ByteBuffer>) next;
        current = list;
        index = 0;
        subscription.request(1);
      }
    }
  }

  /** Cancels the response (the connection is dropped unless it already ended); safe from another thread. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    Flow.Subscription s = subscription;
    if (s != null) {
      s.cancel();
    }
    queue.add(CLOSED);
  }
}
