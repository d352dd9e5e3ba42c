package venus.market.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import venus.market.cli.tree.CommandTree;

/**
 * Entry point of the {@code venus-market} binary. Picks the logging backend before any logger exists:
 * logback for the daemon ({@code solo-run}), slf4j-simple (quiet, fast to start) for the thin commands.
 */
public final class VenusMarketMain {
  private VenusMarketMain() {}

  public static void main(String[] args) throws java.io.IOException {
    selectLogging(args);
    if (Boolean.getBoolean(CdsTraining.PROPERTY)) {
      CdsTraining.run(); // the build's training run for the launcher's class-data archive
      return;
    }
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs one command line and returns the exit code; tests call this directly. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    // Only the commands on the path the arguments name are built: picocli's model of the whole tree cost
    // more than the rest of a thin command together.
    CommandLine cmd = CommandTree.parsesOrWhole(VenusMarketCommand::new, args, c -> configure(c, out, err));
    return cmd.execute(args);
  }

  /** The whole command tree. */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    return configure(CommandTree.whole(new VenusMarketCommand()), out, err);
  }

  private static CommandLine configure(CommandLine cmd, PrintWriter out, PrintWriter err) {
    cmd.setOut(out);
    cmd.setErr(err);
    CliFailures failures = new CliFailures();
    cmd.setExecutionExceptionHandler(failures);
    cmd.setParameterExceptionHandler(failures);
    cmd.setExitCodeExceptionMapper(failures);
    return cmd;
  }

  private static void selectLogging(String[] args) {
    boolean daemon = false;
    for (String a : args) {
      if (a.equals("solo-run")) {
        daemon = true;
        break;
      }
    }
    if (System.getProperty("slf4j.provider") == null) {
      System.setProperty("slf4j.provider", daemon
          ? "ch.qos.logback.classic.spi.LogbackServiceProvider"
          : "org.slf4j.simple.SimpleServiceProvider");
    }
    if (System.getProperty("slf4j.internal.verbosity") == null) {
      // slf4j otherwise reports the explicitly chosen provider on stderr.
      System.setProperty("slf4j.internal.verbosity", "WARN");
    }
    if (!daemon && System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
  }
}
