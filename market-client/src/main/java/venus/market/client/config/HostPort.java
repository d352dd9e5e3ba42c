package venus.market.client.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A TCP listen multiaddr ({@code /ip4/127.0.0.1/tcp/41231}, optional {@code /http} or {@code /ws}) as host and port. */
public record HostPort(String proto, String host, int port) {
  private static final Pattern P = Pattern.compile("/(ip4|ip6|dns|dns4|dns6)/([^/]+)/tcp/([0-9]{1,5})(/(http|ws))?/?");

  public static HostPort parse(String key, String multiaddr) {
    Matcher m = P.matcher(multiaddr);
    if (!m.matches() || Integer.parseInt(m.group(3)) > 65535) {
      throw ClientConfigException.invalid(key, multiaddr, "expected /ip4/<addr>/tcp/<port> (or /ip6/...)");
    }
    return new HostPort(m.group(1), m.group(2), Integer.parseInt(m.group(3)));
  }

  public HostPort withPort(int p) {
    return new HostPort(proto, host, p);
  }

  /** The host as it appears in a URL (IPv6 in brackets). */
  public String urlHost() {
    return host.contains(":") ? "[" + host + "]" : host;
  }

  @Override
  public String toString() {
    return "/" + proto + "/" + host + "/tcp/" + port;
  }
}
