package venus.market.daemon.store;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * The daemon's metadata store: byte values under string keys grouped by a "/"-separated prefix
 * ({@code /storage/provider/storage-ask/<miner>}, and for the deal subsystem
 * {@code /storage/provider/deals/<proposalCid>}). Writes are durable when they return.
 */
public interface KvStore extends AutoCloseable {
  Optional<byte[]> get(String key);

  void put(String key, byte[] value);

  void delete(String key);

  /**
   * Applies all {@code puts} and {@code deletes} as one atomic, durable write: after a crash either all of them
   * are visible or none (the deal state machine relies on this to keep record, history and index consistent).
   */
  void write(Map<String, byte[]> puts, Collection<String> deletes);

  /** Every entry whose key starts with {@code prefix}, in key order. */
  Map<String, byte[]> scan(String prefix);

  @Override
  void close();
}
