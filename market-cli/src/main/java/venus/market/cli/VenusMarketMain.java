package venus.market.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Entry point of the {@code venus-market} binary. Picks the logging backend before any logger exists:
 * logback for the daemon ({@code solo-run}), slf4j-simple (quiet, fast to start) for the thin commands.
 */
public final class VenusMarketMain {
  private VenusMarketMain() {}

  public static void main(String[] args) {
    selectLogging(args);
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs one command line and returns the exit code; tests call this directly. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cmd = commandLine(out, err);
    return cmd.execute(args);
  }

  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    CommandLine cmd = new CommandLine(new VenusMarketCommand());
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
