package venus.market.daemon.piecestore;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import venus.market.core.multiformats.Cid;
import venus.market.daemon.config.FsStoreConfig;

/**
 * Pieces as files {@code <dir>/<pieceCid>} (CIDv1 base32, as droplet names them) in a directory the sealer reads.
 * A write goes to a hidden temp file in the same directory ({@code .<pieceCid>.<random>.tmp}), is fsynced and then
 * renamed over the final name, so the sealer never sees a partial piece; temp files left by a crash are removed
 * when the store opens (those of writers still open in this process are kept).
 */
public final class FsPieceStore implements PieceStore {
  private static final Logger LOG = LoggerFactory.getLogger(FsPieceStore.class);
  private static final Pattern TEMP = Pattern.compile("^\\..+\\.[0-9a-f]{16}\\.tmp$");
  private static final int BUFFER = 1 << 20;
  private static final SecureRandom RANDOM = new SecureRandom();
  /**
   * Temp files of writers still open in this process, by real path: opening the same directory again (a second
   * store object) must not delete an import in progress as a crash leftover.
   */
  private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();

  /** Opens the channel a piece's temp file is written through (a seam for tests: a device that is always full). */
  interface TempOpener {
    FileChannel open(Path temp) throws IOException;
  }

  private static final TempOpener CREATE_NEW =
      temp -> FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);

  private final String name;
  private final Path dir;
  private final Path realDir;
  private final boolean readOnly;
  private final TempOpener opener;

  private FsPieceStore(String name, Path dir, Path realDir, boolean readOnly, TempOpener opener) {
    this.name = name;
    this.dir = dir;
    this.realDir = realDir;
    this.readOnly = readOnly;
    this.opener = opener;
  }

  /** Opens (and for a writable store creates) the directory and removes temp files an earlier crash left. */
  public static FsPieceStore open(FsStoreConfig cfg) throws PieceStoreException {
    return open(cfg, CREATE_NEW);
  }

  static FsPieceStore open(FsStoreConfig cfg, TempOpener opener) throws PieceStoreException {
    Path dir = Path.of(cfg.path()).toAbsolutePath().normalize();
    try {
      if (!cfg.readOnly()) {
        Files.createDirectories(dir);
      }
    } catch (IOException e) {
      throw new PieceStoreException("piece store " + cfg.name() + ": cannot create directory " + dir + " ("
          + e + "); create it or fix [PieceStorage.Fs] Path", e);
    }
    if (!Files.isDirectory(dir)) {
      throw new PieceStoreException("piece store " + cfg.name() + ": " + dir + " is not a directory; fix"
          + " [PieceStorage.Fs] Path");
    }
    if (!cfg.readOnly() && !Files.isWritable(dir)) {
      throw new PieceStoreException("piece store " + cfg.name() + ": directory " + dir + " is not writable by this"
          + " process; fix its permissions or set ReadOnly = true");
    }
    Path real;
    try {
      real = dir.toRealPath();
    } catch (IOException e) {
      throw new PieceStoreException("piece store " + cfg.name() + ": cannot resolve " + dir + ": " + e, e);
    }
    FsPieceStore s = new FsPieceStore(cfg.name(), dir, real, cfg.readOnly(), opener);
    if (!cfg.readOnly()) {
      s.removeLeftovers();
    }
    return s;
  }

  @Override
  public String name() {
    return name;
  }

  public Path directory() {
    return dir;
  }

  @Override
  public boolean readOnly() {
    return readOnly;
  }

  @Override
  public OptionalLong size(Cid pieceCid) throws IOException {
    try {
      BasicFileAttributes a = Files.readAttributes(file(pieceCid), BasicFileAttributes.class);
      return a.isRegularFile() ? OptionalLong.of(a.size()) : OptionalLong.empty();
    } catch (NoSuchFileException e) {
      return OptionalLong.empty();
    }
  }

  @Override
  public InputStream open(Cid pieceCid, long offset) throws IOException {
    if (offset < 0) {
      throw new IllegalArgumentException("offset " + offset + " < 0");
    }
    FileChannel ch;
    try {
      ch = FileChannel.open(file(pieceCid), StandardOpenOption.READ);
    } catch (NoSuchFileException e) {
      throw new PieceNotFoundException(name, pieceCid);
    }
    try {
      long size = ch.size();
      if (offset > size) {
        throw new IOException("piece " + pieceCid + " in piece store " + name + " has " + size
            + " bytes; cannot read from offset " + offset);
      }
      ch.position(offset);
      return Channels.newInputStream(ch);
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
  }

  @Override
  public PieceWriter create(Cid pieceCid) throws IOException {
    if (readOnly) {
      throw new ReadOnlyPieceStoreException(name);
    }
    Path target = file(pieceCid);
    byte[] r = new byte[8];
    RANDOM.nextBytes(r);
    Path temp = realDir.resolve("." + pieceCid + "." + HexFormat.of().formatHex(r) + ".tmp");
    LIVE.add(temp);
    try {
      FileChannel ch = opener.open(temp);
      return new FileWriter(pieceCid, temp, target, ch);
    } catch (IOException e) {
      LIVE.remove(temp);
      throw writeFailure(pieceCid, "creating a temp file for", e);
    } catch (RuntimeException e) {
      LIVE.remove(temp);
      throw e;
    }
  }

  @Override
  public void putFile(Cid pieceCid, Path file) throws IOException {
    try (PieceWriter w = create(pieceCid); FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
      FileChannel out = ((FileWriter) w).channel;
      long size = in.size();
      long done = 0;
      while (done < size) {
        try {
          done += in.transferTo(done, size - done, out);
        } catch (IOException e) {
          throw writeFailure(pieceCid, "writing", e);
        }
      }
      w.commit();
    }
  }

  @Override
  public String location(Cid pieceCid) {
    return file(pieceCid).toString();
  }

  @Override
  public void close() {
    // Nothing is held open between calls.
  }

  @Override
  public String toString() {
    return "fs piece store " + name + " at " + dir + (readOnly ? " (read-only)" : "");
  }

  private Path file(Cid pieceCid) {
    // The CID's canonical string is base32 lower-case letters and digits: it cannot name another directory.
    return dir.resolve(pieceCid.toString());
  }

  /**
   * An operator-facing write error: which store, which directory, what the OS said, and what to do about it (a full
   * disk is the usual cause). Errors that already name the store pass through.
   */
  private PieceStoreException writeFailure(Cid pieceCid, String what, IOException e) {
    if (e instanceof PieceStoreException p) {
      return p;
    }
    String os = e.getMessage() == null ? e.toString() : e.getMessage();
    boolean full = os.contains("No space left") || os.contains("quota");
    return new PieceStoreException("piece store " + name + ": " + what + " piece " + pieceCid + " in " + dir
        + " failed: " + os + (full ? "; free space on that disk or point [PieceStorage.Fs] Path (or"
        + " --piecestorage) at a disk with room" : "; check that disk and the directory's permissions"), e);
  }

  private void removeLeftovers() throws PieceStoreException {
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(realDir,
        p -> TEMP.matcher(p.getFileName().toString()).matches())) {
      for (Path p : ds) {
        if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && !LIVE.contains(p)) {
          LOG.info("piece store {}: removing {} left by an interrupted write", name, p.getFileName());
          Files.deleteIfExists(p);
        }
      }
    } catch (IOException e) {
      throw new PieceStoreException("piece store " + name + ": cannot clean temp files in " + dir + ": " + e, e);
    }
  }

  private void fsyncDir() {
    // Makes the rename durable; some file systems refuse to open a directory for sync, which only weakens durability.
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    } catch (IOException e) {
      LOG.debug("piece store {}: cannot fsync directory {}: {}", name, dir, e.toString());
    }
  }

  private final class FileWriter implements PieceWriter {
    private final Cid pieceCid;
    private final Path temp;
    private final Path target;
    private final FileChannel channel;
    private final OutputStream out;
    private boolean done;

    FileWriter(Cid pieceCid, Path temp, Path target, FileChannel channel) {
      this.pieceCid = pieceCid;
      this.temp = temp;
      this.target = target;
      this.channel = channel;
      OutputStream buffered = new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER);
      // Write errors (a full disk) name the store and its directory: the OS message alone does not say where.
      this.out = new OutputStream() {
        @Override
        public void write(int b) throws IOException {
          try {
            buffered.write(b);
          } catch (IOException e) {
            throw writeFailure(pieceCid, "writing", e);
          }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          try {
            buffered.write(b, off, len);
          } catch (IOException e) {
            throw writeFailure(pieceCid, "writing", e);
          }
        }

        @Override
        public void flush() throws IOException {
          try {
            buffered.flush();
          } catch (IOException e) {
            throw writeFailure(pieceCid, "writing", e);
          }
        }

        @Override
        public void close() {
          // The writer owns the channel: closing the stream must neither commit nor abort.
        }
      };
    }

    @Override
    public OutputStream out() {
      return out;
    }

    @Override
    public synchronized String commit() throws IOException {
      if (done) {
        throw new IllegalStateException("piece " + pieceCid + ": writer already committed or aborted");
      }
      try {
        out.flush();
        try {
          channel.force(true);
          channel.close();
        } catch (IOException e) {
          throw writeFailure(pieceCid, "syncing", e);
        }
        try {
          Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          throw new PieceStoreException("piece store " + name + ": " + dir + " cannot rename atomically", e);
        }
        done = true;
        LIVE.remove(temp);
      } catch (IOException | RuntimeException e) {
        abort();
        throw e;
      }
      fsyncDir();
      LOG.info("piece store {}: stored piece {} ({} bytes)", name, pieceCid, Files.size(target));
      return target.toString();
    }

    @Override
    public synchronized void abort() {
      if (done) {
        return;
      }
      done = true;
      try {
        channel.close();
      } catch (IOException e) {
        LOG.debug("closing {}: {}", temp, e.toString());
      }
      try {
        Files.deleteIfExists(temp);
      } catch (IOException e) {
        LOG.warn("piece store {}: cannot remove {} after an aborted write: {}", name, temp, e.toString());
      } finally {
        LIVE.remove(temp);
      }
    }

    @Override
    public void close() {
      abort();
    }
  }
}
