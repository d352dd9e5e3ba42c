package venus.market.bench;

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
import venus.market.core.crypto.Blake2b;

/** The limit of a UnixFS import: every file byte goes through blake2b-256 once (its 1 MiB leaf). */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx256m"})
public class Blake2bBulkBenchmark {

  public static final int BUFFER = 1 << 20;

  private byte[] data;

  @Setup
  public void setup() {
    data = new byte[BUFFER];
    new Random(1).nextBytes(data);
  }

  @Benchmark
  public byte[] blake2b256OneMiB() {
    return Blake2b.newHasher(32).update(data).digest();
  }
}
