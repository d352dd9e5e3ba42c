package venus.market.core.car;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import venus.market.core.multiformats.Cid;
import venus.market.core.multiformats.Multicodec;
import venus.market.core.piece.TestVectors;
import venus.market.core.unixfs.IpldLinks;

class CarReaderTest {

  private static final String SAMPLE_ROOT = "bafy2bzaced4ueelaegfs5fqu4tzsh6ywbbpfk3cxppupmxfdhbpbhzawfw5oy";

  private static CarReader open(byte[] bytes) {
    return CarReader.open(new ByteArrayInputStream(bytes));
  }

  private static List<CarBlock> readAll(CarReader r) {
    List<CarBlock> out = new ArrayList<>();
    for (CarBlock b = r.next(); b != null; b = r.next()) {
      out.add(b);
    }
    return out;
  }

  /** The statistics `car inspect` prints (go-car-inspect-expected.txt). */
  private static void assertSampleInspect(List<CarBlock> blocks) {
    assertThat(blocks).hasSize(1049);
    assertThat(blocks.stream().mapToInt(b -> b.data().length).min().getAsInt()).isEqualTo(1);
    assertThat(blocks.stream().mapToInt(b -> b.data().length).max().getAsInt()).isEqualTo(1342);
    assertThat((int) blocks.stream().mapToInt(b -> b.data().length).average().getAsDouble()).isEqualTo(417);
    assertThat(blocks.stream().mapToInt(b -> b.cid().encodedLength()).min().getAsInt()).isEqualTo(14);
    assertThat(blocks.stream().mapToInt(b -> b.cid().encodedLength()).max().getAsInt()).isEqualTo(38);
    assertThat((int) blocks.stream().mapToInt(b -> b.cid().encodedLength()).average().getAsDouble()).isEqualTo(37);
    Map<String, Integer> codecs = new TreeMap<>();
    Map<String, Integer> hashes = new TreeMap<>();
    for (CarBlock b : blocks) {
      codecs.merge(Multicodec.name(b.cid().codec()), 1, Integer::sum);
      hashes.merge(Multicodec.name(b.cid().multihash().code()), 1, Integer::sum);
    }
    assertThat(codecs).containsEntry("raw", 6).containsEntry("dag-cbor", 1043).hasSize(2);
    assertThat(hashes).containsEntry("identity", 6).containsEntry("blake2b-256", 1043).hasSize(2);
    BlockVerifier verifier = new BlockVerifier();
    DagCompleteness dag = new DagCompleteness(new IpldLinks());
    for (CarBlock b : blocks) {
      verifier.verify(b);
      dag.add(b.cid(), b.data());
    }
    DagCompleteness.Result walk = dag.walk(Cid.parse(SAMPLE_ROOT));
    assertThat(walk.complete()).isTrue();
    assertThat(blocks.stream().anyMatch(b -> b.cid().toString().equals(SAMPLE_ROOT))).isTrue();
  }

  @Test
  void sampleV1MatchesGoCarInspect() {
    CarReader r = open(TestVectors.bytes("car/sample-v1.car"));
    assertThat(r.version()).isEqualTo(1);
    assertThat(r.header().roots()).extracting(Cid::toString).containsExactly(SAMPLE_ROOT);
    List<CarBlock> blocks = readAll(r);
    assertSampleInspect(blocks);
    assertThat(blocks.get(0).offset()).isEqualTo(blocks.get(0).dataOffset()).isEqualTo(61);
    assertThat(r.verifyIndex()).isZero();
  }

