package venus.market.client.rpc;

/**
 * The client daemon's JSON-RPC methods (namespace {@code VENUS_MARKET_CLIENT}, as droplet-client). Shapes are Lotus
 * JSON: CIDs {@code {"/":…}}, addresses as strings, amounts as attoFIL decimal strings.
 */
public final class ClientApi {
  public static final String NAMESPACE = "VENUS_MARKET_CLIENT";

  public static final String VERSION = "Version";
  public static final String DEFAULT_ADDRESS = "ClientDefaultAddress";
  public static final String QUERY_ASK = "ClientQueryAsk";
  public static final String DEAL_PIECE_CID = "ClientDealPieceCID";
  public static final String START_DEAL = "ClientStartDeal";
  public static final String LIST_DEALS = "ClientListDeals";
  public static final String GET_DEAL = "ClientGetDealInfo";
  public static final String REFRESH_DEALS = "ClientRefreshDeals";
  public static final String FIND_ASKS = "ClientFindAsks";
  public static final String VERIFIED_STATUS = "StateVerifiedClientStatus";
  public static final String MINER_POWER = "StateMinerPower";
  public static final String WALLET_BALANCE = "WalletBalance";
  public static final String MARKET_BALANCE = "StateMarketBalance";
  public static final String ADD_BALANCE = "MarketAddBalance";
  public static final String WITHDRAW = "MarketWithdraw";

  private ClientApi() {
  }

  public static String full(String method) {
    return NAMESPACE + "." + method;
  }
}
