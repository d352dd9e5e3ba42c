package venus.market.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import venus.market.client.cli.CliRun.Result;
import venus.market.core.piece.CommPHasher;
import venus.market.core.piece.PieceCid;
import venus.market.core.piece.PieceCommitment;
import venus.market.core.unixfs.CarGenerator;
import venus.market.core.unixfs.UnixFsImporter;

class DataCommandsTest {

  @TempDir
  Path tmp;

  private Path home() throws IOException {
    return Files.createDirectories(tmp.resolve("home"));
  }

  private Path randomFile(String name, int size, long seed) throws IOException {
    byte[] data = new byte[size];
    new Random(seed).nextBytes(data);
    return Files.write(tmp.resolve(name), data);
  }

  private Path vector(String name) throws IOException {
    Path p = tmp.resolve(name);
    try (InputStream in = getClass().getResourceAsStream("/vectors/car/" + name)) {
      Files.copy(in, p);
    }
    return p;
  }

  @Test
  void generateCarWritesCoreCarAndCommPOfItMatchesCore() throws IOException {
    // 2.5 MiB: three leaves under one dag-pb root
    Path in = randomFile("data.bin", (5 << 20) / 2, 1);
    Path car = tmp.resolve("data.car");

    Result gen = CliRun.run(home(), "data", "generate-car", in.toString(), car.toString());
    assertThat(gen.exit()).as(gen.err()).isZero();
    assertThat(gen.out()).isEmpty();
    assertThat(gen.err()).isEmpty();

    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    new CarGenerator().generate(in, expected);
    assertThat(Files.readAllBytes(car)).isEqualTo(expected.toByteArray());
    assertThat(Files.list(tmp).map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));

