package venus.market.cli;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import venus.market.cli.provider.SoloRunCommand;
import venus.market.cli.provider.VersionCommand;
import venus.market.cli.provider.actor.ActorCommand;
import venus.market.cli.provider.auth.AuthCommand;
import venus.market.cli.provider.deals.StorageDealsCommand;
import venus.market.cli.provider.net.NetCommand;
import venus.market.cli.tree.Subcommands;
import venus.market.daemon.repo.RepoPath;

/**
 * {@code venus-market}: the provider daemon ({@code solo-run}) and the commands that talk to it. Subcommands are
 * built only when the command line names them (fast start), see {@link venus.market.cli.tree.CommandTree}.
 */
@Command(
    name = "venus-market",
    mixinStandardHelpOptions = true,
    versionProvider = VersionCommand.Provider.class,
    description = "Filecoin storage market provider (venus-market v2 compatible).")
@Subcommands({
  SoloRunCommand.class,
  AuthCommand.class,
  NetCommand.class,
  ActorCommand.class,
  StorageDealsCommand.class,
  VersionCommand.class
})
public final class VenusMarketCommand implements Runnable {
  @Option(names = "--repo", scope = ScopeType.INHERIT, paramLabel = "<dir>",
      description = "repo directory (default: $VENUS_MARKET_PATH or ~/.venusmarket)")
  String repo;

  @Option(names = "--verbose", scope = ScopeType.INHERIT,
      description = "print the stack trace of an error, not just its one-line reason")
  boolean verbose;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The repo directory after applying --repo, $VENUS_MARKET_PATH and the default. */
  public Path repoPath() {
    return RepoPath.resolve(repo);
  }

  public boolean verbose() {
    return verbose;
  }
}
