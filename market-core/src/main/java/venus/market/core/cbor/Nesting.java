package venus.market.core.cbor;

import java.util.function.Function;

/**
 * Tracks open arrays and maps while items are read or written, so both sides can enforce item counts, that map
 * keys are text, and that keys are strictly increasing in {@link MapKeyOrder} (which also forbids duplicates).
 */
final class Nesting {

  private final int maxDepth;
  private final Function<String, RuntimeException> error;
  private final boolean[] isMap;
  private final long[] remaining;
  private final byte[][] previousKey;
  private final boolean[] anyKeyOrder;
  private int depth;

  Nesting(int maxDepth, Function<String, RuntimeException> error) {
    this.maxDepth = maxDepth;
    this.error = error;
    this.isMap = new boolean[maxDepth];
    this.remaining = new long[maxDepth];
    this.previousKey = new byte[maxDepth][];
    this.anyKeyOrder = new boolean[maxDepth];
  }

  int depth() {
    return depth;
  }

  /** True if the next item is a map key. */
  boolean atKey() {
    return depth > 0 && isMap[depth - 1] && remaining[depth - 1] % 2 == 0;
  }

  /** Called before each item; {@code text} says whether the item is a text string. */
  void beginItem(boolean text) {
    if (!text && atKey()) {
      throw error.apply("expected a text string map key (DAG-CBOR map keys are strings)");
    }
    if (depth > 0) {
      remaining[depth - 1]--;
    }
  }

  /** Called after a text item that {@link #atKey} said was a key. */
  void keyRead(byte[] key) {
    if (anyKeyOrder[depth - 1]) {
      return;
    }
    byte[] prev = previousKey[depth - 1];
    if (prev != null && MapKeyOrder.compare(prev, key) >= 0) {
      throw error.apply(MapKeyOrder.compare(prev, key) == 0 ? "duplicate map key \"" + text(key) + "\""
          : "map key \"" + text(key) + "\" is out of canonical order (after \"" + text(prev) + "\"; "
              + "keys sort by length, then bytewise)");
    }
    previousKey[depth - 1] = key;
  }

  /** Opens a container of {@code items} data items (2 per map entry); empty containers complete at once. */
  void open(boolean map, long items) {
    open(map, items, false);
  }

  /** As {@link #open(boolean, long)}; {@code anyKeyOrder} turns off the key order check for this map only. */
  void open(boolean map, long items, boolean anyKeyOrder) {
    if (items > 0) {
      if (depth == maxDepth) {
        throw error.apply("nesting deeper than " + maxDepth + " levels");
      }
      isMap[depth] = map;
      remaining[depth] = items;
      previousKey[depth] = null;
      this.anyKeyOrder[depth] = anyKeyOrder;
      depth++;
    }
    closeCompleted();
  }

  /** Called after each scalar item: pops every container whose last item this was. */
  void closeCompleted() {
    while (depth > 0 && remaining[depth - 1] == 0) {
      previousKey[--depth] = null;
    }
  }

  private static String text(byte[] key) {
    return new String(key, java.nio.charset.StandardCharsets.UTF_8);
  }
}
