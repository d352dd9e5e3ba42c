package venus.market.client.node;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import venus.market.core.MarketException;
import venus.market.core.address.Address;
import venus.market.core.amount.TokenAmount;
import venus.market.core.chain.SignedMessage;
import venus.market.core.chain.UnsignedMessage;
import venus.market.core.crypto.Signature;
import venus.market.core.json.LotusJson;
import venus.market.core.jsonrpc.ApiInfo;
import venus.market.core.jsonrpc.RpcCaller;
import venus.market.core.jsonrpc.RpcClient;
import venus.market.core.jsonrpc.RpcPermissionException;
import venus.market.core.jsonrpc.RpcRemoteException;
import venus.market.core.jsonrpc.RpcUnauthorizedException;
import venus.market.core.market.MarketBalance;
import venus.market.core.multiformats.Cid;

/**
 * The lotus/venus full-node methods the client uses ({@code Filecoin.*} on /rpc/v1): chain head, miner info, market
 * balances and deals, the node wallet (sign, balance) and the message pool. State is read at the head (empty tipset
 * key). Permission and token failures name the flag to fix.
 */
public final class ChainNode {
  private static final List<Object> HEAD = List.of();
  private static final TypeReference<JsonNode> JSON = new TypeReference<>() {};

  private final RpcCaller rpc;
  private final String where;

  public ChainNode(RpcCaller rpc, String where) {
    this.rpc = rpc;
    this.where = where;
  }

  public static ChainNode connect(String url, String token, Duration timeout) {
    ApiInfo info = new ApiInfo(token, url);
    return new ChainNode(RpcClient.of(info, "v1", mapper(), timeout), "the node at " + url);
  }

  public static ObjectMapper mapper() {
    return LotusJson.mapper();
  }

  public long chainHeadHeight() {
    return call("ChainHead").path("Height").asLong();
  }

  public String version() {
    return call("Version").path("Version").asText();
  }

  /** PeerId (base58) and Multiaddrs (base64 of binary multiaddrs) as set with actor set-peer-id / set-addrs. */
  public record MinerPeer(String peerId, List<byte[]> multiaddrs, Address worker, long sectorSize) {}

  /** All miner actors (ID addresses). */
  public List<Address> stateListMiners() {
    List<Address> out = new ArrayList<>();
    for (JsonNode a : call("StateListMiners", HEAD)) {
      out.add(Address.parse(a.asText()));
    }
    return out;
  }

  /** StateMinerPower: the miner's quality-adjusted power and whether it has the consensus minimum. */
  public record MinerPower(BigInteger qualityAdjPower, boolean hasMinPower) {}

  public MinerPower stateMinerPower(Address miner) {
    JsonNode n = call("StateMinerPower", miner.toString(), HEAD);
    return new MinerPower(new BigInteger(n.path("MinerPower").path("QualityAdjPower").asText("0")),
        n.path("HasMinPower").asBoolean(false));
  }

  public MinerPeer stateMinerInfo(Address miner) {
    JsonNode n = call("StateMinerInfo", miner.toString(), HEAD);
    List<byte[]> addrs = new ArrayList<>();
    for (JsonNode a : n.path("Multiaddrs")) {
      addrs.add(Base64.getDecoder().decode(a.asText()));
    }
    String peer = n.path("PeerId").isNull() ? "" : n.path("PeerId").asText("");
    return new MinerPeer(peer, addrs, Address.parse(n.path("Worker").asText()), n.path("SectorSize").asLong());
  }

  public Signature walletSign(Address signer, byte[] data) {
    JsonNode n = call("WalletSign", signer.toString(), Base64.getEncoder().encodeToString(data));
    return Signature.fromJson(n);
  }

  public boolean walletHas(Address addr) {
    return call("WalletHas", addr.toString()).asBoolean();
  }

  public TokenAmount walletBalance(Address addr) {
    return TokenAmount.parseAtto(call("WalletBalance", addr.toString()).asText());
  }

  public MarketBalance stateMarketBalance(Address addr) {
    JsonNode n = call("StateMarketBalance", addr.toString(), HEAD);
    return new MarketBalance(TokenAmount.parseAtto(n.path("Escrow").asText("0")),
        TokenAmount.parseAtto(n.path("Locked").asText("0")));
  }

  public Address stateLookupId(Address addr) {
    return Address.parse(call("StateLookupID", addr.toString(), HEAD).asText());
  }

  public Address stateAccountKey(Address addr) {
    return Address.parse(call("StateAccountKey", addr.toString(), HEAD).asText());
  }

  public TokenAmount providerCollateralMin(long paddedSize, boolean verified) {
    return TokenAmount.parseAtto(call("StateDealProviderCollateralBounds", paddedSize, verified, HEAD)
        .path("Min").asText("0"));
  }

