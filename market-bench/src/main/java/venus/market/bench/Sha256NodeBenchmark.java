package venus.market.bench;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The ceiling of any commP built on {@link MessageDigest}: SHA-256 of 64-byte messages one after another (update 64
 * bytes, digest into a buffer, clear two bits), nothing else. One op hashes {@link #NODES} nodes, i.e. 1 MiB of
 * children into 512 KiB of parents; each node is two compression-function calls (128 bytes of compression), so
 * {@code ops/s × NODES × 128} compared with {@link Sha256BulkBenchmark} is the share of the bulk rate that the
 * per-message path of MessageDigest leaves.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx256m"})
public class Sha256NodeBenchmark {

  public static final int NODES = 1 << 14;
  /** Bytes of compression-function input per op: two 64-byte blocks per node. */
  public static final long COMPRESSED_PER_OP = NODES * 128L;

  private byte[] children;
  private byte[] parents;
  private MessageDigest sha256;

  @Setup
  public void setup() throws NoSuchAlgorithmException {
    children = new byte[NODES * 64];
    parents = new byte[NODES * 32];
    new Random(2).nextBytes(children);
    sha256 = MessageDigest.getInstance("SHA-256");
  }

  @Benchmark
  public byte[] sha256Nodes() throws DigestException {
    hashNodes(sha256, children, parents, NODES);
    return parents;
  }

  /**
   * The same nodes four at a time on four MessageDigests (four updates, then four digests), as commP's NodeHasher
   * does: independent SHA-NI chains issued back to back overlap in the CPU. {@code nodes} must be a multiple of 4.
   */
  static void hashNodes4(MessageDigest[] md, byte[] children, byte[] parents, int nodes) throws DigestException {
    MessageDigest a = md[0];
    MessageDigest b = md[1];
    MessageDigest c = md[2];
    MessageDigest d = md[3];
    for (int i = 0; i < nodes; i += 4) {
      int in = 64 * i;
      int out = 32 * i;
      a.update(children, in, 64);
      b.update(children, in + 64, 64);
      c.update(children, in + 128, 64);
      d.update(children, in + 192, 64);
      a.digest(parents, out, 32);
      b.digest(parents, out + 32, 32);
      c.digest(parents, out + 64, 32);
      d.digest(parents, out + 96, 32);
      parents[out + 31] &= 0x3f;
      parents[out + 63] &= 0x3f;
      parents[out + 95] &= 0x3f;
      parents[out + 127] &= 0x3f;
    }
  }

  static void hashNodes(MessageDigest md, byte[] children, byte[] parents, int nodes) throws DigestException {
    for (int i = 0; i < nodes; i++) {
      md.update(children, 64 * i, 64);
      md.digest(parents, 32 * i, 32);
      parents[32 * i + 31] &= 0x3f;
    }
  }
}
