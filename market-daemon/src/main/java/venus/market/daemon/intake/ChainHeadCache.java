package venus.market.daemon.intake;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The chain height, asked of the node at most once per {@link #MAX_AGE}: a burst of proposals then costs one
 * ChainHead call instead of one each. An epoch lasts 30 s and the seal window is hours, so a height a second old
 * changes no decision.
 */
final class ChainHeadCache {
  static final Duration MAX_AGE = Duration.ofSeconds(1);

  private final LongSupplier head;
  private final LongSupplier nanoTime;
  private long height;
  private long readAt;
  private boolean valid;

  ChainHeadCache(LongSupplier head, LongSupplier nanoTime) {
    this.head = head;
    this.nanoTime = nanoTime;
  }

  synchronized long height() {
    long now = nanoTime.getAsLong();
    if (!valid || now - readAt > MAX_AGE.toNanos()) {
      height = head.getAsLong();
      readAt = now;
      valid = true;
    }
    return height;
  }
}
