package venus.market.daemon.rpc;

import java.util.List;
import venus.market.core.jsonrpc.Permission;
import venus.market.core.jsonrpc.RpcRegistry;
import venus.market.daemon.api.MarketApi;
import venus.market.daemon.ask.AskService;

/** MarketSetAsk (admin), MarketGetAsk and MarketListAsk (read). */
final class AskRpc {
  private AskRpc() {}

  static void register(RpcRegistry.Namespace ns, AskService asks) {
    ns.method(MarketApi.MARKET_SET_ASK, Permission.ADMIN,
        List.of(String.class, String.class, String.class, Long.class, Long.class, Long.class), call -> {
          asks.setAsk(RpcParams.address("miner", call.param(0)), RpcParams.bigInt("price", call.param(1)),
              RpcParams.bigInt("verifiedPrice", call.param(2)), call.<Long>param(3), call.<Long>param(4),
              call.<Long>param(5));
          return null;
        });
    ns.<String>method1(MarketApi.MARKET_GET_ASK, Permission.READ, String.class,
        a -> asks.get(RpcParams.address("miner", a)).map(s -> AskConversions.json(s.signed())).orElse(null));
    ns.method(MarketApi.MARKET_LIST_ASK, Permission.READ,
        call -> asks.list().stream().map(AskConversions::json).toList());
  }
}