  @Test
  void wrappedV2MatchesGoCarInspectAndItsIndexVerifies() {
    CarReader r = open(TestVectors.bytes("car/sample-wrapped-v2.car"));
    assertThat(r.version()).isEqualTo(2);
    CarV2Header h = r.v2Header().orElseThrow();
    assertThat(h.dataOffset()).isEqualTo(51);
    assertThat(h.dataSize()).isEqualTo(479907);
    assertThat(h.indexOffset()).isEqualTo(479958);
    assertThat(h.characteristicsHi()).isZero();
    assertThat(h.characteristicsLo()).isZero();
    assertThat(h.fullyIndexed()).isFalse();
    assertThat(r.header().roots()).extracting(Cid::toString).containsExactly(SAMPLE_ROOT);
    List<CarBlock> blocks = readAll(r);
    assertSampleInspect(blocks);
    assertThat(blocks.get(0).offset()).isEqualTo(51 + 61);
    assertThat(blocks.get(0).dataOffset()).isEqualTo(61);
    assertThat(r.verifyIndex()).isEqualTo(1043);
  }

  @Test
  void smallUnixfsCarsAreCompleteDags() {
    for (String f : List.of("car/simple-unixfs.car", "car/sample-unixfs-v2.car", "car/sample-rw-bs-v2.car",
        "car/cat.png.car", "car/verifiable-data-aggregation.png.car")) {
      CarReader r = open(TestVectors.bytes(f));
      DagCompleteness dag = new DagCompleteness(new IpldLinks());
      BlockVerifier v = new BlockVerifier();
      for (CarBlock b : readAll(r)) {
        v.verify(b);
        dag.add(b.cid(), b.data());
      }
      r.verifyIndex();
      for (Cid root : r.header().roots()) {
        assertThat(dag.walk(root).missing()).as(f).isEmpty();
      }
    }
  }

  @Test
  void writerReproducesSampleV1ByteForByte() throws IOException {
    byte[] original = TestVectors.bytes("car/sample-v1.car");
    CarReader r = open(original);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CarV1Writer w = new CarV1Writer(out, r.header().roots());
    for (CarBlock b : readAll(r)) {
      w.write(b.cid(), b.data());
    }
    assertThat(out.toByteArray()).isEqualTo(original);
    assertThat(w.size()).isEqualTo(original.length);
  }

  @Test
  void badHeaderLengthIsRejected() {
    assertThatThrownBy(() -> open(TestVectors.bytes("car/badheaderlength.car")))
        .isInstanceOf(CarException.class).hasMessageContaining("invalid header data at offset 0");
  }

  @Test
  void badSectionLengthIsRejected() {
    CarReader r = open(TestVectors.bytes("car/badsectionlength.car"));
    assertThatThrownBy(r::next).isInstanceOf(CarException.class)
        .hasMessageContaining("invalid section data at offset 18");
  }

  @Test
  void corruptPragmaAndUnknownVersionAreRejected() {
    assertThatThrownBy(() -> open(TestVectors.bytes("car/sample-corrupt-pragma.car")))
        .isInstanceOf(TruncatedCarException.class).hasMessageContaining("header of 18 bytes at offset 1");
    assertThatThrownBy(() -> open(TestVectors.bytes("car/sample-rootless-v42.car")))
        .isInstanceOf(CarException.class).hasMessageContaining("unsupported CAR version 42");
  }

  @Test
  void zeroLengthSectionIsAnErrorUnlessTreatedAsEnd() {
    byte[] bytes = TestVectors.bytes("car/sample-v1-with-zero-len-section.car");
    CarReader strict = open(bytes);
    assertThatThrownBy(() -> readAll(strict)).isInstanceOf(CarException.class)
        .hasMessageContaining("zero-length section").hasMessageContaining("offset 479907");
    CarReader lenient = CarReader.open(new ByteArrayInputStream(bytes), true);
    assertThat(readAll(lenient)).hasSize(1049);
  }

  @Test
  void truncatedCarNamesTheOffset() {
    byte[] bytes = Arrays.copyOf(TestVectors.bytes("car/sample-v1.car"), 1000);
    CarReader r = open(bytes);
    assertThatThrownBy(() -> readAll(r)).isInstanceOf(TruncatedCarException.class)
        .hasMessageContaining("truncated CAR").hasMessageMatching("(?s).*at offset \\d+.*");
    assertThatThrownBy(() -> open(Arrays.copyOf(bytes, 30))).isInstanceOf(TruncatedCarException.class)
        .hasMessageContaining("offset 1");
    byte[] v2 = Arrays.copyOf(TestVectors.bytes("car/sample-wrapped-v2.car"), 40);
    assertThatThrownBy(() -> open(v2)).isInstanceOf(TruncatedCarException.class)
        .hasMessageContaining("CARv2 header");
  }

