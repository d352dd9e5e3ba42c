package venus.market.client.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Option;
import venus.market.client.data.ByteProgress;

/** The {@code --progress} option of the commands that stream whole files. */
public final class ProgressOption {

  @Option(names = "--progress", description = "show a percentage on stderr (default: only on a terminal and for "
      + "inputs of 64 MiB or more)")
  boolean forced;

  public ByteProgress create(String label, long totalBytes, PrintWriter err) {
    return Progress.create(label, totalBytes, forced, err);
  }

  public static void finish(ByteProgress p) {
    Progress.finish(p);
  }
}
