package venus.market.daemon.node;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import venus.market.core.MarketException;
import venus.market.core.address.Address;
import venus.market.core.crypto.SigType;
import venus.market.core.crypto.Signature;
import venus.market.core.jsonrpc.ApiInfo;
import venus.market.core.jsonrpc.RpcCaller;
import venus.market.core.jsonrpc.RpcClient;
import venus.market.core.jsonrpc.RpcPermissionException;
import venus.market.core.jsonrpc.RpcTransportException;
import venus.market.core.jsonrpc.RpcUnauthorizedException;
import venus.market.daemon.api.ApiJson;
import venus.market.daemon.config.EndpointConfig;

/**
 * The lotus/venus full-node methods the market needs ({@code Filecoin.*} on /rpc/v1). Calls go over
 * HTTP, so a node that restarts is simply retried: transport failures are retried with capped
 * exponential backoff, permission failures are reported with the missing permission and the config key
 * to fix.
 */
public final class NodeClient {
  private static final List<Object> HEAD = List.of();

  private final RpcCaller rpc;
  private final RpcCaller longRpc;
  private final Retry retry;
  private final String where;

  public NodeClient(RpcCaller rpc, RpcCaller longRpc, Retry retry, String where) {
    this.rpc = rpc;
    this.longRpc = longRpc;
    this.retry = retry;
    this.where = where;
  }

  /** Connects to {@code [Node] Url} with {@code [Node] Token}. */
  public static NodeClient connect(EndpointConfig node, Duration timeout, Retry retry) {
    ApiInfo info = new ApiInfo(node.token(), node.url());
    ObjectMapper mapper = mapper();
    return new NodeClient(RpcClient.of(info, "v1", mapper, timeout),
        RpcClient.of(info, "v1", mapper, Duration.ofHours(1)), retry, "the node at " + node.url());
  }

  public static ObjectMapper mapper() {
    return new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  }

  public NodeJson.TipSet chainHead() {
    return call("ChainHead", new TypeReference<NodeJson.TipSet>() {});
  }

  public String version() {
    return call("Version", new TypeReference<com.fasterxml.jackson.databind.JsonNode>() {}).path("Version").asText();
  }

  public NodeJson.MinerInfo stateMinerInfo(Address miner) {
    return call("StateMinerInfo", new TypeReference<NodeJson.MinerInfo>() {}, miner.toString(), HEAD);
  }

  public Address stateAccountKey(Address addr) {
    return Address.parse(call("StateAccountKey", new TypeReference<String>() {}, addr.toString(), HEAD));
  }

  public Address stateLookupId(Address addr) {
    return Address.parse(call("StateLookupID", new TypeReference<String>() {}, addr.toString(), HEAD));
  }

  /** The node picks nonce and gas and signs with {@code from}'s key (which its wallet must hold). */
  public NodeJson.SignedMessage mpoolPushMessage(NodeJson.Message msg, NodeJson.SendSpec spec) {
    return call("MpoolPushMessage", new TypeReference<NodeJson.SignedMessage>() {}, msg, spec);
  }

  /** Blocks until the message is on chain with {@code confidence} epochs on top. */
  public NodeJson.MsgLookup stateWaitMsg(String cid, long confidence) {
    return retry.run("StateWaitMsg", () -> guard("StateWaitMsg", () -> longRpc.call("Filecoin.StateWaitMsg",
        new TypeReference<NodeJson.MsgLookup>() {}, new ApiJson.CidJson(cid), confidence, -1, true)));
  }

  public NodeJson.Message chainGetMessage(String cid) {
    return call("ChainGetMessage", new TypeReference<NodeJson.Message>() {}, new ApiJson.CidJson(cid));
  }

  public Signature walletSign(Address key, byte[] data) {
    ApiJson.Signature s = call("WalletSign", new TypeReference<ApiJson.Signature>() {}, key.toString(),
        Base64.getEncoder().encodeToString(data));
    return Signature.of(SigType.fromCode(s.type()), Base64.getDecoder().decode(s.data()));
  }

  public boolean walletHas(Address key) {
    return call("WalletHas", new TypeReference<Boolean>() {}, key.toString());
  }


  /** The next nonce for {@code addr}, counting its messages pending in the node's pool. */
  public long mpoolGetNonce(Address addr) {
    return call("MpoolGetNonce", new TypeReference<Long>() {}, addr.toString());
  }

