package venus.market.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import venus.market.client.cli.CliRun.Result;
import venus.market.core.car.CarReader;
import venus.market.core.car.CarV1Writer;
import venus.market.core.multiformats.Cid;
import venus.market.core.piece.CommPHasher;
import venus.market.core.piece.PieceCid;

class CarEdgeCasesTest {

  @TempDir
  Path tmp;

  private Path vector(String name) throws IOException {
    Path p = tmp.resolve(name);
    try (InputStream in = getClass().getResourceAsStream("/vectors/car/" + name)) {
      Files.copy(in, p);
    }
    return p;
  }

  @Test
  void commPOfCarV2CoversTheWholeFileAndImportTakesTheInnerRoot() throws IOException {
    Path car = vector("sample-wrapped-v2.car");
    Cid expected = PieceCid.v1(CommPHasher.of(Files.readAllBytes(car)));

    Result commp = CliRun.run(tmp, "data", "commP", car.toString());
    Result imp = CliRun.run(tmp, "data", "import", "--car", "-q", car.toString());

    assertThat(commp.out()).startsWith("CID:  " + expected + "\n");
    assertThat(imp.out()).isEqualTo("bafy2bzaced4ueelaegfs5fqu4tzsh6ywbbpfk3cxppupmxfdhbpbhzawfw5oy\n");
  }

  @Test
  void carWithTwoRootsIsRefusedForImport() throws IOException {
    Path cat = vector("cat.png.car");
    Cid root;
    try (InputStream in = Files.newInputStream(cat)) {
      root = CarReader.open(in).header().roots().get(0);
    }
    Path twoRoots = tmp.resolve("two.car");
    try (OutputStream out = Files.newOutputStream(twoRoots)) {
      new CarV1Writer(out, List.of(root, root));
    }

    Result r = CliRun.run(tmp, "data", "import", "--car", twoRoots.toString());

    assertThat(r.exit()).isEqualTo(ExitCodes.BAD_DATA);
    assertThat(r.err()).isEqualTo("ERROR: car file can have one and only one root: " + twoRoots + " has 2\n");
  }

  @Test
  void generatedCarRootIsTheImportRoot() throws IOException {
    byte[] data = new byte[3 << 20];
    new Random(9).nextBytes(data);
    Path in = Files.write(tmp.resolve("in.bin"), data);
    Path car = tmp.resolve("in.car");

    assertThat(CliRun.run(tmp, "data", "generate-car", in.toString(), car.toString()).exit()).isZero();
    String fromCar = CliRun.run(tmp, "data", "import", "--car", "-q", car.toString()).out();
    String fromFile = CliRun.run(tmp, "data", "import", "-q", in.toString()).out();

    assertThat(fromCar).isEqualTo(fromFile).startsWith("bafy");
  }

  @Test
  void generateCarRefusesToOverwriteItsInputOrWriteIntoAMissingDirectory() throws IOException {
    Path in = Files.writeString(tmp.resolve("keep.txt"), "precious");
    Path missingDir = tmp.resolve("no/such/dir/out.car");

    Result same = CliRun.run(tmp, "data", "generate-car", in.toString(), in.toString());
    Result noDir = CliRun.run(tmp, "data", "generate-car", in.toString(), missingDir.toString());

    assertThat(same.exit()).isEqualTo(ExitCodes.BAD_DATA);
    assertThat(same.err()).startsWith("ERROR: output ").contains("is the input file");
    assertThat(Files.readString(in)).isEqualTo("precious");
    assertThat(noDir.exit()).isEqualTo(ExitCodes.NOT_FOUND);
    assertThat(noDir.err()).isEqualTo("ERROR: no such file or directory: " + missingDir.getParent() + "\n");
  }

  @Test
  void dropOfTheSameIdTwiceOnOneLineDropsItOnce() throws IOException {
    Path f = Files.writeString(tmp.resolve("f.txt"), "x");
    String out = CliRun.run(tmp, "data", "import", f.toString()).out();
    String id = out.split("[ ,]")[1];

    Result r = CliRun.run(tmp, "data", "drop", id, id);

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(CliRun.run(tmp, "data", "local").out()).isEmpty();
  }
}
