package venus.market.devnet.actors;

import java.math.BigInteger;

/**
 * Market actor policy values and bounds, as builtin-actors' market policy defines them
 * (deal_duration_bounds, deal_price_per_epoch_bounds, deal_provider_collateral_bounds,
 * deal_client_collateral_bounds). The network-dependent inputs of the provider collateral minimum
 * (circulating supply, baseline and raw power) are devnet constants, chosen so the minimum is small
 * but non-zero.
 */
public final class MarketPolicy {
  private MarketPolicy() {}

  public static final long EPOCHS_IN_DAY = 2880;
  public static final long MIN_DEAL_DURATION = 180 * EPOCHS_IN_DAY;
  public static final long MAX_DEAL_DURATION = 1278 * EPOCHS_IN_DAY;
  public static final int DEAL_MAX_LABEL_SIZE = 256;
  public static final BigInteger ATTO_PER_FIL = BigInteger.TEN.pow(18);
  public static final BigInteger TOTAL_FILECOIN = BigInteger.valueOf(2_000_000_000L).multiply(ATTO_PER_FIL);
  /** builtin-actors PROV_COLLATERAL_PERCENT_SUPPLY_NUM / DENOM = 1 / 100. */
  static final BigInteger PROV_COLLATERAL_NUM = BigInteger.ONE;
  static final BigInteger PROV_COLLATERAL_DENOM = BigInteger.valueOf(100);
  /** Devnet circulating supply used by the collateral bound: 100 million FIL. */
  public static final BigInteger CIRCULATING_SUPPLY = BigInteger.valueOf(100_000_000L).multiply(ATTO_PER_FIL);
  /** Devnet baseline power: 1 EiB (the network's raw power is always below it). */
  public static final BigInteger BASELINE_POWER = BigInteger.ONE.shiftLeft(60);

  public static boolean isValidPieceSize(long paddedSize) {
    return paddedSize >= 128 && Long.bitCount(paddedSize) == 1;
  }

  /** Minimum provider collateral: 1% of circulating supply, pro rata of the piece in baseline power. */
  public static BigInteger minProviderCollateral(long paddedPieceSize) {
    return PROV_COLLATERAL_NUM
        .multiply(CIRCULATING_SUPPLY)
        .multiply(BigInteger.valueOf(paddedPieceSize))
        .divide(PROV_COLLATERAL_DENOM.multiply(BASELINE_POWER));
  }

  public static BigInteger maxProviderCollateral() {
    return TOTAL_FILECOIN;
  }
}
