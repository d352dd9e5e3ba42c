package venus.market.cli.provider.deals;

import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import venus.market.cli.options.DaemonClient;
import venus.market.cli.provider.ThinCommand;
import venus.market.daemon.api.MarketApi;
import venus.market.core.amount.Durations;

/** {@code set-seal-duration <minutes>} and {@code get-seal-duration}: ExpectedSealDuration. */
public final class SealDurationCommands {
  private SealDurationCommands() {}

  /** Sets how long sealing is expected to take (deals starting sooner are rejected). */
  @Command(name = "set-seal-duration", description = "Set the expected time to seal a deal, in minutes.")
  public static final class Set extends ThinCommand {
    @Parameters(index = "0", paramLabel = "<minutes>")
    long minutes;

    @Override
    protected void run(DaemonClient daemon) {
      daemon.invoke(MarketApi.SECTOR_SET_EXPECTED_SEAL_DURATION, Duration.ofMinutes(minutes).toNanos());
    }
  }

  /** Prints the expected seal duration. */
  @Command(name = "get-seal-duration", description = "Print the expected time to seal a deal.")
  public static final class Get extends ThinCommand {
    @Override
    protected void run(DaemonClient daemon) {
      long ns = daemon.call(MarketApi.SECTOR_GET_SEAL_DELAY, Long.class);
      out().println(Durations.format(Duration.ofNanos(ns)));
    }
  }
}
