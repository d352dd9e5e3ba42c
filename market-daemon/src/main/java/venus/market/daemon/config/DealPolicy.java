package venus.market.daemon.config;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The deal policy keys that may be set globally (top level of config.toml) and overridden per miner in
 * {@code [[StorageMiners]]}. A miner section inherits every key it does not set, unlike droplet HEAD
 * where setting one key zeroed the others.
 *
 * @param pieceCidBlocklist piece CIDs (as text) whose deals are rejected
 * @param maxPublishDealsFee attoFIL; zero means "no explicit cap" (node default)
 * @param maxMarketBalanceAddFee attoFIL; zero means "no explicit cap"
 */
public record DealPolicy(
    boolean considerOnlineStorageDeals,
    boolean considerOfflineStorageDeals,
    boolean considerOnlineRetrievalDeals,
    boolean considerOfflineRetrievalDeals,
    boolean considerVerifiedStorageDeals,
    boolean considerUnverifiedStorageDeals,
    List<String> pieceCidBlocklist,
    Duration expectedSealDuration,
    Duration maxDealStartDelay,
    Duration publishMsgPeriod,
    int maxDealsPerPublishMsg,
    int maxProviderCollateralMultiplier,
    String filter,
    String retrievalFilter,
    BigInteger maxPublishDealsFee,
    BigInteger maxMarketBalanceAddFee) {

  public DealPolicy {
    pieceCidBlocklist = List.copyOf(pieceCidBlocklist);
    Objects.requireNonNull(expectedSealDuration, "expectedSealDuration");
    Objects.requireNonNull(maxDealStartDelay, "maxDealStartDelay");
    Objects.requireNonNull(publishMsgPeriod, "publishMsgPeriod");
    Objects.requireNonNull(filter, "filter");
    Objects.requireNonNull(retrievalFilter, "retrievalFilter");
    Objects.requireNonNull(maxPublishDealsFee, "maxPublishDealsFee");
    Objects.requireNonNull(maxMarketBalanceAddFee, "maxMarketBalanceAddFee");
  }

  /** droplet v2.0.0 defaults. */
  public static DealPolicy defaults() {
    return new DealPolicy(true, true, true, true, true, true, List.of(),
        Duration.ofHours(24), Duration.ofHours(336), Duration.ofHours(1), 8, 2, "", "",
        BigInteger.ZERO, BigInteger.ZERO);
  }

  /** Returns a copy with one key (by its config.toml name) replaced; used by the API setters. */
  public DealPolicy with(PolicyKey key, Object value) {
    Object[] v = values();
    v[key.ordinal()] = value;
    return fromValues(v);
  }

  /** Reads one key by its config.toml name. */
  public Object get(PolicyKey key) {
    return values()[key.ordinal()];
  }

  Object[] values() {
    return new Object[] {
        considerOnlineStorageDeals, considerOfflineStorageDeals, considerOnlineRetrievalDeals,
        considerOfflineRetrievalDeals, considerVerifiedStorageDeals, considerUnverifiedStorageDeals,
        pieceCidBlocklist, expectedSealDuration, maxDealStartDelay, publishMsgPeriod,
        maxDealsPerPublishMsg, maxProviderCollateralMultiplier, filter, retrievalFilter,
        maxPublishDealsFee, maxMarketBalanceAddFee};
  }

  @SuppressWarnings("unchecked")
  static DealPolicy fromValues(Object[] v) {
    return new DealPolicy((Boolean) v[0], (Boolean) v[1], (Boolean) v[2], (Boolean) v[3],
        (Boolean) v[4], (Boolean) v[5], (List<String>) v[6], (Duration) v[7], (Duration) v[8],
        (Duration) v[9], (Integer) v[10], (Integer) v[11], (String) v[12], (String) v[13],
        (BigInteger) v[14], (BigInteger) v[15]);
  }
}
