package venus.market.client.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import venus.market.core.MarketException;
import venus.market.core.car.CarReader;
import venus.market.core.piece.CommPHasher;
import venus.market.core.piece.PieceCid;
import venus.market.core.piece.PieceCommitment;

/**
 * commP of a CAR file as lotus ClientCalcCommP computes it: the file must start with a CAR header (lotus refuses
 * anything else because the provider could not serve retrievals from it), and the piece covers the WHOLE file,
 * CARv2 wrapper and index included, not just the inner CARv1.
 */
public final class CarCommP {

  private static final int BUFFER = 1 << 20;

  private CarCommP() {
  }

  public static CommPResult of(Path car, ByteProgress progress) throws IOException {
    requireRegularFile(car);
    try (InputStream in = new BufferedInputStream(Files.newInputStream(car))) {
      CarReader.open(in);
    } catch (MarketException e) {
      throw new DataException("not a car file: " + car + ": " + e.getMessage(), e);
    }
    CommPHasher hasher = new CommPHasher();
    try (InputStream in = Files.newInputStream(car)) {
      byte[] buf = new byte[BUFFER];
      int n;
      while ((n = in.read(buf)) > 0) {
        hasher.write(buf, 0, n);
        progress.advance(n);
      }
    }
    PieceCommitment c = hasher.digest();
    return new CommPResult(PieceCid.v1(c), c.size().unpadded().bytes(), c.size().bytes());
  }

  /** Fails with an operator message for a directory; a missing file surfaces as NoSuchFileException on open. */
  static void requireRegularFile(Path file) {
    if (Files.isDirectory(file)) {
      throw new DataException(file + " is a directory; a regular file is needed");
    }
  }
}
