package venus.market.devnet;

import java.time.Duration;

/**
 * How to run a devnet.
 *
 * @param host address the JSON-RPC API binds (127.0.0.1 by default)
 * @param port API port; 0 picks a free one (tests)
 * @param walletPort port of the venus-wallet compatible signing API; 0 picks a free one
 * @param blockTime interval between tipsets; {@code Duration.ZERO} disables the timer so tests
 *     produce tipsets themselves with {@link Devnet#mineTipset()}
 * @param networkName StateNetworkName
 */
public record DevnetOptions(String host, int port, int walletPort, Duration blockTime, String networkName) {
  public static final String DEFAULT_NETWORK = "devnet";

  public static DevnetOptions defaults() {
    return new DevnetOptions("127.0.0.1", 3453, 5678, Duration.ofSeconds(2), DEFAULT_NETWORK);
  }

  /** Loopback, free port, no timer: what other modules' tests want. */
  public static DevnetOptions forTests() {
    return new DevnetOptions("127.0.0.1", 0, 0, Duration.ZERO, DEFAULT_NETWORK);
  }

  public DevnetOptions withBlockTime(Duration d) {
    return new DevnetOptions(host, port, walletPort, d, networkName);
  }

  /** BlockDelaySecs the API reports (at least 1). */
  public long blockDelaySecs() {
    return Math.max(1, blockTime.toSeconds());
  }
}
