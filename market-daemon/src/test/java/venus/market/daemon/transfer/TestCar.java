package venus.market.daemon.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import venus.market.core.multiformats.Cid;
import venus.market.core.piece.CommPHasher;
import venus.market.core.piece.PaddedPieceSize;
import venus.market.core.piece.PieceCid;
import venus.market.core.piece.PieceCommitment;
import venus.market.core.unixfs.CarGenerator;
import venus.market.core.unixfs.ImportResult;

/** A real deal CAR: random file bytes imported as UnixFS (lotus layout) and written as CARv1, with its commP. */
public record TestCar(Path car, long size, Cid root, PieceCommitment commP) {

  public static TestCar generate(Path dir, String name, int fileBytes, long seed) throws IOException {
    Files.createDirectories(dir);
    Path file = dir.resolve(name + ".bin");
    byte[] data = new byte[fileBytes];
    new Random(seed).nextBytes(data);
    Files.write(file, data);
    Path car = dir.resolve(name + ".car");
    ImportResult r;
    try (OutputStream out = Files.newOutputStream(car)) {
      r = new CarGenerator().generate(file, out);
    }
    PieceCommitment c;
    try (InputStream in = Files.newInputStream(car)) {
      c = CommPHasher.of(in);
    }
    return new TestCar(car, Files.size(car), r.root(), c);
  }

  /** The piece CID a client would propose for a piece of {@code size} padded bytes (lotus pads commP up). */
  public Cid pieceCid(PaddedPieceSize size) {
    return PieceCid.v1(commP.padTo(size));
  }

  public PaddedPieceSize naturalSize() {
    return commP.size();
  }
}
