package venus.market.daemon.repo;

import java.util.List;
import java.util.function.UnaryOperator;
import venus.market.daemon.config.MarketConfig;
import venus.market.daemon.config.TomlConfigReader;
import venus.market.daemon.config.TomlConfigWriter;

/**
 * Built-in defaults, then {@code config.toml}, then the flags actually given. The result is saved when
 * the file did not exist or flags changed it, so that after the guide's first
 * {@code solo-run --node-url=... --miner=...} a plain {@code solo-run} starts the same daemon.
 */
public final class ConfigFile {
  private ConfigFile() {}

  /** The outcome: the effective config and whether config.toml was (re)written. */
  public record Loaded(MarketConfig config, boolean written) {}

  public static Loaded load(Repo repo, List<UnaryOperator<MarketConfig>> overrides) {
    boolean exists = repo.hasConfig();
    MarketConfig base = exists ? TomlConfigReader.read(repo.configFile()) : MarketConfig.defaults();
    MarketConfig merged = base;
    for (UnaryOperator<MarketConfig> o : overrides) {
      merged = o.apply(merged);
    }
    boolean write = !exists || !merged.equals(base);
    if (write) {
      save(repo, merged);
    }
    return new Loaded(merged, write);
  }

  public static void save(Repo repo, MarketConfig config) {
    repo.writeConfig(TomlConfigWriter.write(config));
  }
}
