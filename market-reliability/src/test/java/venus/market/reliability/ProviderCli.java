package venus.market.reliability;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import venus.market.cli.VenusMarketMain;

/** One {@code venus-market} command line against a provider repo, in-process (a thin JSON-RPC client). */
final class ProviderCli {
  record Result(int exit, String out, String err) {
    String ok() {
      if (exit != 0) {
        throw new AssertionError("exit " + exit + "\nstdout: " + out + "\nstderr: " + err);
      }
      return out;
    }
  }

  private ProviderCli() {}

  static Result run(Path repo, String... args) {
    List<String> all = new ArrayList<>(List.of("--repo", repo.toString()));
    all.addAll(List.of(args));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = VenusMarketMain.run(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(exit, out.toString(), err.toString());
  }
}
