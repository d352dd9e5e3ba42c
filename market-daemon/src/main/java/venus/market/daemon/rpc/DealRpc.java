package venus.market.daemon.rpc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import venus.market.core.address.Address;
import venus.market.core.jsonrpc.Permission;
import venus.market.core.jsonrpc.RpcRegistry;
import venus.market.core.market.DealProposal;
import venus.market.core.multiformats.Cid;
import venus.market.daemon.api.ApiJson;
import venus.market.daemon.api.MarketApi;
import venus.market.daemon.deals.DealNotFoundException;
import venus.market.daemon.deals.DealStateMachine;
import venus.market.daemon.deals.DealStore;
import venus.market.daemon.deals.DealTransition;
import venus.market.daemon.deals.ProviderDeal;

/** MarketListIncompleteDeals and MarketGetDeal (read): the provider's deals in MinerDeal JSON. */
public final class DealRpc {
  private static final int PAGE = 500;

  private DealRpc() {}

  public static void register(RpcRegistry.Namespace ns, DealStore store, DealStateMachine deals) {
    // venus-shared v1.2.0: [minerAddr], "" or missing = every miner; all deals despite the name, oldest first.
    ns.<String>method1(MarketApi.MARKET_LIST_INCOMPLETE_DEALS, Permission.READ, String.class, miner -> {
      Address only = miner == null || miner.isEmpty() ? null : RpcParams.address("miner", miner);
      List<ApiJson.MinerDeal> out = new ArrayList<>();
      for (ProviderDeal d : all(store)) {
        if (only == null || d.proposal().proposal().provider().equals(only)) {
          out.add(json(d, null));
        }
      }
      return out;
    });
    ns.<ApiJson.CidJson>method1(MarketApi.MARKET_GET_DEAL, Permission.READ, ApiJson.CidJson.class, c -> {
      Cid cid = RpcParams.proposalCid(c);
      ProviderDeal d = deals.get(cid).orElseThrow(() -> new DealNotFoundException(cid));
      return json(d, deals.history(cid).stream().map(DealRpc::json).toList());
    });
  }

  private static List<ProviderDeal> all(DealStore store) {
    List<ProviderDeal> all = new ArrayList<>();
    String after = null;
    while (true) {
      List<ProviderDeal> page = store.list(after, PAGE);
      all.addAll(page);
      if (page.size() < PAGE) {
        break;
      }
      after = page.get(page.size() - 1).proposalCid().toString();
    }
    all.sort(Comparator.comparing(ProviderDeal::createdAt));
    return all;
  }


  /** market.DealProposal in Lotus JSON. */
  static ApiJson.DealProposal proposalJson(DealProposal p) {
    return new ApiJson.DealProposal(new ApiJson.CidJson(p.pieceCID().toString()), p.pieceSize(),
        p.verifiedDeal(), p.client().toString(), p.provider().toString(), p.label().jsonString(), p.startEpoch(),
        p.endEpoch(), p.storagePricePerEpoch().atto().toString(), p.providerCollateral().atto().toString(),
        p.clientCollateral().atto().toString());
  }

  static ApiJson.MinerDeal json(ProviderDeal d, List<ApiJson.DealTransition> history) {
    ApiJson.DealProposal prop = proposalJson(d.proposal().proposal());
    return new ApiJson.MinerDeal(prop, AskConversions.signature(d.proposal().clientSignature()),
        new ApiJson.CidJson(d.proposalCid().toString()),
        d.publishCid() == null ? null : new ApiJson.CidJson(d.publishCid().toString()), d.state().code(),
        d.piecePath(), d.message(), d.dealId(), d.createdAt().toString(), d.updatedAt().toString(),
        d.transfer().type(), d.transfer().size(), d.transferredBytes(), history);
  }

  private static ApiJson.DealTransition json(DealTransition t) {
    return new ApiJson.DealTransition(t.time().toString(), t.from().goName(), t.to().goName(), t.event().goName(),
        t.note());
  }
}