  @Test
  void blockHashMismatchNamesTheCid() {
    byte[] bytes = TestVectors.bytes("car/cat.png.car").clone();
    bytes[bytes.length - 100] ^= 1;
    CarReader r = open(bytes);
    CarBlock b = r.next();
    assertThatThrownBy(() -> new BlockVerifier().verify(b)).isInstanceOf(BlockMismatchException.class)
        .hasMessageContaining(b.cid().toString()).hasMessageContaining("offset " + b.offset());
  }

  private static byte[] v2WithIndexByteChanged(int relative, int xor) {
    byte[] bytes = TestVectors.bytes("car/sample-wrapped-v2.car").clone();
    bytes[479958 + relative] ^= (byte) xor;
    return bytes;
  }

  private static void readAndVerifyIndex(byte[] bytes) {
    CarReader r = open(bytes);
    readAll(r);
    r.verifyIndex();
  }

  @Test
  void badV2IndexIsRejected() {
    // layout: 81 08 | int32 codes | u64 code | int32 widths | u32 width | u64 length | records (32 + 8)
    int firstRecord = 2 + 4 + 8 + 4 + 4 + 8;
    // an offset that points nowhere
    assertThatThrownBy(() -> readAndVerifyIndex(v2WithIndexByteChanged(firstRecord + 32, 0x40)))
        .isInstanceOf(CarIndexException.class).hasMessageContaining("matches no block");
    // a digest changed so the records are no longer sorted or no longer match
    assertThatThrownBy(() -> readAndVerifyIndex(v2WithIndexByteChanged(firstRecord + 40, 0xff)))
        .isInstanceOf(CarIndexException.class).hasMessageContaining("bad CARv2 index");
    // unknown index codec
    assertThatThrownBy(() -> readAndVerifyIndex(v2WithIndexByteChanged(0, 0x02)))
        .isInstanceOf(CarIndexException.class).hasMessageContaining("unsupported index codec");
    // bucket length not a multiple of the width
    assertThatThrownBy(() -> readAndVerifyIndex(v2WithIndexByteChanged(2 + 4 + 8 + 4 + 4, 0x01)))
        .isInstanceOf(CarIndexException.class).hasMessageContaining("not a multiple");
    // truncated index
    byte[] cut = Arrays.copyOf(TestVectors.bytes("car/sample-wrapped-v2.car"), 479958 + 100);
    assertThatThrownBy(() -> readAndVerifyIndex(cut)).isInstanceOf(TruncatedCarException.class)
        .hasMessageContaining("index record");
  }

  @Test
  void v2HeaderWithIndexInsideDataIsRejected() {
    byte[] bytes = TestVectors.bytes("car/sample-wrapped-v2.car").clone();
    bytes[11 + 32] = 10; // index offset low byte -> inside the data
    bytes[11 + 33] = 0;
    bytes[11 + 34] = 0;
    assertThatThrownBy(() -> open(bytes)).isInstanceOf(CarIndexException.class)
        .hasMessageContaining("lies inside the data");
  }

  @Test
  void missingBlocksAreReportedByTheWalk() {
    CarReader r = open(TestVectors.bytes("car/sample-v1.car"));
    DagCompleteness dag = new DagCompleteness(new IpldLinks());
    List<CarBlock> blocks = readAll(r);
    for (CarBlock b : blocks.subList(0, blocks.size() / 2)) {
      dag.add(b.cid(), b.data());
    }
    assertThat(dag.walk(Cid.parse(SAMPLE_ROOT)).missing()).isNotEmpty();
  }
}
