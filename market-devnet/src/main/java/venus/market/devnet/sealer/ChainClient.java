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

  /**
   * The largest sector number the miner has proven or pre-committed, or 0 when it has none (sector numbers start at
   * 1; looking from 0 upwards missed a pre-committed sector 1 on a miner with no proven sector).
   */
  public long highestSector(Address miner) {
    long max = highestProven(miner);
    while (preCommitted(miner, max + 1)) {
      max++;
    }
    return max;
  }

  /** The lowest sector number the miner has pre-committed but not proven, or -1. */
  long lowestUnproven(Address miner) {
    long n = highestProven(miner) + 1;
    return preCommitted(miner, n) ? n : -1;
  }

  private long highestProven(Address miner) {
    long max = 0;
    for (JsonNode s : call("StateMinerSectors", miner.toString(), null, null)) {
      max = Math.max(max, s.get("SectorNumber").asLong());
    }
    return max;
  }

  boolean preCommitted(Address miner, long sector) {
    return preCommitInfo(miner, sector) != null;
  }

  /** StateSectorPreCommitInfo's {@code Info}, or null when the sector is not pre-committed (or already proven). */
  JsonNode preCommitInfo(Address miner, long sector) {
    try {
      JsonNode info = call("StateSectorPreCommitInfo", miner.toString(), sector, null);
      return info == null || info.isNull() ? null : info.get("Info");
    } catch (RpcRemoteException e) {
      return null; // lotus answers an error ("precommit info is not exists") for a free sector number
    }
  }

  /** Whether a message of {@code from} waits in the node's pool (its pool nonce is ahead of its state nonce). */
  boolean pending(Address from) {
    long state = call("StateGetActor", from.toString(), null).get("Nonce").asLong();
    return call("MpoolGetNonce", from.toString()).asLong() > state;
  }

  /** Pushes a message from {@code from}, signed by the node's wallet; its CID. Never retried: a retry could send twice. */
  String push(Address from, Address to, long method, byte[] params) {
    ObjectNode msg = JsonNodeFactory.instance.objectNode();
    msg.put("Version", 0).put("To", to.toString()).put("From", from.toString()).put("Nonce", 0).put("Value", "0")
        .put("GasLimit", 0).put("GasFeeCap", "0").put("GasPremium", "0").put("Method", method)
        .put("Params", Base64.getEncoder().encodeToString(params));
    return call("MpoolPushMessage", msg, null).get("CID").get("/").asText();
  }

  /** Waits for the receipt of a pushed message (safe to call again after the node restarted). */
  Receipt await(String cid) {
    JsonNode lookup = call("StateWaitMsg", java.util.Map.of("/", cid), 1, -1, true);
    if (lookup == null || lookup.isNull()) {
      throw new DevnetException("message " + cid + " was not found on chain");
    }
    JsonNode r = lookup.get("Receipt");
    return new Receipt(cid, r.get("ExitCode").asInt(), lookup.get("Height").asLong(),
        r.path("Return").isTextual() ? Base64.getDecoder().decode(r.get("Return").asText()) : new byte[0]);
  }

  private JsonNode call(String method, Object... params) {
    return rpc.call("Filecoin." + method, JsonNode.class, params);
  }

  /** A message's outcome. */
  record Receipt(String cid, int exitCode, long height, byte[] ret) {}
}
