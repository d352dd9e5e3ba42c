package venus.market.daemon.rpc;

import venus.market.core.jsonrpc.Permission;
import venus.market.core.jsonrpc.RpcRegistry;
import venus.market.daemon.api.ApiJson;
import venus.market.daemon.api.MarketApi;
import venus.market.daemon.net.P2pNode;

/** NetAddrsListen, ID and the NetPeers extension (read). */
final class NetRpc {
  private NetRpc() {}

  static void register(RpcRegistry.Namespace ns, P2pNode p2p) {
    ns.method(MarketApi.NET_ADDRS_LISTEN, Permission.READ, call -> new ApiJson.AddrInfo(p2p.peerId(), p2p.listenAddrs()));
    ns.method(MarketApi.ID, Permission.READ, call -> p2p.peerId());
    ns.method(MarketApi.NET_PEERS, Permission.READ, call -> p2p.peers());
  }
}
