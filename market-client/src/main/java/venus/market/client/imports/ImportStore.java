package venus.market.client.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import venus.market.core.MarketException;
import venus.market.core.multiformats.Cid;

/**
 * Local imports as one small JSON file per import, {@code <repo>/imports/<id>.json}, written to a temporary file and
 * renamed into place so a crash never leaves a half-written record. A stopgap until the client daemon's RocksDB
 * store; the file format is meant to be migrated, not kept.
 *
 * <p>IDs are wall-clock nanoseconds (like the IDs in the venus-market guide), bumped past the largest existing ID;
 * the temporary file is created exclusively under the ID's name, which claims the ID against a concurrent import.
 */
public final class ImportStore {

  private static final String SUFFIX = ".json";
  private static final String CLAIM_SUFFIX = ".json.tmp";
  private static final int MAX_RECORD_BYTES = 1 << 20;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path dir;

  private ImportStore(Path dir) {
    this.dir = dir;
  }

  /** The store under {@code repo}, created if missing. */
  public static ImportStore open(Path repo) throws IOException {
    Path dir = repo.resolve("imports");
    Files.createDirectories(dir);
    return new ImportStore(dir);
  }

  public ImportRecord add(Cid root, String source, String filePath, long size, String carPath) throws IOException {
    long id = Math.max(nowNanos(), maxId() + 1);
    while (true) {
      Path claim = dir.resolve(id + CLAIM_SUFFIX);
      if (!Files.exists(dir.resolve(id + SUFFIX))) {
        try {
          Files.createFile(claim);
          ImportRecord r = new ImportRecord(id, root, source, filePath, size, carPath, Instant.now());
          try {
            Files.write(claim, encode(r), StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.SYNC);
            Files.move(claim, dir.resolve(id + SUFFIX), StandardCopyOption.ATOMIC_MOVE);
          } finally {
            Files.deleteIfExists(claim);
          }
          return r;
        } catch (FileAlreadyExistsException taken) {
          // another process claimed this ID first
        }
      }
      id++;
    }
  }

  /** Every import, by ID. */
  public List<ImportRecord> list() throws IOException {
    List<ImportRecord> out = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
      for (Path f : files) {
        if (idOf(f) >= 0) {
          out.add(read(f));
        }
      }
    }
    out.sort(Comparator.comparingLong(ImportRecord::id));
    return out;
  }

  public ImportRecord get(long id) throws IOException {
    Path f = dir.resolve(id + SUFFIX);
    if (!Files.exists(f)) {
      throw new ImportNotFoundException(id);
    }
    return read(f);
  }

  /** Forgets the import; the user's own files (source, CAR given with --car) are never touched. */
  public void remove(long id) throws IOException {
    try {
      Files.delete(dir.resolve(id + SUFFIX));
    } catch (NoSuchFileException e) {
      throw new ImportNotFoundException(id);
    }
  }

  private long maxId() throws IOException {
    long max = 0;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      for (Path f : files) {
        max = Math.max(max, idOf(f));
      }
    }
    return max;
  }

  /** The ID a record or claim file is named after, -1 for any other file. */
  private static long idOf(Path f) {
    String name = f.getFileName().toString();
    String stem = name.endsWith(CLAIM_SUFFIX) ? name.substring(0, name.length() - CLAIM_SUFFIX.length())
        : name.endsWith(SUFFIX) ? name.substring(0, name.length() - SUFFIX.length()) : null;
    if (stem == null || stem.isEmpty() || stem.length() > 19 || !stem.chars().allMatch(Character::isDigit)) {
      return -1;
    }
    try {
      return Long.parseLong(stem);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static long nowNanos() {
    Instant now = Instant.now();
    return Math.multiplyExact(now.getEpochSecond(), 1_000_000_000L) + now.getNano();
  }

  private static byte[] encode(ImportRecord r) {
    ObjectNode n = JSON.createObjectNode();
    n.put("id", r.id());
    n.put("root", r.root().toString());
    n.put("source", r.source());
    n.put("filePath", r.filePath());
    n.put("size", r.size());
    if (r.carPath() != null) {
      n.put("carPath", r.carPath());
    }
    n.put("created", r.created().toString());
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(n);
    } catch (JsonProcessingException e) {
      throw new ImportStoreException("cannot encode import " + r.id() + ": " + e.getMessage(), e);
    }
  }

  private ImportRecord read(Path f) throws IOException {
    if (Files.size(f) > MAX_RECORD_BYTES) {
      throw new ImportStoreException("import record " + f + " is larger than " + MAX_RECORD_BYTES + " bytes");
    }
    try {
      JsonNode n = JSON.readTree(new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
      long id = required(n, "id", f).asLong();
      if (id != idOf(f)) {
        throw new ImportStoreException("import record " + f + " holds ID " + id + ", not the one in its name");
      }
      JsonNode car = n.get("carPath");
      return new ImportRecord(id, Cid.parse(required(n, "root", f).asText()), required(n, "source", f).asText(),
          required(n, "filePath", f).asText(), required(n, "size", f).asLong(),
          car == null || car.isNull() ? null : car.asText(), Instant.parse(required(n, "created", f).asText()));
    } catch (JsonProcessingException | MarketException | DateTimeParseException e) {
      if (e instanceof ImportStoreException ise) {
        throw ise;
      }
      throw new ImportStoreException("import record " + f + " is corrupt: " + e.getMessage(), e);
    }
  }

  private static JsonNode required(JsonNode n, String field, Path f) {
    JsonNode v = n == null ? null : n.get(field);
    if (v == null || v.isNull()) {
      throw new ImportStoreException("import record " + f + " has no '" + field + "'");
    }
    return v;
  }
}
