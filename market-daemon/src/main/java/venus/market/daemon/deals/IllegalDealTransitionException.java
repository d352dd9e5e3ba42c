package venus.market.daemon.deals;

import venus.market.core.MarketException;
import venus.market.core.multiformats.Cid;
import venus.market.core.storagemarket.StorageDealStatus;

/** An event that the transition table does not allow in the deal's current state; nothing was written. */
public final class IllegalDealTransitionException extends MarketException {
  private final transient Cid proposalCid;
  private final StorageDealStatus current;
  private final ProviderEvent event;

  public IllegalDealTransitionException(Cid proposalCid, StorageDealStatus current, ProviderEvent event) {
    super("deal " + proposalCid + ": event " + event.goName() + " is not allowed in state " + current.goName()
        + " (allowed in " + DealTransitions.allowedFrom(event).stream().map(StorageDealStatus::goName).sorted()
            .toList() + ")");
    this.proposalCid = proposalCid;
    this.current = current;
    this.event = event;
  }

  public Cid proposalCid() {
    return proposalCid;
  }

  public StorageDealStatus current() {
    return current;
  }

  public ProviderEvent event() {
    return event;
  }
}
