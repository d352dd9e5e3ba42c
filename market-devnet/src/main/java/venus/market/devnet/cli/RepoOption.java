package venus.market.devnet.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The shared {@code --repo} option. */
final class RepoOption {
  @Option(names = "--repo", description = "devnet repo directory (default: $MARKET_DEVNET_PATH or ~/.market-devnet)")
  Path repo;

  Path path() {
    return repo != null ? repo : DevnetCli.defaultRepo();
  }
}
