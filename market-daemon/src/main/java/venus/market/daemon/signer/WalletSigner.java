package venus.market.daemon.signer;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import java.time.Duration;
import java.util.Base64;
import venus.market.core.MarketException;
import venus.market.core.address.Address;
import venus.market.core.crypto.SigType;
import venus.market.core.crypto.Signature;
import venus.market.core.jsonrpc.ApiInfo;
import venus.market.core.jsonrpc.RpcCaller;
import venus.market.core.jsonrpc.RpcClient;
import venus.market.core.jsonrpc.RpcException;
import venus.market.daemon.api.ApiJson;
import venus.market.daemon.config.SignerConfig;
import venus.market.daemon.node.NodeClient;
import venus.market.daemon.node.Retry;

/**
 * venus-wallet (or any lotus-compatible wallet API) at {@code [Signer] Url}: {@code Filecoin.WalletSign
 * [addr, data, {Type, Extra}]} on /rpc/v0.
 */
public final class WalletSigner implements Signer {
  private final RpcCaller rpc;
  private final Retry retry;
  private final String url;

  public WalletSigner(RpcCaller rpc, Retry retry, String url) {
    this.rpc = rpc;
    this.retry = retry;
    this.url = url;
  }

  public static WalletSigner connect(SignerConfig cfg, Duration timeout, Retry retry) {
    return new WalletSigner(RpcClient.of(new ApiInfo(cfg.token(), cfg.url()), "v0", NodeClient.mapper(), timeout),
        retry, cfg.url());
  }

  /** venus-wallet's MsgMeta JSON. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record MsgMeta(@JsonProperty("Type") String type, @JsonProperty("Extra") String extra) {}

  @Override
  public Signature sign(Address key, byte[] data, SignMeta meta) {
    MsgMeta m = new MsgMeta(meta.type(), meta.extra() == null ? null : Base64.getEncoder().encodeToString(meta.extra()));
    ApiJson.Signature s = call("WalletSign", new TypeReference<ApiJson.Signature>() {}, key.toString(),
        Base64.getEncoder().encodeToString(data), m);
    return Signature.of(SigType.fromCode(s.type()), Base64.getDecoder().decode(s.data()));
  }

  @Override
  public boolean has(Address key) {
    return call("WalletHas", new TypeReference<Boolean>() {}, key.toString());
  }

  private <T> T call(String method, TypeReference<T> type, Object... params) {
    return retry.run("wallet " + method, () -> {
      try {
        return rpc.call("Filecoin." + method, type, params);
      } catch (venus.market.core.jsonrpc.RpcTransportException e) {
        throw e;
      } catch (RpcException e) {
        throw new MarketException("the wallet at " + url + " refused " + method + ": " + e.getMessage()
            + " — check [Signer] Token (--wallet-token)", e);
      }
    });
  }
}
