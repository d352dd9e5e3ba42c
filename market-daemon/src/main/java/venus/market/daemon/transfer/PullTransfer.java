package venus.market.daemon.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import venus.market.core.piece.CommPHasher;
import venus.market.core.piece.PieceCommitment;

/**
 * One deal's pull into its staging file: requests from the current offset (Range), appends what arrives to the
 * file and to a commP hasher at the same time (no second pass over the data), retries dropped or stalled responses
 * with backoff, and stops when exactly the declared size has arrived.
 *
 * <p>Resuming: the caller passes the offset it last recorded durably. Everything in the file beyond it is cut off
 * (progress is recorded only after the file was forced to disk, so the recorded prefix is known good), the prefix is
 * hashed once from the file to bring the hasher to the same point, and the pull continues with
 * {@code Range: bytes=<offset>-}. Within one run a dropped connection resumes from the bytes already written without
 * re-hashing.
 */
final class PullTransfer {
  private static final Logger LOG = LoggerFactory.getLogger(PullTransfer.class);
  private static final int BUFFER = 1 << 18;

  /** Called (throttled) with the bytes received so far, after they were forced to disk. */
  interface Progress {
    void record(long bytes) throws TransferFailedException;

    /** An attempt ended early; the next one starts after {@code wait}. */
    default void retrying(long bytes, int retry, int maxRetries, String error, long waitMillis) {}
  }

  /** The bytes received and the commP of exactly those bytes (at their natural padded size). */
  record Result(long bytes, PieceCommitment commP) {}

  private final String deal;
  private final PullSource source;
  private final Path file;
  private final long size;
  private final TransferOptions options;
  private final Progress progress;
  private long received;
  private long recorded;
  private long recordedAt;

  PullTransfer(String deal, PullSource source, Path file, long size, TransferOptions options, Progress progress) {
    if (size <= 0) {
      throw new IllegalArgumentException("transfer size must be > 0, got " + size);
    }
    this.deal = deal;
    this.source = source;
    this.file = file;
    this.size = size;
    this.options = options;
    this.progress = progress;
  }

  /** Bytes received so far (for tests and logs). */
  long received() {
    return received;
  }

