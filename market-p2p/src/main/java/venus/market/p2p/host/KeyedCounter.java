package venus.market.p2p.host;

import java.util.concurrent.ConcurrentHashMap;

/** Counts held slots per key against a limit; keys whose count drops to zero are forgotten. */
final class KeyedCounter<K> {

  private final ConcurrentHashMap<K, Integer> counts = new ConcurrentHashMap<>();

  /** Takes a slot for {@code key} unless it already holds {@code limit}. */
  boolean tryAcquire(K key, int limit) {
    boolean[] taken = {false};
    counts.compute(key, (k, n) -> {
      int held = n == null ? 0 : n;
      if (held >= limit) {
        return n;
      }
      taken[0] = true;
      return held + 1;
    });
    return taken[0];
  }

  void release(K key) {
    counts.computeIfPresent(key, (k, n) -> n <= 1 ? null : n - 1);
  }

  int count(K key) {
    return counts.getOrDefault(key, 0);
  }
}
