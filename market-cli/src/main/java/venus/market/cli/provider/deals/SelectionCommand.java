package venus.market.cli.provider.deals;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import venus.market.cli.CliFailures.UsageException;
import venus.market.cli.options.DaemonClient;
import venus.market.cli.options.OutputOptions;
import venus.market.cli.provider.ThinCommand;
import venus.market.daemon.api.MarketApi.Consider;

/** {@code venus-market storage-deals selection list|reset|reject}: which storage deals are considered. */
@Command(name = "selection", mixinStandardHelpOptions = true, description = "Configure which storage deals are accepted.",
    subcommands = {SelectionCommand.ListCmd.class, SelectionCommand.Reset.class, SelectionCommand.Reject.class})
public final class SelectionCommand {
  private static final Consider[] STORAGE = {
    Consider.ONLINE_STORAGE, Consider.OFFLINE_STORAGE, Consider.VERIFIED_STORAGE, Consider.UNVERIFIED_STORAGE};

  /** Prints {@code considering online storage deals: true} etc. */
  @Command(name = "list", description = "Show the current selection.")
  public static final class ListCmd extends ThinCommand {
    @Mixin OutputOptions output;

    @Override
    protected void run(DaemonClient daemon) {
      Map<String, Boolean> v = new LinkedHashMap<>();
      for (Consider c : STORAGE) {
        v.put(c.configKey(), daemon.call(c.getter(), Boolean.class));
      }
      if (output.json()) {
        OutputOptions.printJson(out(), v);
        return;
      }
      out().println("considering online storage deals: " + v.get(Consider.ONLINE_STORAGE.configKey()));
      out().println("considering offline storage deals: " + v.get(Consider.OFFLINE_STORAGE.configKey()));
      out().println("considering verified storage deals: " + v.get(Consider.VERIFIED_STORAGE.configKey()));
      out().println("considering unverified storage deals: " + v.get(Consider.UNVERIFIED_STORAGE.configKey()));
    }
  }

  /** Accept every kind again. */
  @Command(name = "reset", description = "Accept online, offline, verified and unverified deals.")
  public static final class Reset extends ThinCommand {
    @Override
    protected void run(DaemonClient daemon) {
      for (Consider c : STORAGE) {
        daemon.invoke(c.setter(), true);
      }
    }
  }

  /** Stop accepting the chosen kinds. */
  @Command(name = "reject", description = "Reject the chosen kinds of storage deals.")
  public static final class Reject extends ThinCommand {
    @Option(names = "--online") boolean online;
    @Option(names = "--offline") boolean offline;
    @Option(names = "--verified") boolean verified;
    @Option(names = "--unverified") boolean unverified;

    @Override
    protected void run(DaemonClient daemon) {
      if (!online && !offline && !verified && !unverified) {
        throw new UsageException("choose at least one of --online --offline --verified --unverified");
      }
      set(daemon, online, Consider.ONLINE_STORAGE);
      set(daemon, offline, Consider.OFFLINE_STORAGE);
      set(daemon, verified, Consider.VERIFIED_STORAGE);
      set(daemon, unverified, Consider.UNVERIFIED_STORAGE);
    }

    private static void set(DaemonClient daemon, boolean reject, Consider c) {
      if (reject) {
        daemon.invoke(c.setter(), false);
      }
    }
  }
}
