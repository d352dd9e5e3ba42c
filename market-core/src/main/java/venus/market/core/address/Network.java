package venus.market.core.address;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The network prefix of address strings: {@code f} on mainnet, {@code t} on every test network (calibration,
 * lotus 2k devnets). Parsing accepts both; printing uses the process-wide default unless told otherwise. The
 * default is {@code t} (this project runs devnets first) and may be set once, early at startup, from the
 * configured network.
 */
public enum Network {
  MAINNET('f'),
  TESTNET('t');

  private static final AtomicReference<Network> CONFIGURED = new AtomicReference<>();

  private final char prefix;

  Network(char prefix) {
    this.prefix = prefix;
  }

  public char prefix() {
    return prefix;
  }

  /** The process-wide default: the value set by {@link #setDefault}, else {@link #TESTNET}. */
  public static Network defaultNetwork() {
    Network n = CONFIGURED.get();
    return n == null ? TESTNET : n;
  }

  /**
   * Fixes the process-wide default. Setting the same value again is harmless; changing it once set is a
   * programming error, because addresses already printed would disagree with later ones.
   */
  public static void setDefault(Network network) {
    if (network == null) {
      throw new IllegalArgumentException("network must not be null");
    }
    if (!CONFIGURED.compareAndSet(null, network) && CONFIGURED.get() != network) {
      throw new IllegalStateException("default network already set to " + CONFIGURED.get() + ", cannot change it to "
          + network);
    }
  }

  /** The network whose prefix is {@code c}, or an {@code UNKNOWN_NETWORK} error. */
  public static Network fromPrefix(char c) {
    for (Network n : values()) {
      if (n.prefix == c) {
        return n;
      }
    }
    throw new AddressException(AddressException.Kind.UNKNOWN_NETWORK, "unknown address network '" + c
        + "' (expected 'f' or 't')");
  }
}
