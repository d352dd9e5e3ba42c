package venus.market.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import venus.market.core.crypto.Blake2b;
import venus.market.core.piece.CommPHasher;
import venus.market.core.unixfs.CarGenerator;

/**
 * A load-robust companion to the JMH figures: on a shared machine the other tenants' load changes between JMH
 * runs, so the ratio of two separate runs is noisy. Here the workload and its limit alternate in short rounds in
 * one JVM, each round gives a ratio, and the median is reported.
 */
final class InterleavedRatio {

  private static final int MIB = 1 << 20;
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final int cores = Runtime.getRuntime().availableProcessors();
  private final byte[] source = new byte[4 * MIB];

  InterleavedRatio() {
    new Random(11).nextBytes(source);
  }

  /**
   * The three commP ratios, each the median over rounds.
   *
   * @param wall commP wall-clock throughput / (all-core SHA-256 bulk wall-clock throughput / 4.0315): the headline
   *     figure, but the other tenants' load enters both halves of a round differently
   * @param cpu commP payload per CPU-second of this process / (one-thread SHA-256 bulk per CPU-second of its thread /
   *     4.0315): the same ratio counted in CPU time, so time lost to other tenants drops out. It equals the wall
   *     ratio on an idle machine if commP keeps every core busy
   * @param nodeCeiling per-64-byte-node SHA-256 through MessageDigest (compression bytes per CPU-second) / one-thread
   *     bulk per CPU-second: what the JDK's per-message path leaves of the bulk rate, one node after another
   * @param nodeCeiling4 the same with four nodes in flight on four MessageDigests, as commP hashes them: the ceiling
   *     of {@code cpu} for any commP built on MessageDigest
   */
  record CommPRatios(double wall, double cpu, double nodeCeiling, double nodeCeiling4) {
  }

  /** Runs commP, the all-core and one-core SHA-256 bulk limit and the per-node ceiling in alternation. */
  CommPRatios commPRatios(int rounds, long bytesPerRound) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(cores);
    try {
      List<Double> wall = new ArrayList<>();
      List<Double> cpu = new ArrayList<>();
      List<Double> nodes = new ArrayList<>();
      List<Double> nodes4 = new ArrayList<>();
      for (int r = 0; r < rounds + 2; r++) {
        long t0 = System.nanoTime();
        long c0 = processCpuNanos();
        CommPHasher h = new CommPHasher();
        for (long done = 0; done < bytesPerRound; done += MIB) {
          h.write(source, (int) ((done / MIB * 4099) % (source.length - MIB)), MIB);
        }
        h.digest();
        double commPWall = bytesPerRound / seconds(t0);
        double commPCpu = bytesPerRound / ((processCpuNanos() - c0) / 1e9);
        double bulkWall = shaAllCores(pool, bytesPerRound / cores);
        double bulkCpu = shaOneThreadCpu(bytesPerRound / cores);
        double nodeCpu = nodesOneThreadCpu(bytesPerRound / cores / 2, false);
        double node4Cpu = nodesOneThreadCpu(bytesPerRound / cores / 2, true);
        if (r >= 2) {
          wall.add(commPWall / (bulkWall / PieceBenchmarks.COMMP_SHA_BYTES_PER_PAYLOAD_BYTE));
          cpu.add(commPCpu / (bulkCpu / PieceBenchmarks.COMMP_SHA_BYTES_PER_PAYLOAD_BYTE));
          nodes.add(nodeCpu / bulkCpu);
          nodes4.add(node4Cpu / bulkCpu);
        }
      }
      return new CommPRatios(median(wall), median(cpu), median(nodes), median(nodes4));
    } finally {
      pool.shutdownNow();
    }
  }

  /** One-thread SHA-256 bulk, in bytes per CPU-second of this thread. */
  private double shaOneThreadCpu(long bytes) {
    MessageDigest md = sha256();
    long c0 = THREADS.getCurrentThreadCpuTime();
    for (long n = 0; n < bytes; n += MIB) {
      md.update(source, 0, MIB);
    }
    md.digest();
    return bytes / ((THREADS.getCurrentThreadCpuTime() - c0) / 1e9);
  }

  /** Per-node SHA-256 through MessageDigest over {@code childBytes} of children, in compressed bytes per CPU-second. */
  private double nodesOneThreadCpu(long childBytes, boolean fourLanes) throws Exception {
    MessageDigest md = sha256();
    MessageDigest[] lanes = {sha256(), sha256(), sha256(), sha256()};
    byte[] parents = new byte[MIB / 2];
    long c0 = THREADS.getCurrentThreadCpuTime();
    for (long n = 0; n < childBytes; n += MIB) {
      if (fourLanes) {
        Sha256NodeBenchmark.hashNodes4(lanes, source, parents, MIB / 64);
      } else {
        Sha256NodeBenchmark.hashNodes(md, source, parents, MIB / 64);
      }
    }
    return 2 * childBytes / ((THREADS.getCurrentThreadCpuTime() - c0) / 1e9);
  }

  private static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    throw new IllegalStateException("this JVM does not report process CPU time");
  }

  /** Median over rounds of import+generate-car throughput / 1-core blake2b-256 bulk. */
  double importRatio(int rounds, long fileBytes) throws IOException {
    Path file = Files.createTempFile("interleaved-import", ".bin");
    try {
      try (OutputStream out = Files.newOutputStream(file)) {
        for (long n = 0; n < fileBytes; n += MIB) {
          out.write(source, (int) (n / MIB % 3) * MIB, MIB);
        }
      }
      List<Double> ratios = new ArrayList<>();
      for (int r = 0; r < rounds + 2; r++) {
        long t0 = System.nanoTime();
        new CarGenerator().generate(file, OutputStream.nullOutputStream());
        double imp = fileBytes / seconds(t0);
        t0 = System.nanoTime();
        for (long n = 0; n < fileBytes; n += MIB) {
          Blake2b.newHasher(32).update(source, 0, MIB).digest();
        }
        double blake = fileBytes / seconds(t0);
        if (r >= 2) {
          ratios.add(imp / blake);
        }
      }
      return median(ratios);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private double shaAllCores(ExecutorService pool, long bytesPerThread) throws Exception {
    List<Future<?>> fs = new ArrayList<>();
    long t0 = System.nanoTime();
    for (int i = 0; i < cores; i++) {
      fs.add(pool.submit(() -> {
        MessageDigest md = sha256();
        for (long n = 0; n < bytesPerThread; n += MIB) {
          md.update(source, 0, MIB);
        }
        return md.digest();
      }));
    }
    for (Future<?> f : fs) {
      try {
        f.get();
      } catch (ExecutionException e) {
        throw new IllegalStateException(e.getCause());
      }
    }
    return bytesPerThread * cores / seconds(t0);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static double seconds(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }

  private static double median(List<Double> xs) {
    List<Double> s = new ArrayList<>(xs);
    Collections.sort(s);
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }
}
