package venus.market.devnet.state;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import venus.market.devnet.store.Column;
import venus.market.devnet.store.KvStore;

/**
 * One column of chain state held in memory (a devnet's state is small), with the keys changed since
 * the last flush and an undo log so a failed message leaves no trace.
 *
 * @param <K> key, ordered so iteration is deterministic
 * @param <V> value record
 */
public final class Table<K extends Comparable<K>, V> {
  private final Column column;
  private final Function<K, byte[]> keyCodec;
  private final Function<V, byte[]> valueCodec;
  private final TreeMap<K, V> rows = new TreeMap<>();
  private final Set<K> dirty = new HashSet<>();
  private Deque<Undo<K, V>> undo;

  private record Undo<K, V>(K key, V previous, boolean wasDirty) {}

  public Table(Column column, Function<K, byte[]> keyCodec, Function<V, byte[]> valueCodec) {
    this.column = column;
    this.keyCodec = keyCodec;
    this.valueCodec = valueCodec;
  }

  /** Loads every row of the column. */
  public void load(KvStore store, Function<byte[], K> keyDecoder, Function<byte[], V> valueDecoder) {
    rows.clear();
    store.forEach(column, (k, v) -> rows.put(keyDecoder.apply(k), valueDecoder.apply(v)));
  }

  public Optional<V> get(K key) {
    return Optional.ofNullable(rows.get(key));
  }

  public void put(K key, V value) {
    record(key);
    rows.put(key, value);
  }

  public void remove(K key) {
    record(key);
    rows.remove(key);
  }

  /** Rows in key order (read-only view). */
  public Map<K, V> rows() {
    return java.util.Collections.unmodifiableMap(rows);
  }

  void begin() {
    undo = new ArrayDeque<>();
  }

  void rollback() {
    while (undo != null && !undo.isEmpty()) {
      Undo<K, V> u = undo.pop();
      if (u.previous() == null) {
        rows.remove(u.key());
      } else {
        rows.put(u.key(), u.previous());
      }
      if (!u.wasDirty()) {
        dirty.remove(u.key());
      }
    }
    undo = null;
  }

  void commitTransaction() {
    undo = null;
  }

  void flushTo(KvStore.Batch batch) {
    for (K k : dirty) {
      V v = rows.get(k);
      if (v == null) {
        batch.delete(column, keyCodec.apply(k));
      } else {
        batch.put(column, keyCodec.apply(k), valueCodec.apply(v));
      }
    }
    dirty.clear();
  }

  private void record(K key) {
    if (undo != null) {
      undo.push(new Undo<>(key, rows.get(key), dirty.contains(key)));
    }
    dirty.add(key);
  }
}
