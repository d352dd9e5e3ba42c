package venus.market.daemon.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * What the test data servers (HTTP on Jetty, HTTP over libp2p) serve: CAR files under a path with the exact
 * Authorization header they require, single byte ranges, a log of every request with the bytes actually written, and
 * faults injected once: drop the connection, pause until released, or stall, after a given number of body bytes.
 */
public final class CarOffers {
  record Offer(Path car, String authorization) {}

  /** One request: what it asked for and what it got. {@code served} counts body bytes written and flushed. */
  public record Served(String path, long rangeStart, int status, long served) {}

  enum FaultKind { DROP, PAUSE, STALL }

  record Fault(FaultKind kind, long afterBytes, Duration stall, CountDownLatch release) {}

  final Map<String, Offer> offers = new ConcurrentHashMap<>();
  private final List<Served> log = new ArrayList<>();
  private volatile Fault fault;
  /** Answer every request with the whole CAR (200), as a server without Range support does. */
  volatile boolean ignoreRange;
  /** Counted down when a paused response reached its pause point. */
  volatile CountDownLatch paused = new CountDownLatch(1);

  public void offer(String path, Path car, String authorization) {
    offers.put(path, new Offer(car, authorization));
  }

  void dropOnceAfter(long bytes) {
    fault = new Fault(FaultKind.DROP, bytes, null, null);
  }

  void stallOnceAfter(long bytes, Duration d) {
    fault = new Fault(FaultKind.STALL, bytes, d, null);
  }

  CountDownLatch pauseOnceAfter(long bytes) {
    CountDownLatch release = new CountDownLatch(1);
    paused = new CountDownLatch(1);
    fault = new Fault(FaultKind.PAUSE, bytes, null, release);
    return release;
  }

  public synchronized List<Served> requests() {
    return List.copyOf(log);
  }

  synchronized void logged(Served s) {
    log.add(s);
  }

  long totalServed() {
    return requests().stream().mapToLong(Served::served).sum();
  }

  /** The status for a request: 404 without an offer, 401 with a wrong or missing Authorization. */
  int check(String path, String authorization) {
    Offer o = offers.get(path);
    if (o == null) {
      return 404;
    }
    return o.authorization().equals(authorization) ? 200 : 401;
  }

  /** Parses {@code bytes=a-} or {@code bytes=a-b}; null when absent. */
  static long[] range(String header, long size) {
    if (header == null) {
      return null;
    }
    String spec = header.strip().substring("bytes=".length());
    int dash = spec.indexOf('-');
    long first = Long.parseLong(spec.substring(0, dash));
    long last = dash == spec.length() - 1 ? size - 1 : Math.min(size - 1, Long.parseLong(spec.substring(dash + 1)));
    return new long[] {first, last};
  }

  /**
   * Writes {@code length} bytes of the car from {@code first}, applying a pending fault; returns bytes written.
   * A DROP ends with an IOException after the bytes were flushed, so the caller aborts the connection.
   */
  long serve(Path car, long first, long length, OutputStream out, Served[] record, String path, int status)
      throws IOException {
    Fault f = fault;
    long written = 0;
    try (InputStream in = Files.newInputStream(car)) {
      in.skipNBytes(first);
      byte[] buf = new byte[16 * 1024];
      while (written < length) {
        long limit = length - written;
        if (f != null && written < f.afterBytes()) {
          limit = Math.min(limit, f.afterBytes() - written);
        }
        int n = in.read(buf, 0, (int) Math.min(buf.length, limit));
        out.write(buf, 0, n);
        written += n;
        if (f != null && written == f.afterBytes()) {
          out.flush();
          fault = null;
          Fault hit = f;
          f = null;
          record[0] = new Served(path, first, status, written);
          switch (hit.kind()) {
            case DROP -> throw new IOException("test server drops the connection after " + written + " bytes");
            case STALL -> sleep(hit.stall());
            case PAUSE -> {
              paused.countDown();
              try {
                hit.release().await(60, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              throw new IOException("test server ends the paused response");
            }
          }
        }
      }
      out.flush();
    } finally {
      record[0] = new Served(path, first, status, written);
    }
    return written;
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
