package venus.market.core.piece;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import venus.market.core.multiformats.Cid;

class CommPTest {

  private static byte[] root(String pieceCid) {
    return PieceCid.root(Cid.parse(pieceCid));
  }

  /** Single-threaded reference: zero-pad to the piece, Fr32 the whole thing, hash the whole tree. */
  private static byte[] reference(byte[] data, PaddedPieceSize size) {
    byte[] in = Arrays.copyOf(data, (int) size.unpadded().bytes());
    byte[] padded = new byte[(int) size.bytes()];
    Fr32.pad(in, 0, padded, 0, in.length / 127);
    new NodeHasher().rootInPlace(padded, padded.length);
    return Arrays.copyOf(padded, 32);
  }

  private static void checkLotusFile(String file, java.util.function.IntFunction<byte[]> payload, long maxSize) {
    List<String> lines = TestVectors.lines("commp/" + file);
    int checked = 0;
    for (String line : lines) {
      String[] f = line.split(",");
      long size = Long.parseLong(f[0]);
      if (size > maxSize) {
        continue;
      }
      PieceCommitment c = CommPHasher.of(payload.apply((int) size));
      assertThat(c.size().bytes()).as("padded size for %d bytes", size).isEqualTo(Long.parseLong(f[1]));
      assertThat(c.root()).as("commP of %d bytes of %s", size, file).isEqualTo(root(f[2]));
      checked++;
    }
    assertThat(checked).isGreaterThan(0);
  }

  @Test
  void zeroBytesMatchLotus() {
    checkLotusFile("lotus-calccommp-zero.txt", byte[]::new, Long.MAX_VALUE);
  }

  @Test
  void ccBytesMatchLotus() {
    checkLotusFile("lotus-calccommp-0xCC.txt", n -> {
      byte[] b = new byte[n];
      Arrays.fill(b, (byte) 0xcc);
      return b;
    }, Long.MAX_VALUE);
  }

  @Test
  void goRandomBytesMatchLotusUpTo32MiB() {
    int max = 33554433;
    byte[] all = GoMathRand.bytes(max, 1337);
    checkLotusFile("lotus-calccommp-random.txt", n -> Arrays.copyOf(all, n), max);
  }

  /**
   * Two of the larger lotus random vectors, streamed (1 MiB at a time, never materialised) through one pass of the
   * generator: 66584577 bytes (just past a power-of-two boundary, so zero-padded from 64 to 128 MiB of leaves) and
   * exactly 128 MiB (a 256 MiB piece). They cross many chunk and subtree boundaries that the small vectors do not.
   */
  @Test
  void goRandomBytesMatchLotusAt64And128MiB() {
    long[] sizes = {66584577L, 134217728L};
    java.util.Map<Long, String> expected = new java.util.HashMap<>();
    for (String line : TestVectors.lines("commp/lotus-calccommp-random.txt")) {
      String[] f = line.split(",");
      expected.put(Long.parseLong(f[0]), f[2]);
    }
    CommPHasher[] hashers = {new CommPHasher(), new CommPHasher()};
    GoMathRand rand = new GoMathRand(1337);
    byte[] buf = new byte[1 << 20];
    for (long done = 0; done < sizes[1]; done += buf.length) {
      rand.nextBytes(buf, 0, buf.length);
      for (int i = 0; i < sizes.length; i++) {
        int n = (int) Math.min(buf.length, Math.max(0, sizes[i] - done));
        hashers[i].write(buf, 0, n);
      }
    }
    for (int i = 0; i < sizes.length; i++) {
      assertThat(hashers[i].size()).isEqualTo(sizes[i]);
      assertThat(hashers[i].digest().root()).as("commP of %d go-random bytes", sizes[i])
          .isEqualTo(root(expected.get(sizes[i])));
    }
  }

  @Test
  void goRandCookedTableMatchesGosLastPublishedEntry() {
    // Go's rng.go lists the table's low 63 bits; its last entry is 4152330101494654406.
    assertThat(GoMathRand.cooked()[606] & Long.MAX_VALUE).isEqualTo(4152330101494654406L);
  }

