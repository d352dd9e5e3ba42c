package venus.market.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import venus.market.core.unixfs.CarGenerator;
import venus.market.core.unixfs.ImportResult;

/**
 * lotus-style import + generate-car of a 256 MiB file of random bytes (page-cached after setup), CAR written to a
 * null stream so that the figure is the CPU cost: blake2b of every byte, dag-pb nodes, the second pass over the file.
 * One op = 256 MiB.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx256m"})
public class ImportCarBenchmark {

  public static final long FILE_SIZE = 256L << 20;

  private Path file;

  @Setup(Level.Trial)
  public void setup() throws IOException {
    file = Files.createTempFile("import-bench", ".bin");
    byte[] buf = new byte[1 << 20];
    Random r = new Random(3);
    try (OutputStream out = Files.newOutputStream(file)) {
      for (long n = 0; n < FILE_SIZE; n += buf.length) {
        r.nextBytes(buf);
        out.write(buf);
      }
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    Files.deleteIfExists(file);
  }

  @Benchmark
  public ImportResult importAndGenerateCar256MiB() throws IOException {
    return new CarGenerator().generate(file, OutputStream.nullOutputStream());
  }
}
