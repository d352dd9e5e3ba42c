package venus.market.daemon.repo;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import venus.market.daemon.config.MarketConfig;

/**
 * The running daemon's config. API setters (deal acceptance switches, blocklist, seal duration) change
 * it here and save config.toml, so the operator sees the change in the file and it survives a restart.
 */
public final class LiveConfig implements Supplier<MarketConfig> {
  private static final Logger LOG = LoggerFactory.getLogger(LiveConfig.class);

  private final Repo repo;
  private final AtomicReference<MarketConfig> current;

  public LiveConfig(Repo repo, MarketConfig initial) {
    this.repo = repo;
    this.current = new AtomicReference<>(initial);
  }

  @Override
  public MarketConfig get() {
    return current.get();
  }

  /** Applies a change and saves it; serialised so two API calls cannot lose each other's edits. */
  public synchronized MarketConfig update(String what, UnaryOperator<MarketConfig> change) {
    MarketConfig next = change.apply(current.get());
    ConfigFile.save(repo, next);
    current.set(next);
    LOG.info("config changed by API: {} (saved to {})", what, repo.configFile());
    return next;
  }
}
