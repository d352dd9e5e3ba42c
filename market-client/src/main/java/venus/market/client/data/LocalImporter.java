package venus.market.client.data;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import venus.market.core.MarketException;
import venus.market.core.car.CarHeader;
import venus.market.core.car.CarReader;
import venus.market.core.multiformats.Cid;
import venus.market.core.unixfs.CarGenerator;
import venus.market.core.unixfs.ImportResult;
import venus.market.core.unixfs.UnixFsImporter;

/**
 * The client's view of its data without a daemon: the UnixFS root lotus {@code client import} would report, the
 * root of a CAR imported as-is, and the dense CAR of {@code client generate-car}.
 */
public final class LocalImporter {

  private final UnixFsImporter importer = new UnixFsImporter();

  /** Chunks {@code file} as lotus does (core importer) and returns its root and size; nothing is stored. */
  public ImportResult importFile(Path file, ByteProgress progress) throws IOException {
    CarCommP.requireRegularFile(file);
    try (InputStream in = new Counting(new BufferedInputStream(Files.newInputStream(file), 1 << 20), progress)) {
      return importer.importFile(in, (cid, block, off, len, fileOffset) -> { });
    }
  }

  /**
   * The root of a CAR imported as-is (lotus {@code import --car}): CARv1 or CARv2 with exactly one root, as lotus
   * demands, since a deal names one payload root.
   */
  public Cid carRoot(Path car) throws IOException {
    CarCommP.requireRegularFile(car);
    CarHeader header;
    try (InputStream in = new BufferedInputStream(Files.newInputStream(car))) {
      header = CarReader.open(in).header();
    } catch (MarketException e) {
      throw new DataException("not a car file: " + car + ": " + e.getMessage(), e);
    }
    if (header.roots().size() != 1) {
      throw new DataException("car file can have one and only one root: " + car + " has "
          + header.roots().size());
    }
    return header.roots().get(0);
  }

  /**
   * Writes the CAR of {@code file} to {@code out} via a temporary file next to it, so a failed or interrupted run
   * never leaves a truncated CAR under the requested name. Progress counts CAR bytes written (the second pass).
   */
  public ImportResult generateCar(Path file, Path out, ByteProgress progress) throws IOException {
    CarCommP.requireRegularFile(file);
    if (Files.isDirectory(out)) {
      throw new DataException(out + " is a directory; give the path of the CAR file to write");
    }
    Path abs = out.toAbsolutePath().normalize();
    if (!Files.isDirectory(abs.getParent())) {
      throw new NoSuchFileException(abs.getParent().toString(), null, "directory for the CAR does not exist");
    }
    if (Files.exists(abs) && Files.isSameFile(abs, file)) {
      throw new DataException("output " + out + " is the input file; give another path for the CAR");
    }
    Path tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName(), ".tmp");
    try {
      ImportResult result;
      try (OutputStream os = new CountingOut(Files.newOutputStream(tmp), progress)) {
        result = new CarGenerator(importer).generate(file, os);
      }
      Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return result;
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static final class Counting extends FilterInputStream {
    private final ByteProgress progress;

    Counting(InputStream in, ByteProgress progress) {
      super(in);
      this.progress = progress;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        progress.advance(1);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        progress.advance(n);
      }
      return n;
    }
  }

  private static final class CountingOut extends java.io.FilterOutputStream {
    private final ByteProgress progress;

    CountingOut(OutputStream out, ByteProgress progress) {
      super(new java.io.BufferedOutputStream(out, 1 << 20));
      this.progress = progress;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      progress.advance(1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      progress.advance(len);
    }
  }
}
