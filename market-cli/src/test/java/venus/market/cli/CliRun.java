package venus.market.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs one venus-market command line in-process and captures exit code, stdout and stderr. */
record CliRun(int exit, String out, String err) {
  static CliRun run(Path repo, String... args) {
    List<String> all = new ArrayList<>();
    if (repo != null) {
      all.add("--repo");
      all.add(repo.toString());
    }
    all.addAll(List.of(args));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = VenusMarketMain.run(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
    return new CliRun(code, out.toString(), err.toString());
  }
}
