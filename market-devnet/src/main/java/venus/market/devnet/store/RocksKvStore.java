package venus.market.devnet.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.DBOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;
import venus.market.devnet.DevnetException;

/** {@link KvStore} on RocksDB, one column family per {@link Column}; every commit is a synced WriteBatch. */
public final class RocksKvStore implements KvStore {
  static {
    RocksDB.loadLibrary();
  }

  private final Path dir;
  private final DBOptions options;
  private final RocksDB db;
  private final List<ColumnFamilyHandle> handles = new ArrayList<>();
  private final Map<Column, ColumnFamilyHandle> byColumn = new EnumMap<>(Column.class);
  private final WriteOptions syncWrite = new WriteOptions().setSync(true);

  private RocksKvStore(Path dir, DBOptions options, RocksDB db) {
    this.dir = dir;
    this.options = options;
    this.db = db;
  }

  /** Opens (creating if missing) the store in {@code dir}. */
  public static RocksKvStore open(Path dir) {
    try {
      Files.createDirectories(dir);
      List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
      descriptors.add(new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY));
      for (Column c : Column.values()) {
        descriptors.add(new ColumnFamilyDescriptor(c.familyNameBytes()));
      }
      DBOptions options =
          new DBOptions().setCreateIfMissing(true).setCreateMissingColumnFamilies(true);
      List<ColumnFamilyHandle> handles = new ArrayList<>();
      RocksDB db = RocksDB.open(options, dir.toString(), descriptors, handles);
      RocksKvStore store = new RocksKvStore(dir, options, db);
      store.handles.addAll(handles);
      Column[] columns = Column.values();
      for (int i = 0; i < columns.length; i++) {
        store.byColumn.put(columns[i], handles.get(i + 1));
      }
      return store;
    } catch (RocksDBException | java.io.IOException e) {
      throw new DevnetException("cannot open devnet state store " + dir + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Optional<byte[]> get(Column column, byte[] key) {
    try {
      return Optional.ofNullable(db.get(byColumn.get(column), key));
    } catch (RocksDBException e) {
      throw new DevnetException("read of " + column + " in " + dir + " failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void forEach(Column column, BiConsumer<byte[], byte[]> visitor) {
    try (RocksIterator it = db.newIterator(byColumn.get(column))) {
      for (it.seekToFirst(); it.isValid(); it.next()) {
        visitor.accept(it.key(), it.value());
      }
    }
  }

  @Override
  public void commit(Batch batch) {
    try (WriteBatch wb = new WriteBatch()) {
      RocksDBException[] failure = new RocksDBException[1];
      batch.forEach(
          (column, key, value) -> {
            try {
              if (value == null) {
                wb.delete(byColumn.get(column), key);
              } else {
                wb.put(byColumn.get(column), key, value);
              }
            } catch (RocksDBException e) {
              failure[0] = e;
            }
          });
      if (failure[0] != null) {
        throw failure[0];
      }
      db.write(syncWrite, wb);
    } catch (RocksDBException e) {
      throw new DevnetException("commit to " + dir + " failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    handles.forEach(ColumnFamilyHandle::close);
    db.close();
    options.close();
    syncWrite.close();
  }
}
