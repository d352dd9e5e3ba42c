package venus.market.client.wallet;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Base64;
import venus.market.core.MarketException;
import venus.market.core.address.Address;
import venus.market.core.crypto.Signature;
import venus.market.core.json.LotusJson;
import venus.market.core.jsonrpc.ApiInfo;
import venus.market.core.jsonrpc.RpcCaller;
import venus.market.core.jsonrpc.RpcClient;
import venus.market.core.jsonrpc.RpcException;

/**
 * A separate wallet API ({@code --wallet-url}/{@code --wallet-token}: venus-wallet or lotus-wallet):
 * {@code Filecoin.WalletSign [addr, data, {Type, Extra}]} on /rpc/v0, the 3-argument form those wallets take.
 */
public final class RemoteWalletSigner implements ClientSigner {
  private static final TypeReference<JsonNode> JSON = new TypeReference<>() {};

  private final RpcCaller rpc;
  private final String url;

  public RemoteWalletSigner(RpcCaller rpc, String url) {
    this.rpc = rpc;
    this.url = url;
  }

  public static RemoteWalletSigner connect(String url, String token, Duration timeout) {
    return new RemoteWalletSigner(RpcClient.of(new ApiInfo(token, url), "v0", LotusJson.mapper(), timeout), url);
  }

  @Override
  public Signature sign(Address key, byte[] data, String meta, byte[] extra) {
    ObjectNode m = LotusJson.mapper().createObjectNode().put("Type", meta);
    if (extra != null) {
      m.put("Extra", Base64.getEncoder().encodeToString(extra));
    }
    return Signature.fromJson(call("WalletSign", key.toString(), Base64.getEncoder().encodeToString(data), m));
  }

  @Override
  public boolean has(Address key) {
    return call("WalletHas", key.toString()).asBoolean();
  }

  @Override
  public boolean isNodeWallet() {
    return false;
  }

  @Override
  public String describe() {
    return "the wallet at " + url;
  }

  private JsonNode call(String method, Object... params) {
    try {
      return rpc.call("Filecoin." + method, JSON, params);
    } catch (RpcException e) {
      throw new MarketException("the wallet at " + url + " failed " + method + ": " + e.getMessage()
          + " — check --wallet-url/--wallet-token ([Signer] Url/Token)", e);
    }
  }
}
