package venus.market.devnet.cli;

import java.nio.file.Path;
import java.nio.file.Paths;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code market-devnet}: run a local dev chain, manage its wallet, send funds. */
@Command(name = "market-devnet", mixinStandardHelpOptions = true, version = "market-devnet 0.1.0",
    description = "A local Filecoin dev chain with a Lotus-compatible JSON-RPC API. For demos and tests only.",
    subcommands = {RunCommand.class, WalletCommand.class, SendCommand.class, SealerCommand.class})
public final class DevnetCli {

  /** Default repo: $MARKET_DEVNET_PATH or ~/.market-devnet. */
  static Path defaultRepo() {
    String env = System.getenv("MARKET_DEVNET_PATH");
    return env != null && !env.isBlank() ? Paths.get(env) : Paths.get(System.getProperty("user.home"), ".market-devnet");
  }

  public static int execute(String... args) {
    return new CommandLine(new DevnetCli())
        .setExecutionExceptionHandler((e, cmd, parsed) -> {
          cmd.getErr().println("ERROR: " + e.getMessage());
          return 1;
        })
        .execute(args);
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }
}
