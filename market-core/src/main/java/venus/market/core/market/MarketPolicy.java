package venus.market.core.market;

import java.math.BigInteger;
import venus.market.core.multiformats.Cid;
import venus.market.core.multiformats.Multicodec;

/**
 * Market actor policy constants as builtin-actors (market/src/policy.rs) and go-state-types builtin/v12+ define
 * them. Checked against builtin-actors b0a3bdd6 and go-state-types 8b01cf99.
 */
public final class MarketPolicy {

  /** Epochs per day at 30 s per epoch. */
  public static final long EPOCHS_IN_DAY = 2880;
  /** Minimum deal duration (inclusive): 180 days. */
  public static final long DEAL_MIN_DURATION = 180 * EPOCHS_IN_DAY;
  /** Maximum deal duration (inclusive) since actors v12 (FIP-0052): 1278 days. */
  public static final long DEAL_MAX_DURATION = 1278 * EPOCHS_IN_DAY;
  /** Maximum deal duration in actors v9–v11 (540 days); older networks only. */
  public static final long DEAL_MAX_DURATION_V9 = 540 * EPOCHS_IN_DAY;
  /** DealMaxLabelSize. */
  public static final int DEAL_MAX_LABEL_SIZE = DealLabel.MAX_SIZE;
  /** Total (assumed) FIL, in attoFIL: upper bound of deal price and collaterals. */
  public static final BigInteger TOTAL_FILECOIN_ATTO = BigInteger.valueOf(2_000_000_000L).multiply(BigInteger.TEN.pow(18));
  /** ProviderCollateralSupplyTarget = 1/100 of the normalised circulating supply. */
  public static final BigInteger PROVIDER_COLLATERAL_SUPPLY_TARGET_NUM = BigInteger.ONE;
  public static final BigInteger PROVIDER_COLLATERAL_SUPPLY_TARGET_DENOM = BigInteger.valueOf(100);
  /** Smallest padded piece size the actor accepts. */
  public static final long MIN_PIECE_SIZE = 128;

  private MarketPolicy() {}

  /** Whether {@code duration} epochs is inside [DEAL_MIN_DURATION, DEAL_MAX_DURATION]. */
  public static boolean isDurationInBounds(long duration) {
    return duration >= DEAL_MIN_DURATION && duration <= DEAL_MAX_DURATION;
  }

  /**
   * The minimum provider collateral (DealProviderCollateralBounds): 1% of circulating supply × the deal's share of
   * max(network raw power, baseline power, piece size). The maximum is {@link #TOTAL_FILECOIN_ATTO}.
   */
  public static BigInteger minProviderCollateral(long paddedPieceSize, BigInteger networkRawPower,
      BigInteger baselinePower, BigInteger circulatingSupply) {
    BigInteger size = BigInteger.valueOf(paddedPieceSize);
    BigInteger shareDenom = networkRawPower.max(baselinePower).max(size);
    BigInteger num = PROVIDER_COLLATERAL_SUPPLY_TARGET_NUM.multiply(circulatingSupply).multiply(size);
    BigInteger denom = PROVIDER_COLLATERAL_SUPPLY_TARGET_DENOM.multiply(shareDenom);
    return num.divide(denom);
  }

  /** A piece CID as the actor requires: v1, fil-commitment-unsealed, sha2-256-trunc254-padded, 32-byte digest. */
  public static boolean isPieceCid(Cid cid) {
    return cid.version() == 1 && cid.codec() == Multicodec.FIL_COMMITMENT_UNSEALED
        && cid.multihash().code() == Multicodec.SHA2_256_TRUNC254_PADDED && cid.multihash().digestLength() == 32;
  }

  /** Whether a padded piece size is a power of two ≥ 128. */
  public static boolean isValidPaddedPieceSize(long size) {
    return size >= MIN_PIECE_SIZE && Long.bitCount(size) == 1;
  }
}
