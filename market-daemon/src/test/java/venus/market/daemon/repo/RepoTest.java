package venus.market.daemon.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import venus.market.daemon.config.ConfigException;
import venus.market.daemon.config.ConfigOverrides;
import venus.market.daemon.config.MarketConfig;

class RepoTest {
  @TempDir Path dir;

  @Test
  void repoPathPrecedence() {
    assertThat(RepoPath.resolve("/x/repo", Map.of(RepoPath.ENV, "/y"), "/home/u")).isEqualTo(Path.of("/x/repo"));
    assertThat(RepoPath.resolve(null, Map.of(RepoPath.ENV, "/y"), "/home/u")).isEqualTo(Path.of("/y"));
    assertThat(RepoPath.resolve(null, Map.of(), "/home/u")).isEqualTo(Path.of("/home/u/.venusmarket"));
    assertThat(RepoPath.resolve("~/m", Map.of(), "/home/u")).isEqualTo(Path.of("/home/u/m"));
  }

  @Test
  void firstLoadWritesDefaultsAndFlags() throws Exception {
    Repo repo = Repo.open(dir.resolve("r"));
    var loaded = ConfigFile.load(repo, List.of(ConfigOverrides.miner("t01000:acct")));
    assertThat(loaded.written()).isTrue();
    assertThat(Files.readString(repo.configFile())).contains("[[StorageMiners]]").contains("Addr = \"t01000\"");
    var again = ConfigFile.load(repo, List.of());
    assertThat(again.written()).isFalse();
    assertThat(again.config()).isEqualTo(loaded.config());
    var sameFlag = ConfigFile.load(repo, List.of(ConfigOverrides.miner("t01000:acct")));
    assertThat(sameFlag.written()).isFalse();
    assertThat(sameFlag.config().storageMiners()).hasSize(1);
  }

  @Test
  void badConfigFileStopsLoad() throws Exception {
    Repo repo = Repo.open(dir);
    Files.writeString(repo.configFile(), "[API]\nTimeout = \"soon\"\n");
    assertThatThrownBy(() -> ConfigFile.load(repo, List.of())).isInstanceOf(ConfigException.class)
        .hasMessageContaining("API.Timeout = \"soon\"");
  }

  @Test
  void secretsAndFilesPersist() {
    Repo repo = Repo.open(dir);
    byte[] s1 = repo.jwtSecret(new SecureRandom());
    byte[] s2 = new Repo(dir).jwtSecret(new SecureRandom());
    assertThat(s1).hasSize(32).isEqualTo(s2);
    repo.writeApi("/ip4/127.0.0.1/tcp/41235");
    repo.writeToken("a.b.c");
    assertThat(repo.readApi()).contains("/ip4/127.0.0.1/tcp/41235");
    assertThat(repo.readToken()).contains("a.b.c");
    repo.removeApi();
    assertThat(repo.readApi()).isEmpty();
    assertThat(MarketConfig.defaults().storageMiners()).isEmpty();
  }
}
