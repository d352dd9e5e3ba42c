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
import venus.market.core.piece.CommPHasher;
import venus.market.core.piece.PieceCommitment;

/**
 * commP of a 1 GiB payload streamed in 1 MiB writes (never held in memory: one 4 MiB pattern buffer is written
 * repeatedly, at a moving offset so consecutive chunks differ), on the default pool of one worker per core, heap
 * capped at 256 MiB. One op = 1 GiB. The fork opens the JDK's SHA-256 engine as the launchers do, so commP runs on
 * the compression intrinsic (market-core CompressLanes); setup prints the engine in use.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx256m", "--add-opens", "java.base/sun.security.provider=ALL-UNNAMED"})
public class CommPBenchmark {

  public static final long PAYLOAD = 1L << 30;
  private static final int WRITE = 1 << 20;

  private byte[] source;

  @Setup
  public void setup() {
    source = new byte[4 * WRITE];
    new Random(7).nextBytes(source);
    System.out.println("commP node engine: " + CommPHasher.nodeEngine());
  }

  @Benchmark
  public PieceCommitment commP1GiB() {
    CommPHasher h = new CommPHasher();
    for (long done = 0; done < PAYLOAD; done += WRITE) {
      int at = (int) ((done / WRITE * 4099) % (source.length - WRITE));
      h.write(source, at, WRITE);
    }
    return h.digest();
  }
}