  @Test
  void commcidVectorInputs() {
    byte[] four = new byte[508];
    for (int i = 0; i < 4; i++) {
      Arrays.fill(four, i * 127, (i + 1) * 127, (byte) i);
    }
    assertThat(CommPHasher.of(four).root())
        .isEqualTo(root("baga6ea4seaqes3nobte6ezpp4wqan2age2s5yxcatzotcvobhgcmv5wi2xh5mbi"));
    byte[] n42 = "baga6ea4seaqn42av3szurbbscwuu3zjssvfwbpsvbjf6y3tukvlgl2nf5rha6pa".getBytes();
    for (int len : new int[] {1016, 512, 513}) {
      PieceCommitment c = CommPHasher.of(Arrays.copyOf(four, len));
      assertThat(c.size().bytes()).isEqualTo(1024);
      assertThat(c.root()).isEqualTo(root(new String(n42)));
    }
    byte[] cat = Arrays.copyOf("i am the biggest cat, what do you think about that".getBytes(), 127);
    assertThat(CommPHasher.of(cat).root())
        .isEqualTo(root("baga6ea4seaqozp3abki6vgdf7ztbipcycmxfyt2o64cpuyvdkczsjxsg7bqmioi"));
  }

  @Test
  void zeroPiecesOf32And64GiB() {
    assertThat(ZeroComm.piece(new PaddedPieceSize(34359738368L)).root())
        .isEqualTo(root("baga6ea4seaqao7s73y24kcutaosvacpdjgfe5pw76ooefnyqw4ynr3d2y6x2mpq"));
    assertThat(ZeroComm.piece(new PaddedPieceSize(68719476736L)).root())
        .isEqualTo(root("baga6ea4seaqomqafu276g53zko4k23xzh4h4uecjwicbmvhsuqi7o4bhthhm4aq"));
  }

  @Test
  void zeroCommTableMatchesGoDataSegment() {
    byte[] table = TestVectors.bytes("commp/zerocomm.bin");
    assertThat(table).hasSize(64 * 32);
    for (int level = 0; level < 64; level++) {
      assertThat(ZeroComm.atLevel(level)).as("level %d", level)
          .isEqualTo(Arrays.copyOfRange(table, level * 32, level * 32 + 32));
    }
  }

  @Test
  void carFilesMatchLotusClientCommP() throws IOException {
    PieceCommitment cat = CommPHasher.of(new ByteArrayInputStream(TestVectors.bytes("car/cat.png.car")));
    assertThat(cat.size().bytes()).isEqualTo(524288);
    assertThat(cat.size().unpadded().bytes()).isEqualTo(520192);
    assertThat(cat.root()).isEqualTo(root("baga6ea4seaqae5ysjdbsr4b5jhotaz5ooh62jrrdbxwygfpkkfjz44kvywycmgy"));
    PieceCommitment vda = CommPHasher.of(
        new ByteArrayInputStream(TestVectors.bytes("car/verifiable-data-aggregation.png.car")));
    assertThat(vda.size().bytes()).isEqualTo(262144);
    assertThat(vda.root()).isEqualTo(root("baga6ea4seaqnrm2n2g4m23t6rs26obxjw2tjtr7tcho24gepj2naqhevytduyoa"));
  }

  @Test
  void parallelChunkingEqualsSingleThreadedReferenceAroundChunkBoundaries() {
    int c = CommPHasher.CHUNK_UNPADDED;
    byte[] data = new byte[4 * c + 1000];
    new Random(1).nextBytes(data);
    ExecutorService one = Executors.newFixedThreadPool(1);
    ExecutorService three = Executors.newFixedThreadPool(3);
    try {
      for (int len : new int[] {c - 1, c, c + 1, 2 * c, 3 * c + 5, 4 * c + 1000}) {
        byte[] d = Arrays.copyOf(data, len);
        PaddedPieceSize size = PaddedPieceSize.fitting(len);
        byte[] expected = reference(d, size);
        assertThat(CommPHasher.of(d).root()).as("default pool, %d bytes", len).isEqualTo(expected);
        for (ExecutorService pool : List.of(one, three)) {
          CommPHasher h = new CommPHasher(pool, pool == one ? 1 : 3);
          // odd write sizes cross chunk boundaries mid-write
          for (int off = 0; off < len; off += 77777) {
            h.write(d, off, Math.min(77777, len - off));
          }
          assertThat(h.digest().root()).as("%d bytes", len).isEqualTo(expected);
        }
      }
    } finally {
      one.shutdownNow();
      three.shutdownNow();
    }
  }

