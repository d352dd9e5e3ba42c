package venus.market.client.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteOptions;
import venus.market.core.MarketException;

/**
 * The client daemon's metadata store: RocksDB in {@code <repo>/metadata}, byte values under "/"-separated string
 * keys ({@code /deals/client/<proposalCid>}). Every write is synced, so an acknowledged deal survives a crash.
 */
public final class ClientStore implements AutoCloseable {
  static {
    RocksDB.loadLibrary();
  }

  private final Path dir;
  private final Options options;
  private final WriteOptions sync;
  private final RocksDB db;

  private ClientStore(Path dir, Options options, RocksDB db) {
    this.dir = dir;
    this.options = options;
    this.sync = new WriteOptions().setSync(true);
    this.db = db;
  }

  public static ClientStore open(Path dir) {
    Options options = new Options().setCreateIfMissing(true);
    try {
      Files.createDirectories(dir);
      return new ClientStore(dir, options, RocksDB.open(options, dir.toString()));
    } catch (RocksDBException | IOException e) {
      options.close();
      throw new MarketException("cannot open the client store " + dir + ": " + e.getMessage()
          + " (is another market-client daemon using this repo?)", e);
    }
  }

  public Optional<byte[]> get(String key) {
    try {
      return Optional.ofNullable(db.get(bytes(key)));
    } catch (RocksDBException e) {
      throw failure("read", key, e);
    }
  }

  public void put(String key, byte[] value) {
    try {
      db.put(sync, bytes(key), value);
    } catch (RocksDBException e) {
      throw failure("write", key, e);
    }
  }

  /** Every entry whose key starts with {@code prefix}, in key order. */
  public Map<String, byte[]> scan(String prefix) {
    byte[] p = bytes(prefix);
    Map<String, byte[]> out = new LinkedHashMap<>();
    try (RocksIterator it = db.newIterator()) {
      for (it.seek(p); it.isValid(); it.next()) {
        byte[] k = it.key();
        if (k.length < p.length || !Arrays.equals(k, 0, p.length, p, 0, p.length)) {
          break;
        }
        out.put(new String(k, StandardCharsets.UTF_8), it.value());
      }
    }
    return out;
  }

  @Override
  public void close() {
    db.close();
    sync.close();
    options.close();
  }

  private MarketException failure(String op, String key, RocksDBException e) {
    return new MarketException("client store " + dir + ": cannot " + op + " " + key + ": " + e.getMessage(), e);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
