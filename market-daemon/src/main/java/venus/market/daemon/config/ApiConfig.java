package venus.market.daemon.config;

import java.time.Duration;
import java.util.Objects;

/**
 * {@code [API]}: where the JSON-RPC API listens.
 *
 * @param listenAddress multiaddr such as {@code /ip4/127.0.0.1/tcp/41235}; tcp port 0 picks a free port
 * @param remoteListenAddress address other hosts should use (informational, "" = same as listen)
 * @param secret hex JWT secret; "" means the one generated in the repo ({@code keystore/jwt-secret})
 * @param timeout per-request timeout
 */
public record ApiConfig(String listenAddress, String remoteListenAddress, String secret, Duration timeout) {
  public static final String DEFAULT_LISTEN = "/ip4/127.0.0.1/tcp/41235";

  public ApiConfig {
    Objects.requireNonNull(listenAddress, "listenAddress");
    Objects.requireNonNull(remoteListenAddress, "remoteListenAddress");
    Objects.requireNonNull(secret, "secret");
    Objects.requireNonNull(timeout, "timeout");
  }

  public static ApiConfig defaults() {
    return new ApiConfig(DEFAULT_LISTEN, "", "", Duration.ofSeconds(30));
  }

  @Override
  public String toString() {
    return "ApiConfig[listenAddress=" + listenAddress + ", remoteListenAddress=" + remoteListenAddress
        + ", secret=" + Redact.secret(secret) + ", timeout=" + timeout + "]";
  }
}
