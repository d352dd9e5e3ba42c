package venus.market.daemon.store;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;
import venus.market.core.MarketException;

/**
 * {@link KvStore} on RocksDB in {@code <repo>/metadata}; every write is synced so a crash loses nothing acknowledged.
 * Calls after {@link #close()} fail with a {@link MarketException} instead of reaching the closed native handle (a
 * background thread still polling at shutdown would otherwise crash the JVM): operations hold a read lock, close
 * takes the write lock.
 */
public final class RocksKvStore implements KvStore {
  static {
    RocksDB.loadLibrary();
  }

  private final Path dir;
  private final Options options;
  private final WriteOptions sync;
  private final RocksDB db;
  private final java.util.concurrent.locks.ReentrantReadWriteLock lock =
      new java.util.concurrent.locks.ReentrantReadWriteLock();
  private boolean closed;

  private RocksKvStore(Path dir, Options options, RocksDB db) {
    this.dir = dir;
    this.options = options;
    this.sync = new WriteOptions().setSync(true);
    this.db = db;
  }

  public static RocksKvStore open(Path dir) {
    Options options = new Options().setCreateIfMissing(true);
    try {
      Files.createDirectories(dir);
      return new RocksKvStore(dir, options, RocksDB.open(options, dir.toString()));
    } catch (RocksDBException | java.io.IOException e) {
      options.close();
      throw new MarketException("cannot open the metadata store " + dir + ": " + e.getMessage()
          + " (is another venus-market daemon using this repo?)", e);
    }
  }

  @Override
  public Optional<byte[]> get(String key) {
    open("read", key);
    try {
      return Optional.ofNullable(db.get(bytes(key)));
    } catch (RocksDBException e) {
      throw failure("read", key, e);
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public void put(String key, byte[] value) {
    open("write", key);
    try {
      db.put(sync, bytes(key), value);
    } catch (RocksDBException e) {
      throw failure("write", key, e);
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public void delete(String key) {
    open("delete", key);
    try {
      db.delete(sync, bytes(key));
    } catch (RocksDBException e) {
      throw failure("delete", key, e);
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public void write(Map<String, byte[]> puts, Collection<String> deletes) {
    open("write", puts.keySet().stream().findFirst().orElse(""));
    try (WriteBatch batch = new WriteBatch()) {
      for (String key : deletes) {
        batch.delete(bytes(key));
      }
      for (Map.Entry<String, byte[]> e : puts.entrySet()) {
        batch.put(bytes(e.getKey()), e.getValue());
      }
      db.write(sync, batch);
    } catch (RocksDBException e) {
      throw failure("write a batch of " + (puts.size() + deletes.size()) + " keys incl.",
          puts.keySet().stream().findFirst().orElse(""), e);
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public Map<String, byte[]> scan(String prefix) {
    byte[] p = bytes(prefix);
    Map<String, byte[]> out = new LinkedHashMap<>();
    open("scan", prefix);
    try (RocksIterator it = db.newIterator()) {
      for (it.seek(p); it.isValid(); it.next()) {
        byte[] k = it.key();
        if (k.length < p.length || !Arrays.equals(k, 0, p.length, p, 0, p.length)) {
          break;
        }
        out.put(new String(k, StandardCharsets.UTF_8), it.value());
      }
    } finally {
      lock.readLock().unlock();
    }
    return out;
  }

  @Override
  public void close() {
    lock.writeLock().lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      db.close();
      sync.close();
      options.close();
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Takes the read lock for one operation; the caller unlocks. */
  private void open(String op, String key) {
    lock.readLock().lock();
    if (closed) {
      lock.readLock().unlock();
      throw new MarketException("metadata store " + dir + " is closed: cannot " + op + " " + key
          + " (the daemon is stopping)");
    }
  }

  private MarketException failure(String op, String key, RocksDBException e) {
    return new MarketException("metadata store " + dir + ": cannot " + op + " " + key + ": " + e.getMessage(), e);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
