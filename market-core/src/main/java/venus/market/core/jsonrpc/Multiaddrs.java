package venus.market.core.jsonrpc;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * Turns the TCP multiaddrs used for API endpoints into host:port (the subset lotus' manet.DialArgs
 * accepts).
 */
public final class Multiaddrs {
  private static final Pattern IP4 =
      Pattern.compile(
          "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
  private static final Pattern DNS_NAME =
      Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,62})?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,62})?)*\\.?");

  private Multiaddrs() {}

  /**
   * @param hostPort "host:port" with IPv6 hosts in brackets
   * @param secure true when the multiaddr asks for TLS (/https, /wss, /tls)
   */
  public record HostPort(String host, int port, boolean secure) {
    public String hostPort() {
      return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
  }

  /**
   * Parses {@code /ip4|ip6|dns|dns4|dns6/<host>/tcp/<port>} optionally followed by {@code /http},
   * {@code /https}, {@code /ws}, {@code /wss} or {@code /tls[/ws|/http]}.
   */
  public static HostPort toHostPort(String multiaddr) {
    String[] parts = multiaddr.split("/", -1);
    // parts[0] is the empty string before the leading '/'
    if (parts.length < 5 || !parts[0].isEmpty()) {
      throw bad(multiaddr, "expected /<ip4|ip6|dns|dns4|dns6>/<host>/tcp/<port>");
    }
    String proto = parts[1];
    String host = parts[2];
    switch (proto) {
      case "ip4":
        if (!IP4.matcher(host).matches()) {
          throw bad(multiaddr, "'" + host + "' is not an IPv4 address");
        }
        break;
      case "ip6":
        host = ip6(multiaddr, host);
        break;
      case "dns":
      case "dns4":
      case "dns6":
        if (!DNS_NAME.matcher(host).matches() || host.length() > 253) {
          throw bad(multiaddr, "'" + host + "' is not a DNS name");
        }
        break;
      default:
        throw bad(
            multiaddr,
            "unsupported protocol '" + proto + "' (expected ip4, ip6, dns, dns4 or dns6)");
    }
    if (!"tcp".equals(parts[3])) {
      throw bad(multiaddr, "expected /tcp/<port> after the host, got /" + parts[3]);
    }
    int port;
    try {
      port = Integer.parseInt(parts[4]);
    } catch (NumberFormatException e) {
      port = -1;
    }
    if (port < 0 || port > 65535 || !parts[4].matches("\\d{1,5}")) {
      throw bad(multiaddr, "'" + parts[4] + "' is not a TCP port");
    }
    boolean secure = false;
    for (int i = 5; i < parts.length; i++) {
      switch (parts[i]) {
        case "http":
        case "ws":
          break;
        case "https":
        case "wss":
        case "tls":
          secure = true;
          break;
        case "":
          if (i == parts.length - 1) {
            break; // a trailing '/'
          }
          throw bad(multiaddr, "empty component");
        default:
          throw bad(multiaddr, "unsupported component '/" + parts[i] + "' after the port");
      }
    }
    return new HostPort(host, port, secure);
  }

  private static String ip6(String multiaddr, String host) {
    if (!host.matches("[0-9A-Fa-f:.]+") || !host.contains(":")) {
      throw bad(multiaddr, "'" + host + "' is not an IPv6 address");
    }
    try {
      // A literal address never triggers a DNS lookup.
      InetAddress a = InetAddress.getByName(host);
      if (a.getAddress().length != 16) {
        throw bad(multiaddr, "'" + host + "' is not an IPv6 address");
      }
      return host;
    } catch (UnknownHostException e) {
      throw bad(multiaddr, "'" + host + "' is not an IPv6 address");
    }
  }

  private static ApiInfoException bad(String multiaddr, String why) {
    return new ApiInfoException("bad API multiaddr '" + multiaddr + "': " + why);
  }
}
