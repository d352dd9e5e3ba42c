package venus.market.bench;

import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.util.Statistics;

/**
 * Runs {@link DealIntakeBenchmark} and prints proposals accepted per second with p50/p99 latency next to the limits
 * measured in the same run: the bare libp2p request/answer rate, the secp256k1 verification rate (× cores), and the
 * synced store write rate ÷ {@link DealIntakeBenchmark#WRITES_PER_DEAL}. The smallest of the three is the binding one.
 * Usage: {@code java -cp market-bench/target/benchmarks.jar venus.market.bench.IntakeBenchmarks}.
 */
public final class IntakeBenchmarks {

  private IntakeBenchmarks() {}

  public static void main(String[] args) throws Exception {
    double proposals = 0;
    double asks = 0;
    double verifies = 0;
    double writes = 0;
    double writesOne = 0;
    Statistics latency = null;
    for (RunResult r : new Runner(new OptionsBuilder().include(DealIntakeBenchmark.class.getName()).build()).run()) {
      String name = r.getParams().getBenchmark();
      double score = r.getPrimaryResult().getScore();
      switch (name.substring(name.lastIndexOf('.') + 1)) {
        case "proposeOfflineDeal" -> {
          if (r.getParams().getMode() == org.openjdk.jmh.annotations.Mode.SampleTime) {
            latency = r.getPrimaryResult().getStatistics();
          } else {
            proposals = score;
          }
        }
        case "askRoundTrip" -> asks = score;
        case "verifySignature" -> verifies = score;
        case "syncedStoreWrite" -> writes = score;
        case "syncedStoreWriteOneThread" -> writesOne = score;
        default -> { }
      }
    }
    int cores = Runtime.getRuntime().availableProcessors();
    double verifyLimit = verifies * cores;
    double writeLimit = writes / DealIntakeBenchmark.WRITES_PER_DEAL;
    double binding = Math.min(asks, Math.min(verifyLimit, writeLimit));
    System.out.printf(Locale.ROOT, "%n==== deal intake, %d client hosts on loopback, %d cores ====%n",
        DealIntakeBenchmark.THREADS, cores);
    System.out.printf(Locale.ROOT, "offline mk/1.2.0 proposals accepted:    %9.1f /s", proposals);
    if (latency != null) {
      System.out.printf(Locale.ROOT, "   p50 %.2f ms, p99 %.2f ms", latency.getPercentile(50) * 1e3,
          latency.getPercentile(99) * 1e3);
    }
    System.out.printf(Locale.ROOT, "%n");
    System.out.printf(Locale.ROOT, "limit: libp2p request/answer (ask):     %9.1f /s  ->  ratio %5.1f %%%n", asks,
        100 * proposals / asks);
    System.out.printf(Locale.ROOT, "limit: secp256k1 verify x %d cores:      %9.1f /s  ->  ratio %5.1f %%%n", cores,
        verifyLimit, 100 * proposals / verifyLimit);
    System.out.printf(Locale.ROOT, "limit: synced store writes / %d:         %9.1f /s  ->  ratio %5.1f %%%n",
        DealIntakeBenchmark.WRITES_PER_DEAL, writeLimit, 100 * proposals / writeLimit);
    System.out.printf(Locale.ROOT, "  (one writer alone: %.1f synced writes/s; %d clients x that / %d = %.1f deals/s)%n",
        writesOne, DealIntakeBenchmark.THREADS, DealIntakeBenchmark.WRITES_PER_DEAL,
        writesOne * DealIntakeBenchmark.THREADS / DealIntakeBenchmark.WRITES_PER_DEAL);
    System.out.printf(Locale.ROOT, "binding limit:                          %9.1f /s  ->  ratio %5.1f %%%n", binding,
        100 * proposals / binding);
  }
}
