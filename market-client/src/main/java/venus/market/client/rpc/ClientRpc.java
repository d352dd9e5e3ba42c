package venus.market.client.rpc;

import java.util.List;
import venus.market.client.deals.AskQuery;
import venus.market.client.deals.DealData;
import venus.market.client.deals.DealService;
import venus.market.client.deals.DealTracker;
import venus.market.client.deals.MinerFinder;
import venus.market.client.deals.PieceInfo;
import venus.market.client.deals.StartDealRequest;
import venus.market.client.funds.FundsService;
import venus.market.client.net.ProviderPeer;
import venus.market.client.node.ChainNode;
import venus.market.core.address.Address;
import venus.market.core.amount.TokenAmount;
import venus.market.core.jsonrpc.Permission;
import venus.market.core.jsonrpc.RpcRegistry;
import venus.market.core.multiformats.Cid;

/**
 * Registers the client API: reads (asks, piece info, deals, balances) need read; proposing deals and moving funds
 * spend the client's money and need sign.
 */
public final class ClientRpc {
  private ClientRpc() {
  }

  public record Services(ChainNode node, MinerFinder finder, AskQuery asks, DealData data, DealService deals, DealTracker tracker,
      FundsService funds, String version) {}

  public static RpcRegistry registry(Services s) {
    RpcRegistry registry = new RpcRegistry();
    RpcRegistry.Namespace ns = registry.namespace(ClientApi.NAMESPACE);
    ns.method(ClientApi.VERSION, Permission.READ, c -> s.version());
    ns.method(ClientApi.DEFAULT_ADDRESS, Permission.READ, c -> s.deals().wallet(null));
    ns.<Address>method1(ClientApi.QUERY_ASK, Permission.READ, Address.class, miner -> {
      ProviderPeer peer = ProviderPeer.resolve(s.node(), miner);
      return ApiTypes.Ask.of(s.asks().query(peer), peer.peerId().toString());
    });
    ns.method(ClientApi.FIND_ASKS, Permission.READ, c -> ApiTypes.FoundAsks.of(s.finder().find()));
    // the DataCap of a client address in bytes, or null when it is not a verified client
    ns.<Address>method1(ClientApi.VERIFIED_STATUS, Permission.READ, Address.class,
        a -> s.node().verifiedClientDataCap(s.deals().wallet(a)).map(Object::toString).orElse(null));
    ns.<Address>method1(ClientApi.MINER_POWER, Permission.READ, Address.class,
        m -> s.node().stateMinerPower(m).qualityAdjPower().toString());
    ns.<Cid>method1(ClientApi.DEAL_PIECE_CID, Permission.READ, Cid.class, root -> {
      PieceInfo p = s.data().prepare(root);
      return new ApiTypes.DataCidSize(p.payloadSize(), p.paddedSize(), p.pieceCid());
    });
    ns.<StartDealRequest>method1(ClientApi.START_DEAL, Permission.SIGN, StartDealRequest.class,
        r -> s.deals().start(r).proposalCid());
    ns.method(ClientApi.LIST_DEALS, Permission.READ,
        c -> s.deals().list().stream().map(ApiTypes.DealInfo::of).toList());
    ns.<Cid>method1(ClientApi.GET_DEAL, Permission.READ, Cid.class,
        cid -> ApiTypes.DealInfo.of(s.deals().get(cid)));
    ns.method(ClientApi.REFRESH_DEALS, Permission.WRITE, c -> {
      s.tracker().refreshAll();
      return null;
    });
    ns.<Address>method1(ClientApi.WALLET_BALANCE, Permission.READ, Address.class, a -> s.funds().walletBalance(a));
    ns.<Address>method1(ClientApi.MARKET_BALANCE, Permission.READ, Address.class,
        a -> ApiTypes.Balance.of(a, s.funds().balance(a)));
    ns.method(ClientApi.ADD_BALANCE, Permission.SIGN, List.of(Address.class, Address.class, TokenAmount.class),
        c -> s.funds().add(s.deals().wallet(c.param(0)), c.param(1), c.param(2)));
    ns.method(ClientApi.WITHDRAW, Permission.SIGN, List.of(Address.class, Address.class, TokenAmount.class),
        c -> s.funds().withdraw(s.deals().wallet(c.param(0)), c.param(1), c.param(2)));
    return registry;
  }
}
