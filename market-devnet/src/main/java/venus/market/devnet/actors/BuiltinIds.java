package venus.market.devnet.actors;

/** Singleton actor ids (same as mainnet) and where the devnet starts numbering other actors. */
public final class BuiltinIds {
  private BuiltinIds() {}

  public static final long SYSTEM = 0;
  public static final long INIT = 1;
  public static final long REWARD = 2;
  public static final long CRON = 3;
  public static final long POWER = 4;
  public static final long MARKET = 5;
  public static final long VERIFREG = 6;
  public static final long DATACAP = 7;
  public static final long BURNT_FUNDS = 99;
  /** Genesis accounts are t0100, t0101, ... (as lotus genesis numbers them). */
  public static final long FIRST_ACCOUNT = 100;
  /** Genesis miners are t01000, t01001, ... (lotus genesis MinerStart). */
  public static final long FIRST_MINER = 1000;
}
