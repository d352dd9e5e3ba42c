package venus.market.core.unixfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import venus.market.core.car.BlockVerifier;
import venus.market.core.car.CarBlock;
import venus.market.core.car.CarReader;
import venus.market.core.car.DagCompleteness;
import venus.market.core.multiformats.Cid;
import venus.market.core.multiformats.Multicodec;
import venus.market.core.piece.CommPHasher;
import venus.market.core.piece.PieceCid;
import venus.market.core.piece.PieceCommitment;
import venus.market.core.piece.TestVectors;

class UnixFsImporterTest {

  /** The pattern the reference values were computed over: byte i = (i * 31 + i / 256) & 0xff. */
  private static InputStream pattern(long n) {
    return new InputStream() {
      private long i;

      @Override
      public int read() {
        if (i >= n) {
          return -1;
        }
        int b = (int) ((i * 31 + i / 256) & 0xff);
        i++;
        return b;
      }

      @Override
      public int read(byte[] buf, int off, int len) {
        if (i >= n) {
          return -1;
        }
        int k = (int) Math.min(len, n - i);
        for (int j = 0; j < k; j++, i++) {
          buf[off + j] = (byte) ((i * 31 + i / 256) & 0xff);
        }
        return k;
      }
    };
  }

  private static Cid root(UnixFsImporter importer, InputStream in) throws IOException {
    return importer.importFile(in, (cid, block, off, len, fileOffset) -> { }).root();
  }

  @Test
  void rootsMatchTheIndependentJsImporter() throws IOException {
    int checked = 0;
    for (String line : TestVectors.lines("unixfs/js-importer-roots.csv")) {
      String[] f = line.split(",");
      long n = Long.parseLong(f[1]);
      UnixFsImporter importer = f[0].equals("lotus") ? new UnixFsImporter() : new UnixFsImporter(256, 3);
      assertThat(root(importer, pattern(n)).toString()).as("%s, %d bytes", f[0], n).isEqualTo(f[2]);
      checked++;
    }
    assertThat(checked).isEqualTo(21);
  }

  @Test
  void emptyFileIsTheEmptyIdentityRawCid() throws IOException {
    assertThat(root(new UnixFsImporter(), InputStream.nullInputStream()).toString()).isEqualTo("bafkqaaa");
  }

  @Test
  void smallFilesFollowTheInlineRule() throws IOException {
    UnixFsImporter lotus = new UnixFsImporter();
    Cid tiny = root(lotus, pattern(126));
    assertThat(tiny.codec()).isEqualTo(Multicodec.RAW);
    assertThat(tiny.multihash().code()).isEqualTo(Multicodec.IDENTITY);
    Cid leaf = root(lotus, pattern(127));
    assertThat(leaf.toString()).startsWith("bafk2bzace");
    assertThat(root(lotus, pattern((1 << 20) + 1)).toString()).startsWith("bafyaa");
    assertThat(root(lotus, pattern(3 << 20)).toString()).startsWith("bafykbzace");
  }

  /** cat.png.car is lotus generate-car output for a file under 1 MiB: one raw leaf. Regenerate it byte for byte. */
  @Test
  void generateCarReproducesLotusCatPng(@TempDir Path dir) throws IOException {
    byte[] car = TestVectors.bytes("car/cat.png.car");
    CarReader r = CarReader.open(new ByteArrayInputStream(car));
    CarBlock only = r.next();
    assertThat(r.next()).isNull();
    Path png = dir.resolve("cat.png");
    Files.write(png, only.data());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImportResult result = new CarGenerator().generate(png, out);
    assertThat(result.root()).isEqualTo(r.header().roots().get(0));
    assertThat(out.toByteArray()).isEqualTo(car);
    PieceCommitment commP = CommPHasher.of(out.toByteArray());
    assertThat(PieceCid.v1(commP).toString())
        .isEqualTo("baga6ea4seaqae5ysjdbsr4b5jhotaz5ooh62jrrdbxwygfpkkfjz44kvywycmgy");
  }

