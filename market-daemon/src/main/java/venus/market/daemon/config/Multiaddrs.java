package venus.market.daemon.config;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * Syntax checks for the address strings in config.toml, so a typo fails at load time with the key's
 * name. Resolving them into sockets and URLs is the job of the JSON-RPC and libp2p layers.
 */
final class Multiaddrs {
  private static final Pattern TCP = Pattern.compile(
      "/(ip4|ip6|dns|dns4|dns6)/[^/]+/tcp/([0-9]{1,5})(/(http|https|ws|wss))?/?");
  private static final Pattern ENDPOINT = Pattern.compile(
      "/(ip4|ip6|dns|dns4|dns6)/[^/]+/tcp/([0-9]{1,5})(/(http|https|ws|wss))?(/.*)?");

  private Multiaddrs() {}

  static boolean isTcp(String s) {
    var m = TCP.matcher(s);
    return m.matches() && Integer.parseInt(m.group(2)) <= 65535;
  }

  /** A multiaddr or an http/https/ws/wss URL with a host. */
  static boolean isEndpoint(String s) {
    if (s.startsWith("/")) {
      var m = ENDPOINT.matcher(s);
      return m.matches() && Integer.parseInt(m.group(2)) <= 65535;
    }
    try {
      URI u = new URI(s);
      return u.getScheme() != null && u.getHost() != null
          && u.getScheme().matches("https?|wss?");
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }
}
