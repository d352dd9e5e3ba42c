package venus.market.client.cli;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import venus.market.client.cli.data.DataCommand;
import venus.market.client.cli.funds.ActorFundsCommand;
import venus.market.client.cli.storage.StorageCommand;

/**
 * {@code market-client}: the storage client's command tree, as in the venus-market guide: {@code run} (the daemon),
 * {@code data} (local, no daemon needed), {@code storage asks}, {@code storage deals} and {@code actor-funds} (through
 * the daemon's JSON-RPC API, found via {@code <repo>/api} and {@code <repo>/token}).
 */
@Command(name = "market-client", mixinStandardHelpOptions = true, version = "market-client 0.1.0",
    description = {"Filecoin storage client for venus-market.",
        "Local data commands work without a daemon: import, local, drop, generate-car, commP.",
        "storage and actor-funds talk to the daemon started with 'market-client run'."},
    subcommands = {RunCommand.class, DataCommand.class, StorageCommand.class, ActorFundsCommand.class,
        venus.market.client.cli.wallet.WalletCommand.class,
        CommandLine.HelpCommand.class},
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
  private final BufferedReader input;

  ClientCli(Map<String, String> env, String userHome, InputStream in) {
    this.env = env;
    this.userHome = userHome;
    this.input = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
  }

  /** Answers to interactive prompts ({@code storage deals init} without arguments). */
  public BufferedReader input() {
    return input;
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
    return commandLine(env, userHome, System.in);
  }

  /** A command line that reads prompt answers from {@code in} (tests). */
  public static CommandLine commandLine(Map<String, String> env, String userHome, InputStream in) {
    return new CommandLine(new ClientCli(env, userHome, in))
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
