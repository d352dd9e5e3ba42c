package venus.market.daemon.net;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import venus.market.daemon.config.ConfigException;

/** The API listen multiaddr ({@code /ip4/127.0.0.1/tcp/41235}) as host and port for the HTTP server. */
public record ApiAddress(String proto, String host, int port) {
  private static final Pattern P = Pattern.compile("/(ip4|ip6|dns|dns4|dns6)/([^/]+)/tcp/([0-9]{1,5})(/(http|ws))?/?");

  public static ApiAddress parse(String multiaddr) {
    Matcher m = P.matcher(multiaddr);
    if (!m.matches() || Integer.parseInt(m.group(3)) > 65535) {
      throw ConfigException.invalid("config", "API.ListenAddress", multiaddr,
          "expected /ip4/<addr>/tcp/<port> (or /ip6/...), e.g. /ip4/127.0.0.1/tcp/41235");
    }
    return new ApiAddress(m.group(1), m.group(2), Integer.parseInt(m.group(3)));
  }

  public ApiAddress withPort(int p) {
    return new ApiAddress(proto, host, p);
  }

  @Override
  public String toString() {
    return "/" + proto + "/" + host + "/tcp/" + port;
  }
}
