package venus.market.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import venus.market.client.config.ClientConfig;
import venus.market.client.config.ClientConfigToml;
import venus.market.daemon.config.MarketConfig;
import venus.market.daemon.config.TomlConfigReader;

/**
 * The example files in config/ stay true: both load, with no unknown key or bad value, as the daemons' defaults. (The
 * provider's is what solo-run writes on first start; a key added later is not caught here, so that merging a branch
 * with a new key cannot break this test: regenerate the example from {@code TomlConfigWriter.write(MarketConfig
 * .defaults())} when you add one.)
 */
class ExampleConfigsTest {
  /** The repository's config/ directory (surefire runs in the module directory). */
  static final Path CONFIG = Path.of("..", "config");

  @Test
  void providerExampleLoadsAsTheDefaults() {
    assertThat(TomlConfigReader.read(CONFIG.resolve("venus-market.config.toml"))).isEqualTo(MarketConfig.defaults());
  }

  @Test
  void clientExampleLoadsAsTheDefaults() throws Exception {
    assertThat(ClientConfigToml.read(CONFIG.resolve("market-client.config.toml"))).isEqualTo(ClientConfig.defaults());
  }
}
