package venus.market.devnet.sealer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Base64;
import venus.market.core.address.Address;
import venus.market.core.jsonrpc.ApiInfo;
import venus.market.core.jsonrpc.RpcCaller;
import venus.market.core.jsonrpc.RpcClient;
import venus.market.core.jsonrpc.RpcRemoteException;
import venus.market.devnet.DevnetException;

/** The devnet node over its Lotus JSON-RPC API: the few calls a sealer makes. */
public final class ChainClient {
  private final RpcCaller rpc;

  ChainClient(RpcCaller rpc) {
    this.rpc = rpc;
  }

  /** @param apiInfo FULLNODE_API_INFO style "token:/ip4/127.0.0.1/tcp/3453/http" */
  public static ChainClient connect(String apiInfo, Duration timeout) {
    return new ChainClient(RpcClient.of(ApiInfo.parse(apiInfo), "v1", new ObjectMapper(), timeout));
  }

  long head() {
    return call("ChainHead").get("Height").asLong();
  }

  JsonNode minerInfo(Address miner) {
    return call("StateMinerInfo", miner.toString(), null);
  }

  /** The largest sector number the miner has proven or pre-committed, or -1. */
  public long highestSector(Address miner) {
    long max = -1;
    for (JsonNode s : call("StateMinerSectors", miner.toString(), null, null)) {
      max = Math.max(max, s.get("SectorNumber").asLong());
    }
    while (preCommitted(miner, max + 1)) {
      max++;
    }
    return max;
  }

  boolean preCommitted(Address miner, long sector) {
    try {
      JsonNode info = call("StateSectorPreCommitInfo", miner.toString(), sector, null);
      return info != null && !info.isNull();
    } catch (RpcRemoteException e) {
      return false; // lotus answers an error ("precommit info is not exists") for a free sector number
    }
  }

  /** Sends a message from {@code from} (signed by the node's wallet) and waits for its receipt. */
  Receipt send(Address from, Address to, long method, byte[] params) {
    ObjectNode msg = JsonNodeFactory.instance.objectNode();
    msg.put("Version", 0).put("To", to.toString()).put("From", from.toString()).put("Nonce", 0).put("Value", "0")
        .put("GasLimit", 0).put("GasFeeCap", "0").put("GasPremium", "0").put("Method", method)
        .put("Params", Base64.getEncoder().encodeToString(params));
    JsonNode signed = call("MpoolPushMessage", msg, null);
    JsonNode cid = signed.get("CID");
    JsonNode lookup = call("StateWaitMsg", cid, 1, -1, true);
    if (lookup == null || lookup.isNull()) {
      throw new DevnetException("message " + cid + " was not found on chain");
    }
    JsonNode r = lookup.get("Receipt");
    return new Receipt(cid.get("/").asText(), r.get("ExitCode").asInt(), lookup.get("Height").asLong(),
        r.path("Return").isTextual() ? Base64.getDecoder().decode(r.get("Return").asText()) : new byte[0]);
  }

  private JsonNode call(String method, Object... params) {
    return rpc.call("Filecoin." + method, JsonNode.class, params);
  }

  /** A message's outcome. */
  record Receipt(String cid, int exitCode, long height, byte[] ret) {}
}