  /**
   * Fills GasLimit, GasFeeCap and GasPremium of {@code msg} (a Lotus JSON message). {@code maxFee} 0 leaves the
   * node's default cap.
   */
  public com.fasterxml.jackson.databind.JsonNode gasEstimateMessageGas(com.fasterxml.jackson.databind.JsonNode msg,
      java.math.BigInteger maxFee) {
    NodeJson.SendSpec spec = maxFee.signum() == 0 ? null : new NodeJson.SendSpec(maxFee.toString());
    return call("GasEstimateMessageGas", new TypeReference<com.fasterxml.jackson.databind.JsonNode>() {}, msg, spec,
        HEAD);
  }

  /** Pushes an already signed message (Lotus JSON); returns its CID. */
  public String mpoolPush(com.fasterxml.jackson.databind.JsonNode signed) {
    return call("MpoolPush", new TypeReference<ApiJson.CidJson>() {}, signed).cid();
  }

  /** The message's receipt if it is on chain (also finds a replacement with the same nonce), else null. */
  public NodeJson.MsgLookup stateSearchMsg(String cid) {
    return call("StateSearchMsg", new TypeReference<NodeJson.MsgLookup>() {}, HEAD, new ApiJson.CidJson(cid), -1,
        true);
  }

  /** The address's market escrow and locked amounts. */
  public NodeJson.MarketBalance stateMarketBalance(Address addr) {
    return call("StateMarketBalance", new TypeReference<NodeJson.MarketBalance>() {}, addr.toString(), HEAD);
  }

  /** StateDealProviderCollateralBounds: the provider collateral range the market actor accepts for such a deal. */
  public NodeJson.CollateralBounds stateDealProviderCollateralBounds(long paddedPieceSize, boolean verified) {
    return call("StateDealProviderCollateralBounds", new TypeReference<NodeJson.CollateralBounds>() {},
        paddedPieceSize, verified, HEAD);
  }

  /** StateVerifiedClientStatus: the client's DataCap in bytes, or empty when it is not a verified client. */
  public java.util.Optional<java.math.BigInteger> stateVerifiedClientStatus(Address client) {
    String cap = call("StateVerifiedClientStatus", new TypeReference<String>() {}, client.toString(), HEAD);
    return cap == null ? java.util.Optional.empty() : java.util.Optional.of(new java.math.BigInteger(cap));
  }

  /** The on-chain deal, or empty when the market actor has no such deal (never published, expired, removed). */
  public java.util.Optional<NodeJson.MarketDeal> stateMarketStorageDeal(long dealId) {
    try {
      return java.util.Optional.of(call("StateMarketStorageDeal", new TypeReference<NodeJson.MarketDeal>() {}, dealId,
          HEAD));
    } catch (venus.market.core.jsonrpc.RpcRemoteException e) {
      if (e.getMessage() != null && e.getMessage().contains("not found")) {
        return java.util.Optional.empty();
      }
      throw e;
    }
  }

  /** Whether {@code sector} of {@code miner} is pre-committed (and not yet proven). */
  public boolean sectorPreCommitted(Address miner, long sector) {
    try {
      com.fasterxml.jackson.databind.JsonNode info = call("StateSectorPreCommitInfo",
          new TypeReference<com.fasterxml.jackson.databind.JsonNode>() {}, miner.toString(), sector, HEAD);
      return info != null && !info.isNull();
    } catch (venus.market.core.jsonrpc.RpcRemoteException e) {
      // lotus answers an error for a sector that is not pre-committed (newer versions answer null)
      if (e.getMessage() != null && e.getMessage().contains("not")) {
        return false;
      }
      throw e;
    }
  }

  private <T> T call(String method, TypeReference<T> type, Object... params) {
    return retry.run(method, () -> guard(method, () -> rpc.call("Filecoin." + method, type, params)));
  }

  private <T> T guard(String method, java.util.function.Supplier<T> call) {
    try {
      return call.get();
    } catch (RpcPermissionException e) {
      throw new MarketException(where + " refused " + method + ": " + e.getMessage()
          + " — give [Node] Token (--node-token) that permission", e);
    } catch (RpcUnauthorizedException e) {
      throw new MarketException(where + " rejected the token for " + method + ": " + e.getMessage()
          + " — check [Node] Token (--node-token)", e);
    } catch (RpcTransportException e) {
      throw e;
    }
  }
}
