package venus.market.devnet.sealer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import venus.market.core.address.Address;
import venus.market.core.jsonrpc.ApiInfo;
import venus.market.core.jsonrpc.RpcCaller;
import venus.market.core.jsonrpc.RpcClient;

/**
 * The market's sealer-facing JSON-RPC methods ({@code VENUS_MARKET.*}, venus-shared IMarket) as venus-sealer and
 * damocles call them, over core's RPC client. Results stay JSON: the sealer reads the fields it needs, as a Go
 * sealer unmarshals into its own structs.
 */
public final class MarketClient {
  static final String NS = "VENUS_MARKET.";

  private final RpcCaller rpc;
  private final ApiInfo info;

  MarketClient(RpcCaller rpc, ApiInfo info) {
    this.rpc = rpc;
    this.info = info;
  }

  /**
   * @param url the market API as the guide's [MarketNode] Url: a multiaddr ("/ip4/127.0.0.1/tcp/41235") or a URL
   * @param token the market token ([MarketNode] Token)
   */
  public static MarketClient connect(String url, String token, Duration timeout) {
    ApiInfo info = ApiInfo.parse(token == null || token.isEmpty() ? url : token + ":" + url);
    return new MarketClient(RpcClient.of(info, "v1", new ObjectMapper(), timeout), info);
  }

  /** Where the market serves piece bytes: {@code http://host:port/resource}. */
  public URI resourceUrl() {
    return info.httpUrl("v1").resolve("/resource");
  }

  public String token() {
    return info.token();
  }

  /** AssignUnPackedDeals(sectorID, sectorSize, spec): the sector's pieces in order, fillers included. */
  public JsonNode assign(Address miner, long sector, long sectorSize, int maxPiece) {
    ObjectNode sid = JsonNodeFactory.instance.objectNode().put("Miner", miner.id()).put("Number", sector);
    ObjectNode spec = JsonNodeFactory.instance.objectNode().put("MaxPiece", maxPiece);
    return rpc.call(NS + "AssignUnPackedDeals", JsonNode.class, sid, sectorSize, spec);
  }

  public void updateOnPacking(Address miner, long dealId, long sector, long offset) {
    rpc.call(NS + "UpdateDealOnPacking", JsonNode.class, miner.toString(), dealId, sector, offset);
  }

  public void updateStatus(Address miner, long dealId, String pieceStatus) {
    rpc.call(NS + "UpdateDealStatus", JsonNode.class, miner.toString(), dealId, pieceStatus);
  }

  public void release(Address miner, List<Long> dealIds) {
    rpc.call(NS + "ReleaseDeals", JsonNode.class, miner.toString(), dealIds);
  }

  public void reportBadPiece(Address miner, long dealId, String reason) {
    rpc.call(NS + "SealerReportBadPiece", JsonNode.class, miner.toString(), dealId, reason);
  }

  /** GetDeals(miner, 0, MaxInt32), what {@code venus-sealer deals list} shows. */
  public JsonNode deals(Address miner) {
    return rpc.call(NS + "GetDeals", JsonNode.class, miner.toString(), 0, Integer.MAX_VALUE);
  }
}