  @Test
  void generatedCarIsACompleteDagInPreOrderWithoutDuplicates(@TempDir Path dir) throws IOException {
    // 2 distinct chunks, then 3 identical zero chunks, then a short tail: the zero leaf must be written once
    Path file = dir.resolve("f.bin");
    try (var os = Files.newOutputStream(file)) {
      pattern(1 << 20).transferTo(os);
      byte[] second = new byte[1 << 20];
      new java.util.Random(9).nextBytes(second);
      os.write(second);
      os.write(new byte[3 << 20]);
      os.write(new byte[] {1, 2, 3});
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImportResult result = new CarGenerator().generate(file, out);
    assertThat(result.fileSize()).isEqualTo((5L << 20) + 3);
    assertThat(root(new UnixFsImporter(), Files.newInputStream(file))).isEqualTo(result.root());

    CarReader r = CarReader.open(new ByteArrayInputStream(out.toByteArray()));
    assertThat(r.header().roots()).containsExactly(result.root());
    List<Cid> order = new ArrayList<>();
    Set<Cid> unique = new HashSet<>();
    DagCompleteness dag = new DagCompleteness(new IpldLinks());
    BlockVerifier verifier = new BlockVerifier();
    for (CarBlock b = r.next(); b != null; b = r.next()) {
      verifier.verify(b);
      dag.add(b.cid(), b.data());
      order.add(b.cid());
      assertThat(unique.add(b.cid())).as("duplicate %s", b.cid()).isTrue();
    }
    assertThat(dag.walk(result.root()).complete()).isTrue();
    // root, then its children in link order: 2 pattern leaves, 1 zero leaf (3 links to it), the 3-byte identity leaf
    assertThat(order).hasSize(5);
    assertThat(order.get(0)).isEqualTo(result.root());
    PbNode rootNode = PbNode.decode(readBlock(out.toByteArray(), result.root()));
    List<Cid> children = rootNode.links().stream().map(PbLink::hash).toList();
    assertThat(children).hasSize(6);
    assertThat(order.subList(1, 5)).containsExactly(children.get(0), children.get(1), children.get(2),
        children.get(5));
    assertThat(children.get(5).multihash().code()).isEqualTo(Multicodec.IDENTITY);
    UnixFsData data = UnixFsData.decode(rootNode.data());
    assertThat(data.type()).isEqualTo(UnixFsData.TYPE_FILE);
    assertThat(data.filesize()).isEqualTo((5L << 20) + 3);
    assertThat(data.blocksizes()).containsExactly(1L << 20, 1L << 20, 1L << 20, 1L << 20, 1L << 20, 3L);
    assertThat(rootNode.links().get(0).tsize()).isEqualTo(1 << 20);
  }

  /** 1 MiB + 1 byte: a dag-pb root small enough to be an identity CID; it is still written as the first section. */
  @Test
  void identityRootIsWrittenAndWalked(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("g.bin");
    try (var os = Files.newOutputStream(file)) {
      pattern((1 << 20) + 1).transferTo(os);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImportResult result = new CarGenerator().generate(file, out);
    assertThat(result.root().codec()).isEqualTo(Multicodec.DAG_PB);
    assertThat(result.root().multihash().code()).isEqualTo(Multicodec.IDENTITY);
    CarReader r = CarReader.open(new ByteArrayInputStream(out.toByteArray()));
    CarBlock first = r.next();
    assertThat(first.cid()).isEqualTo(result.root());
    DagCompleteness dag = new DagCompleteness(new IpldLinks());
    for (CarBlock b = r.next(); b != null; b = r.next()) {
      dag.add(b.cid(), b.data());
    }
    // the root block itself was not added: the walk resolves it from the identity CID
    DagCompleteness.Result walk = dag.walk(result.root());
    assertThat(walk.complete()).isTrue();
    assertThat(walk.reachable()).isEqualTo(3);
  }

  private static byte[] readBlock(byte[] car, Cid cid) {
    CarReader r = CarReader.open(new ByteArrayInputStream(car));
    for (CarBlock b = r.next(); b != null; b = r.next()) {
      if (b.cid().equals(cid)) {
        return b.data();
      }
    }
    throw new AssertionError("no block " + cid);
  }
}
