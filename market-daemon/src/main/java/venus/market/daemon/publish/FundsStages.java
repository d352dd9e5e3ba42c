package venus.market.daemon.publish;

import java.util.function.Supplier;
import venus.market.core.address.Address;
import venus.market.core.amount.TokenAmount;
import venus.market.core.storagemarket.StorageDealStatus;
import venus.market.daemon.config.MarketConfig;
import venus.market.daemon.deals.DealPipeline;
import venus.market.daemon.deals.ProviderDeal;
import venus.market.daemon.deals.ProviderEvent;
import venus.market.daemon.funds.FundManager;
import venus.market.daemon.node.MessageWatcher;
import venus.market.daemon.node.NodeClient;

/**
 * ReserveProviderFunds, ProviderFunding and Failing: reserve the deal's provider collateral (topping up escrow from
 * the miner's worker when short), wait for the top-up, and release the reservation when a deal fails.
 */
final class FundsStages {
  private final Supplier<MarketConfig> config;
  private final DealPipeline pipeline;
  private final NodeClient node;
  private final FundManager funds;
  private final MessageWatcher watcher;

  FundsStages(Supplier<MarketConfig> config, DealPipeline pipeline, NodeClient node, FundManager funds,
      MessageWatcher watcher) {
    this.config = config;
    this.pipeline = pipeline;
    this.node = node;
    this.funds = funds;
    this.watcher = watcher;
  }

  void register() {
    pipeline.on(StorageDealStatus.RESERVE_PROVIDER_FUNDS, this::reserve);
    pipeline.on(StorageDealStatus.PROVIDER_FUNDING, this::awaitFunding);
    pipeline.on(StorageDealStatus.FAILING, this::releaseAndFail);
  }

  /** Idempotent: the reservation is keyed by the deal, and FUNDS_RESERVED is only recorded once. */
  private void reserve(ProviderDeal deal) {
    Address provider = deal.proposal().proposal().provider();
    TokenAmount collateral = deal.proposal().proposal().providerCollateral();
    Address worker = Address.parse(node.stateMinerInfo(provider).worker());
    FundManager.Reservation r = funds.reserveForDeal(worker, provider, deal.proposalCid(), collateral,
        config.get().policyFor(provider.toString()).maxMarketBalanceAddFee());
    if (!deal.fundsReserved().equals(collateral)) {
      pipeline.apply(deal.proposalCid(), ProviderEvent.FUNDS_RESERVED, "reserved " + collateral.toShortString()
          + " provider collateral", d -> d.toBuilder().fundsReserved(collateral).build());
    }
    if (r.addBalanceCid().isPresent()) {
      pipeline.apply(deal.proposalCid(), ProviderEvent.FUNDING_INITIATED,
          "AddBalance " + r.addBalanceCid().get() + " from " + worker,
          d -> d.toBuilder().addFundsCid(r.addBalanceCid().get()).build());
    } else {
      pipeline.apply(deal.proposalCid(), ProviderEvent.FUNDED, "provider escrow covers the collateral");
    }
  }

  private void awaitFunding(ProviderDeal deal) {
    if (deal.addFundsCid() == null) {
      throw new IllegalStateException("deal is in ProviderFunding without an AddBalance message CID");
    }
    Address provider = deal.proposal().proposal().provider();
    watcher.watch(deal.addFundsCid(), deal.proposalCid(), lookup -> {
      funds.landed(provider, deal.addFundsCid());
      if (lookup.receipt().exitCode() == 0) {
        DealEvents.applyIfAllowed(pipeline, deal.proposalCid(), ProviderEvent.FUNDED,
            "AddBalance " + deal.addFundsCid() + " landed at height " + lookup.height());
      } else {
        DealEvents.applyIfAllowed(pipeline, deal.proposalCid(), ProviderEvent.NODE_ERRORED,
            "AddFunds exit code: " + lookup.receipt().exitCode());
      }
    });
  }

  /** Failing: give the collateral reservation back, then end in Error. */
  private void releaseAndFail(ProviderDeal deal) {
    Address provider = deal.proposal().proposal().provider();
    TokenAmount released = funds.releaseForDeal(provider, deal.proposalCid());
    if (!deal.fundsReserved().isZero() || released.isPositive()) {
      pipeline.apply(deal.proposalCid(), ProviderEvent.FUNDS_RELEASED, "released " + released.toShortString(),
          d -> d.toBuilder().fundsReserved(TokenAmount.ZERO).build());
    }
    pipeline.apply(deal.proposalCid(), ProviderEvent.FAILED, deal.message());
  }
}
