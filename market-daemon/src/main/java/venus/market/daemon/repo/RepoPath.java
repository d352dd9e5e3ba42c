package venus.market.daemon.repo;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the repo lives: {@code --repo}, else {@code $VENUS_MARKET_PATH}, else {@code ~/.venusmarket}.
 * A leading "~/" is expanded, as operators copy paths from the guide.
 */
public final class RepoPath {
  public static final String ENV = "VENUS_MARKET_PATH";
  public static final String DEFAULT = "~/.venusmarket";

  private RepoPath() {}

  public static Path resolve(String flag, Map<String, String> env, String userHome) {
    String raw = flag != null && !flag.isBlank() ? flag
        : env.getOrDefault(ENV, "").isBlank() ? DEFAULT : env.get(ENV);
    return expand(raw, userHome);
  }

  public static Path resolve(String flag) {
    return resolve(flag, System.getenv(), System.getProperty("user.home"));
  }

  static Path expand(String raw, String userHome) {
    if (raw.equals("~")) {
      return Path.of(userHome);
    }
    if (raw.startsWith("~/")) {
      return Path.of(userHome, raw.substring(2)).toAbsolutePath().normalize();
    }
    return Path.of(raw).toAbsolutePath().normalize();
  }
}
