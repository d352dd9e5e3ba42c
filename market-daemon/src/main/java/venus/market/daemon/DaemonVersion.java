package venus.market.daemon;

/** The version reported by {@code Version} and {@code venus-market version}. */
public final class DaemonVersion {
  public static final String VERSION = "0.1.0-SNAPSHOT";
  /** venus-shared's market API version encoding (major&lt;&lt;16 | minor&lt;&lt;8 | patch) of v1.2.0. */
  public static final long API_VERSION = (1L << 16) | (2L << 8);

  private DaemonVersion() {}
}
