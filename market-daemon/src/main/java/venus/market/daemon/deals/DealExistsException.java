package venus.market.daemon.deals;

import venus.market.core.MarketException;
import venus.market.core.multiformats.Cid;
import venus.market.core.storagemarket.StorageDealStatus;

/** A proposal that is already stored was received again (client retry or replay); the stored deal is kept. */
public final class DealExistsException extends MarketException {
  public DealExistsException(Cid proposalCid, StorageDealStatus state) {
    super("deal " + proposalCid + " already exists (state " + state.goName() + ")");
  }
}
