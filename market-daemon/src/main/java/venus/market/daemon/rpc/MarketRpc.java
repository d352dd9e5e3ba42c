package venus.market.daemon.rpc;

import venus.market.core.jsonrpc.JwtTokens;
import venus.market.core.jsonrpc.RpcRegistry;
import venus.market.daemon.actor.MinerActors;
import venus.market.daemon.api.MarketApi;
import venus.market.daemon.ask.AskService;
import venus.market.daemon.net.P2pNode;
import venus.market.daemon.node.MessageSender;
import venus.market.daemon.node.NodeClient;
import venus.market.daemon.repo.LiveConfig;

/**
 * The {@code VENUS_MARKET} registry: one small class per API group. The deal subsystem registers its
 * own methods (MarketListIncompleteDeals, DealsImportData, ...) on the same registry.
 */
public final class MarketRpc {
  private MarketRpc() {}

  /** The services the core API groups need. */
  public record Services(LiveConfig config, MinerActors actors, AskService asks, P2pNode p2p, MessageSender sender,
      NodeClient node, JwtTokens tokens) {}

  public static RpcRegistry registry(Services s) {
    RpcRegistry registry = new RpcRegistry();
    RpcRegistry.Namespace ns = registry.namespace(MarketApi.NAMESPACE);
    ActorRpc.register(ns, s.actors());
    AskRpc.register(ns, s.asks());
    PolicyRpc.register(ns, s.config());
    MessagerRpc.register(ns, s.sender(), s.node());
    NetRpc.register(ns, s.p2p());
    AuthRpc.register(ns, s.tokens());
    return registry;
  }
}