  Result run(long resumeFrom) throws TransferFailedException, InterruptedException, IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE)) {
      long have = Math.min(ch.size(), Math.max(0, resumeFrom));
      if (have > size) {
        have = 0; // a file longer than the deal can only be from something else: start over
      }
      if (ch.size() != have) {
        ch.truncate(have);
      }
      CommPHasher hasher = new CommPHasher();
      if (have > 0) {
        LOG.info("deal {}: resuming transfer at byte {} of {}; hashing the staged prefix once", deal, have, size);
        hashPrefix(ch, have, hasher);
      }
      received = have;
      recorded = have;
      recordedAt = System.nanoTime();
      ch.position(have);
      int failures = 0;
      String lastError = "";
      while (received < size) {
        long before = received;
        try (PullResponse r = source.get(received)) {
          receive(r, ch, hasher);
          if (received < size) {
            lastError = "the server ended the response after byte " + received + " of " + size;
          }
        } catch (java.net.SocketTimeoutException e) {
          lastError = e.getMessage() == null ? "the server stalled" : e.getMessage();
        } catch (InterruptedIOException e) {
          throw interrupted(e);
        } catch (StagingWriteException e) {
          throw e; // our disk, not the server: asking again cannot help
        } catch (IOException e) {
          if (Thread.currentThread().isInterrupted()) {
            throw interrupted(e);
          }
          lastError = e.getMessage() == null ? e.toString() : e.getMessage();
        }
        if (received >= size) {
          break;
        }
        if (received > before) {
          failures = 0; // progress resets the attempt count, as boost does
          record(ch);
        }
        failures++;
        if (failures >= options.maxAttempts()) {
          throw new TransferFailedException("transfer from " + source.describe() + " stopped at byte " + received
              + " of " + size + " after " + failures + " attempts without progress: " + lastError);
        }
        long wait = options.backoff(failures).toMillis();
        LOG.info("deal {}: transfer interrupted at byte {} of {} ({}); retry {} of {} in {} ms", deal, received, size,
            lastError, failures, options.maxAttempts() - 1, wait);
        progress.retrying(received, failures, options.maxAttempts() - 1, lastError, wait);
        Thread.sleep(wait);
      }
      ch.force(true);
      return new Result(received, hasher.digest());
    }
  }

  private void receive(PullResponse r, FileChannel ch, CommPHasher hasher)
      throws IOException, TransferFailedException {
    int status = r.status();
    if (status / 100 == 4) {
      throw new TransferFailedException("transfer from " + source.describe() + " refused: HTTP " + status
          + (status == 401 || status == 403 ? " (the server did not accept the deal's transfer token)" : "")
          + (status == 404 ? " (the server does not have this deal's data)" : ""));
    }
    if (status / 100 == 3) {
      throw new TransferFailedException("transfer from " + source.describe() + " answered HTTP " + status
          + " (a redirect); deal data URLs are not followed to other locations");
    }
    if (status / 100 != 2) {
      throw new IOException("HTTP " + status + " from " + source.describe());
    }
    long skip;
    if (status == 206) {
      Optional<PullResponse.Range> range = r.range();
      if (range.isEmpty()) {
        throw new TransferFailedException("the server answered 206 without a Content-Range header");
      }
      PullResponse.Range rg = range.get();
      if (rg.total() >= 0 && rg.total() != size) {
        throw sizeMismatch(rg.total());
      }
      if (rg.first() > received) {
        throw new TransferFailedException("the server sent bytes from " + rg.first() + " when asked for bytes from "
            + received);
      }
      skip = received - rg.first();
    } else if (status == 200) {
      if (r.contentLength() >= 0 && r.contentLength() != size) {
        throw sizeMismatch(r.contentLength());
      }
      skip = received; // the server ignored Range: skip what is already staged
      if (skip > 0) {
        LOG.info("deal {}: {} ignored the Range request; skipping {} bytes already staged", deal,
            source.describe(), skip);
      }
    } else {
      throw new TransferFailedException("transfer from " + source.describe() + " answered HTTP " + status
          + " instead of 200 or 206");
    }
    InputStream in = r.body();
    in.skipNBytes(skip);
    byte[] buf = new byte[BUFFER];
    ByteBuffer view = ByteBuffer.wrap(buf);
    while (true) {
      int n = in.read(buf, 0, (int) Math.min(buf.length, size - received + 1));
      if (n < 0) {
        return;
      }
      if (received + n > size) {
        throw new TransferFailedException("the server sent more than the " + size + " bytes the deal declares");
      }
      view.clear().limit(n);
      try {
        while (view.hasRemaining()) {
          ch.write(view);
        }
      } catch (IOException e) {
        throw local("writing", e);
      }
      hasher.write(buf, 0, n);
      received += n;
      if (received == size) {
        return; // do not wait for the server to close a response without a length
      }
      maybeRecord(ch);
    }
  }

  private TransferFailedException sizeMismatch(long serverSize) {
    return new TransferFailedException("the server has " + serverSize + " bytes for this deal but the client declared "
        + "a transfer size of " + size);
  }

  private void maybeRecord(FileChannel ch) throws IOException, TransferFailedException {
    long delta = received - recorded;
    boolean byShare = delta >= Math.max(1, (long) (size * options.progressFraction()));
    boolean byTime = System.nanoTime() - recordedAt >= options.progressInterval().toNanos();
    if (delta > 0 && (byShare || byTime)) {
      record(ch);
    }
  }

  private void record(FileChannel ch) throws IOException, TransferFailedException {
    if (received == recorded) {
      return;
    }
    try {
      ch.force(false); // what is recorded must be on disk: a resume trusts it
    } catch (IOException e) {
      throw local("syncing", e);
    }
    progress.record(received);
    recorded = received;
    recordedAt = System.nanoTime();
  }

  private static void hashPrefix(FileChannel ch, long length, CommPHasher hasher) throws IOException {
    byte[] buf = new byte[BUFFER];
    ByteBuffer view = ByteBuffer.wrap(buf);
    long pos = 0;
    while (pos < length) {
      view.clear().limit((int) Math.min(buf.length, length - pos));
      int n = ch.read(view, pos);
      if (n < 0) {
        throw new IOException("staging file ended at " + pos + " while hashing its first " + length + " bytes");
      }
      hasher.write(buf, 0, n);
      pos += n;
    }
  }

  /**
   * A failure of the staging file itself. A write cut by the daemon stopping (interrupt) stays what it is, so the
   * pull resumes after restart.
   */
  private IOException local(String what, IOException e) {
    if (e instanceof java.nio.channels.ClosedByInterruptException || Thread.currentThread().isInterrupted()) {
      return e;
    }
    return new StagingWriteException(what + " the staging file " + file + " failed after " + received + " of "
        + size + " bytes: " + (e.getMessage() == null ? e.toString() : e.getMessage()), e);
  }

  private static InterruptedException interrupted(IOException e) {
    InterruptedException ie = new InterruptedException("transfer stopped: " + e.getMessage());
    ie.initCause(e);
    return ie;
  }
}
