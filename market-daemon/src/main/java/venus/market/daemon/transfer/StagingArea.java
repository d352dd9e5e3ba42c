package venus.market.daemon.transfer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import venus.market.core.multiformats.Cid;

/**
 * The directory online transfers download into ({@code <TransferPath or repo>/deal-staging}, one
 * {@code <proposalCid>.car} per deal) and the space they may take. Like boost's storage manager, a deal reserves
 * its declared transfer size before its transfer starts and releases it when the data has moved to the piece store
 * or the deal failed; the sum stays within {@code MaxStagingDealsBytes} (0 = the disk's free space). Reservations
 * are not stored: they are rebuilt at start from the deals that are transferring or being verified
 * ({@link #reserve} is idempotent), before any new transfer may start.
 */
public final class StagingArea {
  public static final String DIR_NAME = "deal-staging";
  private static final Logger LOG = LoggerFactory.getLogger(StagingArea.class);
  private static final String SUFFIX = ".car";

  private final Path dir;
  private final long limit;
  private final Map<Cid, Long> reserved = new LinkedHashMap<>();
  private final Set<Cid> waiting = new LinkedHashSet<>();

  /**
   * @param dir the staging directory (created if missing)
   * @param limit the most bytes reserved at once, 0 = bounded by the free disk space
   */
  public StagingArea(Path dir, long limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("staging limit " + limit + " < 0");
    }
    this.dir = dir;
    this.limit = limit;
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the deal staging directory " + dir + ": " + e.getMessage()
          + " (set TransferPath in config.toml to a writable directory)", e);
    }
  }

  public Path dir() {
    return dir;
  }

  public long limit() {
    return limit;
  }

  /** The staging file of a deal. */
  public Path fileFor(Cid proposalCid) {
    return dir.resolve(proposalCid + SUFFIX);
  }

  /**
   * Throws if a deal of {@code size} bytes can never be staged here, whatever else is running (intake may call this
   * to refuse such a deal up front, as boost does).
   */
  public void checkFits(Cid deal, long size) {
    if (limit > 0 && size > limit) {
      throw new StagingSpaceException("deal " + deal + " needs " + size + " bytes of staging space but "
          + "MaxStagingDealsBytes is " + limit + ": raise MaxStagingDealsBytes in config.toml, or ask the client for "
          + "smaller deals");
    }
  }

  /**
   * Reserves {@code size} bytes for the deal if they are free now; a deal that already holds its reservation keeps
   * it. A deal that does not fit now is remembered and handed back by {@link #release} when space frees up.
   *
   * @return whether the deal holds its reservation
   * @throws StagingSpaceException if the deal can never fit (see {@link #checkFits})
   */
  public synchronized boolean reserve(Cid deal, long size) {
    if (reserved.containsKey(deal)) {
      return true;
    }
    checkFits(deal, size);
    long total = reservedBytes();
    boolean fits = limit > 0 ? total + size <= limit : size + total <= usableSpace();
    if (!fits) {
      if (waiting.add(deal)) {
        LOG.info("deal {} waits for staging space: needs {} bytes, {} bytes reserved by {} transfers (limit {})", deal,
            size, total, reserved.size(), limit == 0 ? "free disk space" : limit);
      }
      return false;
    }
    waiting.remove(deal);
    reserved.put(deal, size);
    return true;
  }

  /**
   * Reserves for a deal whose transfer was already admitted before a restart, even beyond the limit (it had the
   * space when it started; the operator may have lowered the limit since).
   */
  public synchronized void restore(Cid deal, long size) {
    reserved.putIfAbsent(deal, size);
  }

  /** Frees the deal's reservation; returns the deals that were waiting for space (to try again). */
  public synchronized List<Cid> release(Cid deal) {
    waiting.remove(deal);
    if (reserved.remove(deal) == null) {
      return List.of();
    }
    return new ArrayList<>(waiting);
  }

  public synchronized long reservedBytes() {
    return reserved.values().stream().mapToLong(Long::longValue).sum();
  }

  public synchronized boolean holds(Cid deal) {
    return reserved.containsKey(deal);
  }

  /** Deals waiting for space, oldest first. */
  public synchronized List<Cid> waiting() {
    return new ArrayList<>(waiting);
  }

  /** Deletes the deal's staging file if present. */
  public void delete(Cid deal) {
    try {
      Files.deleteIfExists(fileFor(deal));
    } catch (IOException e) {
      LOG.warn("deal {}: could not delete its staging file {}: {}", deal, fileFor(deal), e.toString());
    }
  }

  /**
   * Deletes staging files no live transfer owns: those of finished or failed deals left by a crash between the deal's
   * persisted transition and the clean-up. Call at start, before transfers resume.
   *
   * @param live whether the staging file named after this proposal CID (string) still belongs to a live transfer
   * @return how many files were deleted
   */
  public int sweep(Predicate<String> live) {
    int n = 0;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      for (Path f : files) {
        String name = f.getFileName().toString();
        String deal = name.endsWith(SUFFIX) ? name.substring(0, name.length() - SUFFIX.length()) : null;
        if (deal != null && live.test(deal)) {
          continue;
        }
        if (Files.isRegularFile(f)) {
          Files.deleteIfExists(f);
          LOG.info("removed staging file {}: no transfer in progress owns it", f);
          n++;
        }
      }
    } catch (IOException e) {
      LOG.warn("could not clean the deal staging directory {}: {}", dir, e.toString());
    }
    return n;
  }

  private long usableSpace() {
    try {
      return Files.getFileStore(dir).getUsableSpace();
    } catch (IOException e) {
      LOG.warn("cannot read the free space of {}: {}", dir, e.toString());
      return 0;
    }
  }
}
