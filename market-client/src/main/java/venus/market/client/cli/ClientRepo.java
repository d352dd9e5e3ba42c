package venus.market.client.cli;

import java.nio.file.Path;
import java.util.Map;

/** Where the client repo is: --repo, else $MARKET_CLIENT_PATH, else $VENUS_MARKET_CLIENT_PATH (droplet), else ~/.marketclient. */
final class ClientRepo {

  static final String ENV = "MARKET_CLIENT_PATH";
  static final String DROPLET_ENV = "VENUS_MARKET_CLIENT_PATH";

  private ClientRepo() {
  }

  static Path resolve(Path flag, Map<String, String> env, String userHome) {
    if (flag != null) {
      return flag;
    }
    for (String name : new String[] {ENV, DROPLET_ENV}) {
      String v = env.get(name);
      if (v != null && !v.isBlank()) {
        return Path.of(expandHome(v, userHome));
      }
    }
    return Path.of(userHome, ".marketclient");
  }

  /** "~/x" in an environment variable is not expanded by every shell (e.g. when quoted). */
  private static String expandHome(String v, String userHome) {
    return v.equals("~") ? userHome : v.startsWith("~/") ? userHome + v.substring(1) : v;
  }
}
