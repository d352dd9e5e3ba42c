package venus.market.daemon.api;

/**
 * Names of the {@code VENUS_MARKET} JSON-RPC methods served by the daemon and called by the CLI, kept
 * in one place so server and client cannot drift. Standard names follow venus-shared's
 * {@code api/market} (IMarket); the ones marked "extension" exist only in this implementation because
 * the CLI is thin and never dials the chain node itself.
 */
public final class MarketApi {
  public static final String NAMESPACE = "VENUS_MARKET";

  public static final String ACTOR_LIST = "ActorList";
  public static final String ACTOR_EXIST = "ActorExist";
  public static final String ACTOR_SECTOR_SIZE = "ActorSectorSize";
  /** Extension: the miner's on-chain peer id, multiaddrs, worker and owner. */
  public static final String ACTOR_INFO = "ActorInfo";
  /** Extension: send ChangeMultiaddrs from the worker; returns the message CID. */
  public static final String ACTOR_SET_ADDRS = "ActorSetAddrs";
  /** Extension: send ChangePeerID from the worker; returns the message CID. */
  public static final String ACTOR_SET_PEER_ID = "ActorSetPeerID";

  public static final String NET_ADDRS_LISTEN = "NetAddrsListen";
  public static final String ID = "ID";
  /** Extension (lotus shape): connected peers. */
  public static final String NET_PEERS = "NetPeers";

  public static final String MARKET_SET_ASK = "MarketSetAsk";
  public static final String MARKET_GET_ASK = "MarketGetAsk";
  public static final String MARKET_LIST_ASK = "MarketListAsk";

  public static final String MESSAGER_PUSH_MESSAGE = "MessagerPushMessage";
  public static final String MESSAGER_WAIT_MESSAGE = "MessagerWaitMessage";
  public static final String MESSAGER_GET_MESSAGE = "MessagerGetMessage";

  public static final String SECTOR_GET_SEAL_DELAY = "SectorGetSealDelay";
  public static final String SECTOR_SET_EXPECTED_SEAL_DURATION = "SectorSetExpectedSealDuration";
  public static final String DEALS_PIECE_CID_BLOCKLIST = "DealsPieceCidBlocklist";
  public static final String DEALS_SET_PIECE_CID_BLOCKLIST = "DealsSetPieceCidBlocklist";

  /** Deal-handling methods served by the deal subsystem (issue 5); the CLI calls them by these names. */
  public static final String MARKET_LIST_INCOMPLETE_DEALS = "MarketListIncompleteDeals";
  public static final String MARKET_GET_DEAL = "MarketGetDeal";
  public static final String DEALS_IMPORT_DATA = "DealsImportData";
  /** Same as DealsImportData at write permission (venus-shared v1.2.0). */
  public static final String MARKET_IMPORT_DEAL_DATA = "MarketImportDealData";
  public static final String MARKET_PENDING_DEALS = "MarketPendingDeals";
  public static final String MARKET_PUBLISH_PENDING_DEALS = "MarketPublishPendingDeals";

  /** Sealer-facing methods (venus-sealer, damocles); see rpc/SealerRpc. */
  public static final String GET_UNPACKED_DEALS = "GetUnPackedDeals";
  public static final String ASSIGN_UNPACKED_DEALS = "AssignUnPackedDeals";
  public static final String MARK_DEALS_AS_PACKING = "MarkDealsAsPacking";
  public static final String UPDATE_DEAL_ON_PACKING = "UpdateDealOnPacking";
  public static final String UPDATE_DEAL_STATUS = "UpdateDealStatus";
  public static final String RELEASE_DEALS = "ReleaseDeals";
  public static final String GET_DEALS = "GetDeals";
  public static final String UPDATE_STORAGE_DEAL_STATUS = "UpdateStorageDealStatus";
  /** Extension: a sealer reports that a deal's stored piece does not match its piece CID (write). */
  public static final String SEALER_REPORT_BAD_PIECE = "SealerReportBadPiece";

  /** Extension (lotus shape): current chain head as seen by the daemon's node. */
  public static final String CHAIN_HEAD = "ChainHead";
  /** Extension (lotus shape): mint a token with the given permissions. */
  public static final String AUTH_NEW = "AuthNew";
  /** Extension (lotus shape): the permissions a token grants. */
  public static final String AUTH_VERIFY = "AuthVerify";
  public static final String VERSION = "Version";

  private MarketApi() {}

  /** "VENUS_MARKET.&lt;method&gt;". */
  public static String full(String method) {
    return NAMESPACE + "." + method;
  }

  /** The deal acceptance switches: getter "Deals&lt;X&gt;", setter "DealsSet&lt;X&gt;" (admin). */
  public enum Consider {
    ONLINE_STORAGE("ConsiderOnlineStorageDeals"),
    OFFLINE_STORAGE("ConsiderOfflineStorageDeals"),
    ONLINE_RETRIEVAL("ConsiderOnlineRetrievalDeals"),
    OFFLINE_RETRIEVAL("ConsiderOfflineRetrievalDeals"),
    VERIFIED_STORAGE("ConsiderVerifiedStorageDeals"),
    UNVERIFIED_STORAGE("ConsiderUnverifiedStorageDeals");

    private final String key;

    Consider(String key) {
      this.key = key;
    }

    /** The config.toml key, e.g. "ConsiderOnlineStorageDeals". */
    public String configKey() {
      return key;
    }

    public String getter() {
      return "Deals" + key;
    }

    public String setter() {
      return "DealsSet" + key;
    }
  }
}
