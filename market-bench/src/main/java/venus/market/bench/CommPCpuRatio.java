package venus.market.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import venus.market.core.piece.CommPHasher;

/**
 * commP against its limit in CPU time only, for A/B comparisons of two builds on a machine others are loading: each
 * round hashes 256 MiB on a pool of one worker per core and counts the CPU time of every Java thread (per-thread
 * clocks, exact; the process clock ticks in 10 ms on Linux), then one-thread SHA-256 bulk over the same number of
 * compression bytes in this thread's CPU time. Prints the median ratio (commP payload per CPU-second over bulk per
 * CPU-second / 4.0315). JIT-compiler and GC threads are not Java threads and are not counted, which flatters commP
 * slightly; after the three warm-up rounds they do little. Run the two builds alternately, several times each; only
 * their difference means something.
 *
 * <p>Usage: {@code java -Xmx256m -cp market-bench/target/benchmarks.jar venus.market.bench.CommPCpuRatio [rounds]}.
 */
public final class CommPCpuRatio {

  private static final int MIB = 1 << 20;
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private CommPCpuRatio() {
  }

  public static void main(String[] args) throws NoSuchAlgorithmException {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 12;
    int cores = Runtime.getRuntime().availableProcessors();
    byte[] source = new byte[4 * MIB];
    new Random(7).nextBytes(source);
    long payload = 256L * MIB;
    double compressionBytes = payload * PieceBenchmarks.COMMP_SHA_BYTES_PER_PAYLOAD_BYTE;
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    ExecutorService pool = Executors.newFixedThreadPool(cores);
    double[] ratios = new double[rounds];
    try {
      for (int r = -3; r < rounds; r++) {
        long c0 = allThreadsCpuNanos();
        CommPHasher h = new CommPHasher(pool, cores);
        for (long done = 0; done < payload; done += MIB) {
          h.write(source, (int) ((done / MIB * 4099) % (source.length - MIB)), MIB);
        }
        h.digest();
        double commPPerCpuSecond = payload / ((allThreadsCpuNanos() - c0) / 1e9);
        c0 = THREADS.getCurrentThreadCpuTime();
        for (double n = 0; n < compressionBytes; n += MIB) {
          md.update(source, 0, MIB);
        }
        md.digest();
        double bulkPerCpuSecond = compressionBytes / ((THREADS.getCurrentThreadCpuTime() - c0) / 1e9);
        if (r >= 0) {
          ratios[r] = commPPerCpuSecond / (bulkPerCpuSecond / PieceBenchmarks.COMMP_SHA_BYTES_PER_PAYLOAD_BYTE);
        }
      }
    } finally {
      pool.shutdownNow();
    }
    Arrays.sort(ratios);
    System.out.printf(Locale.ROOT, "commP 256 MiB on %d workers vs 1-thread SHA-256 bulk / %.4f, CPU time: median %.1f %%"
        + " (min %.1f, max %.1f, %d rounds)%n", cores, PieceBenchmarks.COMMP_SHA_BYTES_PER_PAYLOAD_BYTE,
        100 * ratios[rounds / 2], 100 * ratios[0], 100 * ratios[rounds - 1], rounds);
  }

  private static long allThreadsCpuNanos() {
    long sum = 0;
    for (long id : THREADS.getAllThreadIds()) {
      long t = THREADS.getThreadCpuTime(id);
      if (t > 0) {
        sum += t;
      }
    }
    return sum;
  }
}