  /**
   * The writer Fr32-pads whole 127-byte blocks straight from the caller's array and carries partial blocks across
   * writes; writes of every awkward size (1 byte, one short of a block, a block, one over, several blocks, write(int))
   * in rotation must give the same root as one big write, below one chunk and across chunk boundaries.
   */
  @Test
  void writesOfAnySizeGiveTheSameRootAsOneWrite() {
    int c = CommPHasher.CHUNK_UNPADDED;
    byte[] data = new byte[2 * c + 3000];
    new Random(4).nextBytes(data);
    int[] sizes = {1, 126, 127, 128, 254, 381, 5000, 0, 100_000, 3};
    for (int len : new int[] {0, 1, 126, 127, 128, 4000, c - 1, c, c + 1, 2 * c + 3000}) {
      byte[] d = Arrays.copyOf(data, len);
      byte[] expected = reference(d, PaddedPieceSize.fitting(len));
      CommPHasher h = new CommPHasher();
      int off = 0;
      for (int i = 0; off < len; i++) {
        int n = Math.min(sizes[i % sizes.length], len - off);
        if (n == 1) {
          h.write(d[off]);
        } else {
          h.write(d, off, n);
        }
        off += n;
      }
      assertThat(h.size()).isEqualTo(len);
      assertThat(h.digest().root()).as("%d bytes in mixed writes", len).isEqualTo(expected);
    }
  }

  @Test
  void paddingToALargerTargetEqualsHashingTheZeros() {
    byte[] data = new byte[3000];
    new Random(3).nextBytes(data);
    PieceCommitment natural = CommPHasher.of(data);
    for (long target : new long[] {4096, 8192, 1 << 20, 1L << 35}) {
      PaddedPieceSize t = new PaddedPieceSize(target);
      CommPHasher h = new CommPHasher();
      h.write(data, 0, data.length);
      PieceCommitment padded = h.digest(t);
      assertThat(padded).isEqualTo(natural.padTo(t));
      if (target <= 1 << 20) {
        assertThat(padded.root()).isEqualTo(reference(data, t));
      }
    }
  }

  @Test
  void payloadLargerThanTargetIsATypedError() {
    CommPHasher h = new CommPHasher();
    h.write(new byte[5000], 0, 5000);
    assertThatThrownBy(() -> h.digest(new PaddedPieceSize(4096)))
        .isInstanceOf(PieceTooLargeException.class)
        .hasMessageContaining("5000 bytes").hasMessageContaining("8192").hasMessageContaining("4096");
    assertThatThrownBy(() -> CommPHasher.of(new byte[10]).padTo(new PaddedPieceSize(128)).padTo(
        new PaddedPieceSize(128)).padTo(new PaddedPieceSize(256)).padTo(new PaddedPieceSize(128)))
        .isInstanceOf(PieceException.class).hasMessageContaining("down to 128");
  }

  @Test
  void fixedTargetFailsAsSoonAsThePayloadOutgrowsIt() {
    CommPHasher h = new CommPHasher(new PaddedPieceSize(4096));
    h.write(new byte[4000], 0, 4000);
    assertThatThrownBy(() -> h.write(new byte[100], 0, 100))
        .isInstanceOf(PieceTooLargeException.class).hasMessageContaining("4100 bytes").hasMessageContaining("4096");
    CommPHasher fits = new CommPHasher(new PaddedPieceSize(8192));
    fits.write(new byte[4064], 0, 4064);
    assertThat(fits.digest()).isEqualTo(ZeroComm.piece(new PaddedPieceSize(8192)));
  }

  @Test
  void emptyAndTinyPayloadsArePaddedTo127Bytes() {
    PieceCommitment zero = ZeroComm.piece(new PaddedPieceSize(128));
    assertThat(CommPHasher.of(new byte[0])).isEqualTo(zero);
    assertThat(CommPHasher.of(new byte[1])).isEqualTo(zero);
  }
}
