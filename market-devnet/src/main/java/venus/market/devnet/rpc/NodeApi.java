package venus.market.devnet.rpc;

import venus.market.core.jsonrpc.JwtTokens;
import venus.market.core.jsonrpc.RpcRegistry;

/** The Lotus-compatible full-node API of the devnet (namespace "Filecoin", /rpc/v0 and /rpc/v1). */
public final class NodeApi {
  private final NodeServices node;
  private final JwtTokens tokens;

  public NodeApi(NodeServices node, JwtTokens tokens) {
    this.node = node;
    this.tokens = tokens;
  }

  public void register(RpcRegistry.Namespace ns) {
    new ChainStateApi(node).register(ns);
    new WalletMarketApi(node, tokens).register(ns);
  }
}
