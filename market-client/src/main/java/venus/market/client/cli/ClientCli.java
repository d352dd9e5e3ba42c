package venus.market.client.cli;

import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import venus.market.client.cli.data.DataCommand;

/**
 * {@code market-client}: the storage client's command tree. Groups follow the venus-market guide ({@code run},
 * {@code data}, {@code storage asks}, {@code storage deals}, {@code actor-funds}); only {@code data} exists so far,
 * the daemon-backed groups are added with the client daemon rather than shipped as stubs.
 */
@Command(name = "market-client", mixinStandardHelpOptions = true, version = "market-client 0.1.0",
    description = {"Filecoin storage client for venus-market.",
        "Local data commands work without a daemon: import, local, drop, generate-car, commP."},
    subcommands = {DataCommand.class, CommandLine.HelpCommand.class},
    footer = {"", "Exit codes: 0 ok, 1 failure, 2 bad usage, 3 file or import not found, 4 invalid input data, "
        + "5 I/O error."})
public final class ClientCli {

  @Option(names = "--repo", scope = ScopeType.INHERIT, paramLabel = "<dir>",
      description = "client repo (default: $MARKET_CLIENT_PATH, else $VENUS_MARKET_CLIENT_PATH, else ~/.marketclient)")
  Path repo;

  @Option(names = "--verbose", scope = ScopeType.INHERIT,
      description = "on error, print the stack trace after the one-line message")
  boolean verbose;

  private final Map<String, String> env;
  private final String userHome;

  ClientCli(Map<String, String> env, String userHome) {
    this.env = env;
    this.userHome = userHome;
  }

  /** The repo directory this invocation uses. */
  public Path repo() {
    return ClientRepo.resolve(repo, env, userHome);
  }

  /** A command line for this process's environment. */
  public static CommandLine commandLine() {
    return commandLine(System.getenv(), System.getProperty("user.home"));
  }

  /** A command line with an explicit environment (tests). */
  public static CommandLine commandLine(Map<String, String> env, String userHome) {
    return new CommandLine(new ClientCli(env, userHome))
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setExecutionExceptionHandler((e, cmd, parsed) -> {
          ClientCli root = (ClientCli) cmd.getCommandSpec().root().userObject();
          cmd.getErr().println("ERROR: " + ExitCodes.message(e));
          if (root.verbose) {
            e.printStackTrace(cmd.getErr());
          }
          cmd.getErr().flush();
          return ExitCodes.of(e);
        });
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }
}
