package venus.market.p2p.host;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts what each key holds (slots, or bytes) against a limit; keys whose count drops to zero are forgotten, so a
 * key costs memory only while it holds something.
 */
final class KeyedCounter<K> {

  private final ConcurrentHashMap<K, Long> counts = new ConcurrentHashMap<>();

  /** Takes a slot for {@code key} unless it already holds {@code limit}. */
  boolean tryAcquire(K key, int limit) {
    return tryAdd(key, 1, limit);
  }

  void release(K key) {
    subtract(key, 1);
  }

  /** Adds {@code n} (at least 1) to what {@code key} holds unless the sum would exceed {@code limit}. */
  boolean tryAdd(K key, long n, long limit) {
    boolean[] taken = {false};
    counts.compute(key, (k, held) -> {
      long now = held == null ? 0 : held;
      if (now + n > limit) {
        return held;
      }
      taken[0] = true;
      return now + n;
    });
    return taken[0];
  }

  /** Gives back {@code n} that {@code key} took with {@link #tryAdd}. */
  void subtract(K key, long n) {
    counts.computeIfPresent(key, (k, held) -> held <= n ? null : held - n);
  }

  int count(K key) {
    return (int) Math.min(Integer.MAX_VALUE, counts.getOrDefault(key, 0L));
  }
}
