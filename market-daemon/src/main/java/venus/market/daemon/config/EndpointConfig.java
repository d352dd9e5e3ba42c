package venus.market.daemon.config;

import java.util.Objects;

/**
 * A remote JSON-RPC service: {@code [Node]}, {@code [Messager]}, {@code [AuthNode]}.
 *
 * @param url multiaddr ({@code /ip4/1.2.3.4/tcp/3453}) or http(s)/ws(s) URL; "" = not configured
 * @param token JWT sent as bearer token
 */
public record EndpointConfig(String url, String token) {
  public EndpointConfig {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(token, "token");
  }

  public static EndpointConfig none() {
    return new EndpointConfig("", "");
  }

  public boolean configured() {
    return !url.isEmpty();
  }

  @Override
  public String toString() {
    return "EndpointConfig[url=" + url + ", token=" + Redact.secret(token) + "]";
  }
}
