package venus.market.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import venus.market.core.piece.CommPHasher;

/**
 * Runs the piece-data benchmarks and their limits in one go and prints each result as a fraction of its limit:
 *
 * <ul>
 *   <li>commP vs SHA-256 bulk throughput (one core × cores) divided by the compression bytes commP needs per payload
 *       byte, {@link #COMMP_SHA_BYTES_PER_PAYLOAD_BYTE}, next to the ceiling that hashing one 64-byte node at a time
 *       through MessageDigest leaves of the bulk rate ({@link Sha256NodeBenchmark});</li>
 *   <li>import + generate-car vs blake2b-256 bulk throughput on one core (the import is single-threaded and hashes
 *       each byte once).</li>
 * </ul>
 *
 * <p>Usage: {@code java -cp market-bench/target/benchmarks.jar venus.market.bench.PieceBenchmarks
 * [--interleaved-only]}. Run the JVM with {@code -Xmx256m} to keep the interleaved part under the same heap cap, and
 * with {@code --add-opens java.base/sun.security.provider=ALL-UNNAMED} so that its commP runs on the same engine as
 * the JMH fork's and the daemons' (the report names the engine of this JVM).
 */
public final class PieceBenchmarks {

  /**
   * A piece of P padded bytes is a full binary tree over P/32 leaves with P/32 − 1 internal nodes. Each internal
   * node is SHA-256 of a 64-byte message, which costs two compression-function calls (the 64 data bytes, then a
   * padding block holding 0x80 and the bit length), i.e. 128 bytes of compression input. So commP compresses
   * 128 · (P/32 − 1) ≈ 4·P bytes, and one payload byte is 128/127 padded bytes (Fr32): 4 · 128/127 ≈ 4.0315
   * compression bytes per payload byte. Zero padding up to the piece size is free (zero-subtree table).
   */
  public static final double COMMP_SHA_BYTES_PER_PAYLOAD_BYTE = 4.0 * 128 / 127;

  private PieceBenchmarks() {
  }

  public static void main(String[] args) throws Exception {
    int cores = Runtime.getRuntime().availableProcessors();
    if (args.length > 0 && args[0].equals("--interleaved-only")) {
      System.out.print(interleaved(cores));
      return;
    }
    String loadBefore = loadAverage();
    double sha1 = throughput(Sha256BulkBenchmark.class, 1) * Sha256BulkBenchmark.BUFFER;
    double shaN = throughput(Sha256BulkBenchmark.class, cores) * Sha256BulkBenchmark.BUFFER;
    double nodes1 = throughput(Sha256NodeBenchmark.class, 1) * Sha256NodeBenchmark.COMPRESSED_PER_OP;
    double blake1 = throughput(Blake2bBulkBenchmark.class, 1) * Blake2bBulkBenchmark.BUFFER;
    double commPms = averageMillis(CommPBenchmark.class);
    double importMs = averageMillis(ImportCarBenchmark.class);
    String loadAfter = loadAverage();

    double commP = CommPBenchmark.PAYLOAD / (commPms / 1000);
    double commPLimit = sha1 * cores / COMMP_SHA_BYTES_PER_PAYLOAD_BYTE;
    double imp = ImportCarBenchmark.FILE_SIZE / (importMs / 1000);
    StringBuilder s = new StringBuilder();
    s.append("\n==== piece-data benchmarks (").append(cores).append(" cores, JDK ")
        .append(System.getProperty("java.version")).append(") ====\n");
    s.append(f("load average before / after: %s / %s%n", loadBefore, loadAfter));
    s.append(f("commP node engine (JMH fork: see its output; this JVM): %s%n", CommPHasher.nodeEngine()));
    s.append(f("SHA-256 bulk, 1 thread:            %8.1f MiB/s%n", mib(sha1)));
    s.append(f("SHA-256 bulk, %d threads:           %8.1f MiB/s  (1 core x %d = %.1f MiB/s)%n", cores, mib(shaN),
        cores, mib(sha1 * cores)));
    s.append(f("SHA-256 per 64-byte node, 1 thread: %8.1f MiB/s of compression = %.1f %% of bulk (the MessageDigest"
        + " ceiling of the fallback engine)%n", mib(nodes1), 100 * nodes1 / sha1));
    s.append(f("blake2b-256 bulk, 1 thread:        %8.1f MiB/s%n", mib(blake1)));
    s.append(f("commP 1 GiB streamed:              %8.1f MiB/s payload (%.0f ms/GiB)%n", mib(commP), commPms));
    s.append(f("  limit = SHA bulk (1 core x %d) / %.4f = %.1f MiB/s  ->  ratio %.1f %% (vs measured %d-thread SHA:"
        + " %.1f %%)%n", cores, COMMP_SHA_BYTES_PER_PAYLOAD_BYTE, mib(commPLimit), 100 * commP / commPLimit, cores,
        100 * commP / (shaN / COMMP_SHA_BYTES_PER_PAYLOAD_BYTE)));
    s.append(f("import + generate-car 256 MiB:     %8.1f MiB/s (%.0f ms)%n", mib(imp), importMs));
    s.append(f("  limit = blake2b bulk, 1 thread = %.1f MiB/s  ->  ratio %.1f %%%n", mib(blake1), 100 * imp / blake1));
    System.out.print(s);
    System.out.print(interleaved(cores));
  }

  private static String interleaved(int cores) throws Exception {
    String loadBefore = loadAverage();
    InterleavedRatio interleaved = new InterleavedRatio();
    InterleavedRatio.CommPRatios commP = interleaved.commPRatios(9, 256L << 20);
    double importRatio = interleaved.importRatio(9, 64L << 20);
    StringBuilder s = new StringBuilder();
    s.append(f("interleaved in one JVM (median of 9 rounds, workload and limit alternating), load average before: %s%n",
        loadBefore));
    s.append(f("  commP node engine: %s%n", CommPHasher.nodeEngine()));
    s.append(f("  commP 256 MiB vs %d-thread SHA-256 bulk / %.4f, wall clock:     ratio %.1f %%%n", cores,
        COMMP_SHA_BYTES_PER_PAYLOAD_BYTE, 100 * commP.wall()));
    s.append(f("  commP 256 MiB vs 1-thread SHA-256 bulk / %.4f, in CPU time:    ratio %.1f %%%n",
        COMMP_SHA_BYTES_PER_PAYLOAD_BYTE, 100 * commP.cpu()));
    s.append(f("  MessageDigest fallback ceiling, per 64-byte node vs bulk, CPU time:  %.1f %% one at a time,"
        + " %.1f %% four in flight%n", 100 * commP.nodeCeiling(), 100 * commP.nodeCeiling4()));
    s.append(f("  import + generate-car 64 MiB vs 1-thread blake2b-256 bulk:  ratio %.1f %%%n", 100 * importRatio));
    s.append(f("load average at the end: %s%n", loadAverage()));
    return s.toString();
  }

  private static double throughput(Class<?> benchmark, int threads) throws RunnerException {
    Options o = new OptionsBuilder().include(benchmark.getName()).threads(threads).build();
    return primary(new Runner(o).run().iterator().next());
  }

  private static double averageMillis(Class<?> benchmark) throws RunnerException {
    Options o = new OptionsBuilder().include(benchmark.getName()).build();
    return primary(new Runner(o).run().iterator().next());
  }

  private static double primary(RunResult r) {
    return r.getPrimaryResult().getScore();
  }

  private static double mib(double bytesPerSecond) {
    return bytesPerSecond / (1 << 20);
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).strip();
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }
}