  /** The client's DataCap, or empty when it is not a verified client. */
  public Optional<BigInteger> verifiedClientDataCap(Address addr) {
    JsonNode n = call("StateVerifiedClientStatus", addr.toString(), HEAD);
    return n == null || n.isNull() ? Optional.empty() : Optional.of(new BigInteger(n.asText()));
  }

  /** On-chain deal: SectorStartEpoch and SlashEpoch (-1 when not yet), or empty if the chain has no such deal. */
  public record MarketDeal(Cid pieceCid, Address client, Address provider, long sectorStartEpoch, long slashEpoch) {}

  public Optional<MarketDeal> stateMarketStorageDeal(long dealId) {
    JsonNode n;
    try {
      n = call("StateMarketStorageDeal", dealId, HEAD);
    } catch (RpcRemoteException e) {
      return Optional.empty();
    }
    JsonNode p = n.path("Proposal");
    JsonNode s = n.path("State");
    return Optional.of(new MarketDeal(Cid.parse(p.path("PieceCID").path("/").asText()),
        Address.parse(p.path("Client").asText()), Address.parse(p.path("Provider").asText()),
        s.path("SectorStartEpoch").asLong(-1), s.path("SlashEpoch").asLong(-1)));
  }

  /** Pushes a message; the node picks nonce and gas and signs with {@code from}. Returns the signed message CID. */
  public Cid mpoolPushMessage(Address from, Address to, TokenAmount value, long method, byte[] params) {
    ObjectNode msg = mapper().createObjectNode();
    msg.put("Version", 0).put("To", to.toString()).put("From", from.toString()).put("Nonce", 0)
        .put("Value", value.atto().toString()).put("GasLimit", 0).put("GasFeeCap", "0").put("GasPremium", "0")
        .put("Method", method);
    if (params == null || params.length == 0) {
      msg.putNull("Params");
    } else {
      msg.put("Params", Base64.getEncoder().encodeToString(params));
    }
    JsonNode signed = call("MpoolPushMessage", msg, null);
    return Cid.parse(signed.path("CID").path("/").asText());
  }

  /** The next nonce of {@code addr}, counting its messages pending in the node's pool. */
  public long mpoolGetNonce(Address addr) {
    return call("MpoolGetNonce", addr.toString()).asLong();
  }

  /** The message with GasLimit, GasFeeCap and GasPremium filled in by the node. */
  public UnsignedMessage gasEstimateMessageGas(UnsignedMessage m) {
    JsonNode n = call("GasEstimateMessageGas", mapper().valueToTree(m), null, HEAD);
    try {
      return mapper().treeToValue(n, UnsignedMessage.class);
    } catch (java.io.IOException e) {
      throw new MarketException(where + " answered GasEstimateMessageGas with something that is not a message: "
          + e.getMessage(), e);
    }
  }

  /** Pushes a message signed here (local or separate wallet); returns its CID. */
  public Cid mpoolPush(SignedMessage m) {
    return Cid.parse(call("MpoolPush", mapper().valueToTree(m)).path("/").asText());
  }

  /** Executed message: exit code and return bytes, or empty while it is not on chain. */
  public record MsgResult(long exitCode, byte[] returnValue, long height) {}

  public Optional<MsgResult> stateSearchMsg(Cid msg) {
    JsonNode n = call("StateSearchMsg", HEAD, cidJson(msg), -1, true);
    if (n == null || n.isNull()) {
      return Optional.empty();
    }
    JsonNode r = n.path("Receipt");
    String ret = r.path("Return").isNull() ? "" : r.path("Return").asText("");
    return Optional.of(new MsgResult(r.path("ExitCode").asLong(), Base64.getDecoder().decode(ret),
        n.path("Height").asLong()));
  }

  /** The params bytes of a message on chain. */
  public byte[] chainGetMessageParams(Cid msg) {
    JsonNode n = call("ChainGetMessage", cidJson(msg));
    return n.path("Params").isNull() ? new byte[0] : Base64.getDecoder().decode(n.path("Params").asText(""));
  }

  private static ObjectNode cidJson(Cid c) {
    return mapper().createObjectNode().put("/", c.toString());
  }

  private JsonNode call(String method, Object... params) {
    try {
      return rpc.call("Filecoin." + method, JSON, params);
    } catch (RpcPermissionException e) {
      throw new MarketException(where + " refused " + method + ": " + e.getMessage()
          + " — give the client daemon a node token (--auth-token) with that permission", e);
    } catch (RpcUnauthorizedException e) {
      throw new MarketException(where + " rejected the token for " + method + ": " + e.getMessage()
          + " — check --auth-token ([Node] Token)", e);
    }
  }
}
