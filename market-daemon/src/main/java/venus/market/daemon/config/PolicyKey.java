package venus.market.daemon.config;

/**
 * The config.toml names of the {@link DealPolicy} keys, in record-component order, with the kind of
 * value each holds and the comment written into the default config.
 */
public enum PolicyKey {
  ConsiderOnlineStorageDeals(Kind.BOOL, "accept storage deals whose data arrives over the network (graphsync)"),
  ConsiderOfflineStorageDeals(Kind.BOOL, "accept offline deals (data imported with `storage-deals import-data`)"),
  ConsiderOnlineRetrievalDeals(Kind.BOOL, "serve retrievals over the network"),
  ConsiderOfflineRetrievalDeals(Kind.BOOL, "serve offline retrievals"),
  ConsiderVerifiedStorageDeals(Kind.BOOL, "accept verified (DataCap) deals"),
  ConsiderUnverifiedStorageDeals(Kind.BOOL, "accept unverified deals"),
  PieceCidBlocklist(Kind.CID_LIST, "piece CIDs whose deals are always rejected"),
  ExpectedSealDuration(Kind.DURATION, "reject deals that start sooner than this from now"),
  MaxDealStartDelay(Kind.DURATION, "reject deals that start later than this after the seal window"),
  PublishMsgPeriod(Kind.DURATION, "how long accepted deals wait to be batched into one PublishStorageDeals message"),
  MaxDealsPerPublishMsg(Kind.POSITIVE_INT, "publish at once when this many deals are queued"),
  MaxProviderCollateralMultiplier(Kind.POSITIVE_INT, "provider collateral may be at most this times the network minimum"),
  Filter(Kind.STRING, "shell command run with the deal as JSON on stdin; exit 0 accepts ('' = none)"),
  RetrievalFilter(Kind.STRING, "same as Filter, for retrieval deals"),
  MaxPublishDealsFee(Kind.FIL, "fee cap of PublishStorageDeals messages (\"0 FIL\" = node default)"),
  MaxMarketBalanceAddFee(Kind.FIL, "fee cap of market AddBalance messages (\"0 FIL\" = node default)");

  /** What a key holds, which decides how it is parsed, validated and written. */
  public enum Kind { BOOL, CID_LIST, DURATION, POSITIVE_INT, STRING, FIL }

  private final Kind kind;
  private final String comment;

  PolicyKey(Kind kind, String comment) {
    this.kind = kind;
    this.comment = comment;
  }

  public Kind kind() {
    return kind;
  }

  public String comment() {
    return comment;
  }
}
