package venus.market.bench;

import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link P2pEchoBenchmark} and prints the yamux-stream echo throughput as a fraction of raw TCP measured in
 * the same run. Usage: {@code java -cp market-bench/target/benchmarks.jar venus.market.bench.P2pBenchmarks}.
 */
public final class P2pBenchmarks {

  private P2pBenchmarks() {}

  public static void main(String[] args) throws Exception {
    double yamux = 0;
    double raw = 0;
    for (RunResult r : new Runner(new OptionsBuilder().include(P2pEchoBenchmark.class.getName()).build()).run()) {
      double opsPerSecond = r.getPrimaryResult().getScore();
      if (r.getParams().getBenchmark().endsWith("yamuxStream")) {
        yamux = opsPerSecond;
      } else {
        raw = opsPerSecond;
      }
    }
    // one op echoes 1 MiB: ops/s is MiB/s in each direction
    System.out.printf(Locale.ROOT, "%n==== libp2p echo on loopback, %d KiB round trips ====%n", P2pEchoBenchmark.CHUNK / 1024);
    System.out.printf(Locale.ROOT, "raw TCP:                     %8.1f MiB/s each way%n", raw);
    System.out.printf(Locale.ROOT, "one Noise + yamux stream:    %8.1f MiB/s each way  ->  ratio %.1f %%%n", yamux,
        100 * yamux / raw);
  }
}
