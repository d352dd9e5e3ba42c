package venus.market.devnet.store;

import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/** Column-oriented key-value store. Writes go through {@link Batch} so a tipset commits atomically. */
public interface KvStore extends AutoCloseable {

  Optional<byte[]> get(Column column, byte[] key);

  /** Visits every entry of the column in key order. */
  void forEach(Column column, BiConsumer<byte[], byte[]> visitor);

  /** Applies all puts and deletes atomically and durably. */
  void commit(Batch batch);

  @Override
  void close();

  /** A set of writes applied together; later writes to the same key win. */
  final class Batch {
    private final Map<Column, Map<Key, byte[]>> writes = new java.util.EnumMap<>(Column.class);

    public Batch put(Column column, byte[] key, byte[] value) {
      writes.computeIfAbsent(column, c -> new java.util.LinkedHashMap<>()).put(new Key(key), value);
      return this;
    }

    public Batch delete(Column column, byte[] key) {
      writes.computeIfAbsent(column, c -> new java.util.LinkedHashMap<>()).put(new Key(key), null);
      return this;
    }

    public boolean isEmpty() {
      return writes.isEmpty();
    }

    /** Visits every write; a null value means delete. */
    public void forEach(WriteVisitor visitor) {
      writes.forEach((c, m) -> m.forEach((k, v) -> visitor.visit(c, k.bytes(), v)));
    }

    /** One write of a batch. */
    @FunctionalInterface
    public interface WriteVisitor {
      void visit(Column column, byte[] key, byte[] valueOrNull);
    }
  }

  /** A byte-array key with value semantics. */
  record Key(byte[] bytes) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && java.util.Arrays.equals(bytes, k.bytes);
    }

    @Override
    public int hashCode() {
      return java.util.Arrays.hashCode(bytes);
    }
  }
}
