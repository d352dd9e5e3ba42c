package venus.market.p2p;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A deadline for a whole exchange on a stream. {@link P2pStream#setTimeout} bounds each read, so a peer that trickles
 * one byte just inside every timeout (a slow-loris) could otherwise hold a stream and its worker thread for hours.
 * When the deadline passes first, the stream is reset (which wakes a blocked reader with an IOException) and the
 * reason is logged. Use with try-with-resources around the exchange.
 */
public final class StreamDeadline implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StreamDeadline.class);
  private static final ScheduledThreadPoolExecutor TIMER = timer();

  private final ScheduledFuture<?> task;
  private final AtomicBoolean expired = new AtomicBoolean();

  private StreamDeadline(P2pStream stream, Duration limit, String what) {
    this.task = TIMER.schedule(() -> {
      expired.set(true);
      LOG.info("{} with {} not finished within {} ms: resetting the stream", what, stream.remotePeer(),
          limit.toMillis());
      stream.reset();
    }, limit.toNanos(), TimeUnit.NANOSECONDS);
  }

  /**
   * @param what names the exchange in the log, e.g. "ask request on /fil/storage/ask/1.1.0"
   */
  public static StreamDeadline start(P2pStream stream, Duration limit, String what) {
    return new StreamDeadline(stream, limit, what);
  }

  /** Whether the deadline passed (and the stream was reset) before {@link #close}. */
  public boolean expired() {
    return expired.get();
  }

  @Override
  public void close() {
    task.cancel(false);
  }

  private static ScheduledThreadPoolExecutor timer() {
    ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> {
      Thread th = new Thread(r, "p2p-stream-deadline");
      th.setDaemon(true);
      return th;
    });
    t.setRemoveOnCancelPolicy(true);
    return t;
  }
}
