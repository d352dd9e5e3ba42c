package venus.market.devnet.sealer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Test-only hook, off unless {@value #ENV} names a directory: crash tests use it to stop the sealer between two of
 * its steps, so a kill lands exactly there. Before step {@code S} the sealer looks for the file {@code hold-S}; while
 * it exists the sealer writes {@code at-S} (the sector number) and waits; deleting {@code hold-S} lets it go on.
 * Steps: {@code assigned} (AssignUnPackedDeals answered, UpdateDealOnPacking not yet called), {@code precommit}
 * (deals reported Packing, PreCommitSectorBatch2 not yet pushed), {@code provecommit} (pre-commit on chain,
 * ProveCommitSectors3 not yet pushed).
 */
public final class SealerHold {
  /** Environment variable naming the hold directory. */
  public static final String ENV = "MARKET_DEVNET_SEALER_HOLD_DIR";
  /** No holds (production). */
  public static final SealerHold NONE = new SealerHold(null);

  private static final Logger LOG = LoggerFactory.getLogger(SealerHold.class);
  private final Path dir;

  public SealerHold(Path dir) {
    this.dir = dir;
  }

  /** From {@value #ENV}; {@link #NONE} when it is unset. */
  public static SealerHold fromEnvironment() {
    String d = System.getenv(ENV);
    return d == null || d.isBlank() ? NONE : new SealerHold(Path.of(d));
  }

  /** Waits before {@code step} of {@code sector} while the hold file of that step exists. */
  void before(String step, long sector) {
    if (dir == null || !Files.exists(dir.resolve("hold-" + step))) {
      return;
    }
    Path at = dir.resolve("at-" + step);
    try {
      Files.writeString(at, Long.toString(sector), StandardCharsets.US_ASCII);
      LOG.warn("test hold: sector {} waits before step '{}' until {} is deleted", sector, step,
          dir.resolve("hold-" + step));
      while (Files.exists(dir.resolve("hold-" + step))) {
        Thread.sleep(20);
      }
      Files.deleteIfExists(at);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SealerException("interrupted while held before " + step, e);
    }
  }
}
