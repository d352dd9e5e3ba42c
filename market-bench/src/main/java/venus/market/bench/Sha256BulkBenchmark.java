package venus.market.bench;

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
 * The physical limit commP is measured against: SHA-256 (JDK MessageDigest, SHA-NI intrinsic where the CPU has it)
 * over large buffers, so that per-call overhead and padding are negligible. One op hashes {@link #BUFFER} bytes; run
 * with 1 thread for the per-core figure and with one thread per core for the machine figure.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx256m"})
public class Sha256BulkBenchmark {

  public static final int BUFFER = 1 << 20;

  private byte[] data;
  private MessageDigest sha256;

  @Setup
  public void setup() throws NoSuchAlgorithmException {
    data = new byte[BUFFER];
    new Random(1).nextBytes(data);
    sha256 = MessageDigest.getInstance("SHA-256");
  }

  @Benchmark
  public byte[] sha256OneMiB() {
    sha256.update(data);
    return sha256.digest();
  }
}
