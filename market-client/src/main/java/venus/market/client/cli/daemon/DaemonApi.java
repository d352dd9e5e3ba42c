package venus.market.client.cli.daemon;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import venus.market.client.deals.StartDealRequest;
import venus.market.client.repo.ClientHome;
import venus.market.client.rpc.ApiTypes;
import venus.market.client.rpc.ClientApi;
import venus.market.core.MarketException;
import venus.market.core.address.Address;
import venus.market.core.amount.TokenAmount;
import venus.market.core.json.LotusJson;
import venus.market.core.jsonrpc.ApiInfo;
import venus.market.core.jsonrpc.RpcCaller;
import venus.market.core.jsonrpc.RpcUrlClient;
import venus.market.core.jsonrpc.RpcRemoteException;
import venus.market.core.jsonrpc.RpcTransportException;
import venus.market.core.multiformats.Cid;

/** The CLI's typed view of the running client daemon: reads {@code <repo>/api} and {@code <repo>/token}. */
public final class DaemonApi {
  private static final ObjectMapper MAPPER = LotusJson.mapper();

  private final RpcCaller rpc;
  private final Path repo;

  private DaemonApi(RpcCaller rpc, Path repo) {
    this.rpc = rpc;
    this.repo = repo;
  }

  /**
   * Deal proposals wait for the provider's answer; allow for a slow provider. HttpURLConnection, not
   * java.net.http: a one-shot command starts much faster without the latter's TLS and selector set-up.
   */
  public static DaemonApi connect(Path repo) throws IOException {
    String[] at = ClientHome.open(repo).apiAndToken();
    return new DaemonApi(RpcUrlClient.of(new ApiInfo(at[1], at[0]), "v0", MAPPER, Duration.ofMinutes(10)), repo);
  }

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  public Address defaultAddress() {
    return call(ClientApi.DEFAULT_ADDRESS, new TypeReference<Address>() {});
  }

  public ApiTypes.Ask queryAsk(Address miner) {
    return call(ClientApi.QUERY_ASK, new TypeReference<ApiTypes.Ask>() {}, miner);
  }

  public ApiTypes.FoundAsks findAsks() {
    return call(ClientApi.FIND_ASKS, new TypeReference<ApiTypes.FoundAsks>() {});
  }

  /** DataCap in bytes, or null when the address is not a verified client. */
  public java.math.BigInteger verifiedDataCap(Address a) {
    String s = call(ClientApi.VERIFIED_STATUS, new TypeReference<String>() {}, a);
    return s == null ? null : new java.math.BigInteger(s);
  }

  public java.math.BigInteger minerPower(Address miner) {
    return new java.math.BigInteger(call(ClientApi.MINER_POWER, new TypeReference<String>() {}, miner));
  }

  public ApiTypes.DataCidSize dealPieceCid(Cid root) {
    return call(ClientApi.DEAL_PIECE_CID, new TypeReference<ApiTypes.DataCidSize>() {}, root);
  }

  public Cid startDeal(StartDealRequest r) {
    return call(ClientApi.START_DEAL, new TypeReference<Cid>() {}, r);
  }

  public List<ApiTypes.DealInfo> listDeals() {
    return call(ClientApi.LIST_DEALS, new TypeReference<List<ApiTypes.DealInfo>>() {});
  }

  public ApiTypes.DealInfo getDeal(Cid proposal) {
    return call(ClientApi.GET_DEAL, new TypeReference<ApiTypes.DealInfo>() {}, proposal);
  }

  public void refreshDeals() {
    call(ClientApi.REFRESH_DEALS, new TypeReference<Object>() {});
  }

  public TokenAmount walletBalance(Address a) {
    return call(ClientApi.WALLET_BALANCE, new TypeReference<TokenAmount>() {}, a);
  }

  public ApiTypes.Balance marketBalance(Address a) {
    return call(ClientApi.MARKET_BALANCE, new TypeReference<ApiTypes.Balance>() {}, a);
  }

  public Cid addBalance(Address wallet, Address to, TokenAmount amount) {
    return call(ClientApi.ADD_BALANCE, new TypeReference<Cid>() {}, wallet, to, amount);
  }

  public Cid withdraw(Address wallet, Address from, TokenAmount amount) {
    return call(ClientApi.WITHDRAW, new TypeReference<Cid>() {}, wallet, from, amount);
  }

  private <T> T call(String method, TypeReference<T> type, Object... params) {
    try {
      return rpc.call(ClientApi.full(method), type, params);
    } catch (RpcRemoteException e) {
      throw new MarketException(e.getMessage(), e);
    } catch (RpcTransportException e) {
      throw new MarketException("cannot reach the market-client daemon of " + repo + ": " + e.getMessage()
          + " (is 'market-client run' still running?)", e);
    }
  }
}
