package venus.market.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClientRepoTest {

  @Test
  void precedenceIsFlagThenOwnEnvThenDropletEnvThenHome() {
    Map<String, String> both = Map.of("MARKET_CLIENT_PATH", "/a", "VENUS_MARKET_CLIENT_PATH", "/b");
    assertThat(ClientRepo.resolve(Path.of("/flag"), both, "/home/u")).isEqualTo(Path.of("/flag"));
    assertThat(ClientRepo.resolve(null, both, "/home/u")).isEqualTo(Path.of("/a"));
    assertThat(ClientRepo.resolve(null, Map.of("VENUS_MARKET_CLIENT_PATH", "/b"), "/home/u")).isEqualTo(Path.of("/b"));
    assertThat(ClientRepo.resolve(null, Map.of("MARKET_CLIENT_PATH", " "), "/home/u"))
        .isEqualTo(Path.of("/home/u/.marketclient"));
    assertThat(ClientRepo.resolve(null, Map.of("MARKET_CLIENT_PATH", "~/mc"), "/home/u"))
        .isEqualTo(Path.of("/home/u/mc"));
  }
}
