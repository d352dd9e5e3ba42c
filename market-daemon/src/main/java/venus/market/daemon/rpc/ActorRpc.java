package venus.market.daemon.rpc;

import java.util.List;
import venus.market.core.jsonrpc.Permission;
import venus.market.core.jsonrpc.RpcRegistry;
import venus.market.daemon.actor.MinerActors;
import venus.market.daemon.api.ApiJson;
import venus.market.daemon.api.MarketApi;

/** ActorList / ActorExist / ActorSectorSize, and the extensions ActorInfo / ActorSetAddrs / ActorSetPeerID. */
final class ActorRpc {
  private ActorRpc() {}

  static void register(RpcRegistry.Namespace ns, MinerActors actors) {
    ns.method(MarketApi.ACTOR_LIST, Permission.READ, call -> actors.list());
    ns.<String>method1(MarketApi.ACTOR_EXIST, Permission.READ, String.class,
        a -> actors.exists(RpcParams.address("miner", a)));
    ns.<String>method1(MarketApi.ACTOR_SECTOR_SIZE, Permission.READ, String.class,
        a -> actors.sectorSize(RpcParams.address("miner", a)));
    ns.<String>method1(MarketApi.ACTOR_INFO, Permission.READ, String.class,
        a -> actors.info(RpcParams.address("miner", a)));
    ns.method(MarketApi.ACTOR_SET_ADDRS, Permission.ADMIN,
        List.of(String.class, new com.fasterxml.jackson.core.type.TypeReference<List<String>>() {}.getType(), Long.class),
        call -> new ApiJson.CidJson(actors.setAddrs(RpcParams.address("miner", call.param(0)), call.param(1),
            gas(call.param(2)))));
    ns.<String, String, Long>method3(MarketApi.ACTOR_SET_PEER_ID, Permission.ADMIN, String.class, String.class,
        Long.class, (a, peer, gas) -> new ApiJson.CidJson(actors.setPeerId(RpcParams.address("miner", a), peer, gas(gas))));
  }

  private static long gas(Long g) {
    return g == null ? 0 : g;
  }
}