    PieceCommitment c = CommPHasher.of(expected.toByteArray());
    Result commp = CliRun.run(home(), "data", "commP", car.toString());
    assertThat(commp.exit()).as(commp.err()).isZero();
    assertThat(commp.out().lines().toList()).containsExactly(
        "CID:  " + PieceCid.v1(c),
        "Piece size:  " + venus.market.core.amount.ByteSizes.sizeStr(c.size().unpadded().bytes()),
        "Piece size in bytes:  " + c.size().unpadded().bytes());
  }

  @Test
  void commPOfLotusVectorPrintsWhatLotusPrinted() throws IOException {
    Path car = vector("cat.png.car");
    String expected = new String(getClass().getResourceAsStream("/vectors/car/cat.png.car.commp").readAllBytes(),
        StandardCharsets.UTF_8);

    Result r = CliRun.run(home(), "data", "commP", car.toString());

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo(expected);
  }

  @Test
  void commPJsonHasLotusCommPRetShape() throws IOException {
    Result r = CliRun.run(home(), "data", "commP", "--json", vector("cat.png.car").toString());

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out().replaceAll("\\s", "")).isEqualTo("{\"Root\":{\"/\":"
        + "\"baga6ea4seaqae5ysjdbsr4b5jhotaz5ooh62jrrdbxwygfpkkfjz44kvywycmgy\"},\"Size\":520192,"
        + "\"PaddedSize\":524288}");
  }

  @Test
  void guideSizeFormatting() {
    // the guide's offline deal: 4064 unpadded bytes print as 3.969 KiB
    assertThat(venus.market.core.amount.ByteSizes.sizeStr(4064)).isEqualTo("3.969 KiB");
  }

  @Test
  void importLocalDropRoundTrip() throws IOException {
    Path home = home();
    Path file = randomFile("payload.bin", 1_500_000, 2);
    Path small = randomFile("small.txt", 809, 3);
    String root = new UnixFsImporter().importFile(Files.newInputStream(file), (c, b, o, l, f) -> { }).root()
        .toString();
    String smallRoot = new UnixFsImporter().importFile(Files.newInputStream(small), (c, b, o, l, f) -> { }).root()
        .toString();

    Result first = CliRun.run(home, "data", "import", file.toString());
    Result second = CliRun.run(home, "data", "import", small.toString());

    assertThat(first.exit()).as(first.err()).isZero();
    assertThat(first.out()).matches("Import \\d+, Root " + root + "\n");
    assertThat(second.out()).matches("Import \\d+, Root " + smallRoot + "\n");
    long id1 = Long.parseLong(first.out().split("[ ,]")[1]);
    long id2 = Long.parseLong(second.out().split("[ ,]")[1]);
    assertThat(id2).isGreaterThan(id1);
    assertThat(home.resolve(".marketclient/imports/" + id1 + ".json")).isRegularFile();

    Result local = CliRun.run(home, "data", "local");
    assertThat(local.exit()).isZero();
    assertThat(local.out().lines().toList()).containsExactly(
        id1 + ": " + root + " @" + file.toAbsolutePath() + " (import)",
        id2 + ": " + smallRoot + " @" + small.toAbsolutePath() + " (import)");

    Result json = CliRun.run(home, "data", "local", "--json");
    assertThat(json.out()).contains("\"Key\" : " + id2, "\"Size\" : 809", "\"Size\" : 1500000");

    Result drop = CliRun.run(home, "data", "drop", Long.toString(id1));
    assertThat(drop.exit()).as(drop.err()).isZero();
    assertThat(drop.out()).isEmpty();
    assertThat(CliRun.run(home, "data", "local").out().lines().toList())
        .containsExactly(id2 + ": " + smallRoot + " @" + small.toAbsolutePath() + " (import)");
    assertThat(file).exists();

    Result again = CliRun.run(home, "data", "drop", Long.toString(id1));
    assertThat(again.exit()).isEqualTo(ExitCodes.NOT_FOUND);
    assertThat(again.err()).isEqualTo("ERROR: no import with ID " + id1 + " (see 'market-client data local')\n");
  }

  @Test
  void importQuietAndCarAndJson() throws IOException {
    Path home = home();
    Path car = vector("cat.png.car");

    Result r = CliRun.run(home, "data", "import", "--car", "-q", car.toString());

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("bafk2bzace").doesNotContain("Import");
    Result local = CliRun.run(home, "data", "local", "--json");
    assertThat(local.out()).contains("\"CARPath\" : \"" + car.toAbsolutePath() + "\"");

    Result json = CliRun.run(home, "data", "import", "--json", car.toString());
    assertThat(json.out()).contains("\"ImportID\"", "\"Root\"");
  }

  @Test
  void repoFromFlagAndEnvironment() throws IOException {
    Path home = home();
    Path file = randomFile("f.bin", 100, 4);
    Path flagRepo = tmp.resolve("flag-repo");
    Path envRepo = tmp.resolve("env-repo");

    assertThat(CliRun.run(home, "--repo", flagRepo.toString(), "data", "import", file.toString()).exit()).isZero();
    assertThat(CliRun.run(home, "data", "import", "--repo", flagRepo.toString(), file.toString()).exit()).isZero();
    assertThat(CliRun.run(home, Map.of("MARKET_CLIENT_PATH", envRepo.toString()), "data", "import",
        file.toString()).exit()).isZero();

    assertThat(CliRun.run(home, "--repo", flagRepo.toString(), "data", "local").out().lines()).hasSize(2);
    assertThat(CliRun.run(home, Map.of("VENUS_MARKET_CLIENT_PATH", envRepo.toString()), "data", "local")
        .out().lines()).hasSize(1);
    assertThat(home.resolve(".marketclient")).doesNotExist();
  }

  @Test
  void missingFileIsOneLineErrorWithNotFoundCode() throws IOException {
    Path missing = tmp.resolve("nope.car");
    for (String[] args : new String[][] {{"data", "commP", missing.toString()},
        {"data", "import", missing.toString()},
        {"data", "generate-car", missing.toString(), tmp.resolve("out.car").toString()}}) {
      Result r = CliRun.run(home(), args);
      assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(ExitCodes.NOT_FOUND);
      assertThat(r.err()).isEqualTo("ERROR: no such file or directory: " + missing.toAbsolutePath() + "\n");
      assertThat(r.out()).isEmpty();
    }
    assertThat(tmp.resolve("out.car")).doesNotExist();
  }

  @Test
  void notACarIsRejectedWithBadDataCode() throws IOException {
    Path text = Files.writeString(tmp.resolve("readme.md"), "# hello, not a CAR\n");

    Result r = CliRun.run(home(), "data", "commP", text.toString());
    Result imp = CliRun.run(home(), "data", "import", "--car", text.toString());

    assertThat(r.exit()).isEqualTo(ExitCodes.BAD_DATA);
    assertThat(r.err()).startsWith("ERROR: not a car file: " + text).endsWith("\n");
    assertThat(r.err().lines()).hasSize(1);
    assertThat(imp.exit()).isEqualTo(ExitCodes.BAD_DATA);
    assertThat(imp.err()).startsWith("ERROR: not a car file: ");
    assertThat(CliRun.run(home(), "data", "local").out()).isEmpty();
  }

  @Test
  void directoryInputIsBadData() throws IOException {
    Result r = CliRun.run(home(), "data", "import", tmp.toString());

    assertThat(r.exit()).isEqualTo(ExitCodes.BAD_DATA);
    assertThat(r.err()).isEqualTo("ERROR: " + tmp.toAbsolutePath().normalize()
        + " is a directory; a regular file is needed\n");
  }

  @Test
  void verbosePrintsStackTrace() throws IOException {
    Result r = CliRun.run(home(), "--verbose", "data", "commP", tmp.resolve("nope").toString());

    assertThat(r.exit()).isEqualTo(ExitCodes.NOT_FOUND);
    assertThat(r.err().lines().count()).isGreaterThan(2);
    assertThat(r.err()).startsWith("ERROR: no such file").contains("\tat ");
  }

  @Test
  void badUsageExitsTwo() throws IOException {
    Result noArgs = CliRun.run(home(), "data", "commP");
    Result badId = CliRun.run(home(), "data", "drop", "abc");
    Result unknown = CliRun.run(home(), "data", "frobnicate");

    assertThat(noArgs.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(noArgs.err()).contains("Missing required parameter");
    assertThat(badId.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(unknown.exit()).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void everyCommandHasHelp() throws IOException {
    String[][] commands = {{}, {"data"}, {"data", "import"}, {"data", "local"}, {"data", "drop"},
        {"data", "generate-car"}, {"data", "commP"}};
    for (String[] c : commands) {
      String[] args = java.util.Arrays.copyOf(c, c.length + 1);
      args[c.length] = "--help";
      Result r = CliRun.run(home(), args);
      assertThat(r.exit()).as(String.join(" ", args)).isZero();
      assertThat(r.out()).startsWith("Usage: market-client").contains("--repo=<dir>");
    }
  }

  @Test
  void forcedProgressGoesToStderrOnly() throws IOException {
    Path car = vector("cat.png.car");

    Result r = CliRun.run(home(), "data", "commP", "--progress", car.toString());

    assertThat(r.exit()).isZero();
    assertThat(r.err()).startsWith("\rcommP [" + "=".repeat(39) + ">] 99% (").endsWith("\rcommP [" + "=".repeat(40)
        + "] 100% (383.2 KiB / 383.2 KiB)\n");
    assertThat(r.out()).startsWith("CID:  baga6ea4seaqae5ysjdbsr4b5jhotaz5ooh62jrrdbxwygfpkkfjz44kvywycmgy\n");
  }

  @Test
  void importAndGenerateCarDrawAProgressBarOnStderr() throws IOException {
    Path home = home();
    Path file = home.resolve("big.bin");
    byte[] data = new byte[3 << 20];
    new Random(7).nextBytes(data);
    Files.write(file, data);

    Result imp = CliRun.run(home, "data", "import", "--progress", "-q", file.toString());
    assertThat(imp.exit()).as(imp.err()).isZero();
    assertThat(imp.out()).startsWith("bafy").doesNotContain("%");
    assertThat(imp.err()).startsWith("\rimport [").contains("\rimport [" + "=".repeat(13) + ">" + " ".repeat(26)
        + "] 33% (1 MiB / 3 MiB)").endsWith("] 100% (3 MiB / 3 MiB)\n");

    Path car = home.resolve("big.car");
    Result gen = CliRun.run(home, "data", "generate-car", "--progress", file.toString(), car.toString());
    assertThat(gen.exit()).as(gen.err()).isZero();
    assertThat(gen.out()).isEmpty();
    assertThat(gen.err()).startsWith("\rgenerate-car [").contains("] 66% (2 MiB / 3 MiB)")
        .endsWith("] 100% (3 MiB / 3 MiB)\n");
  }
}
