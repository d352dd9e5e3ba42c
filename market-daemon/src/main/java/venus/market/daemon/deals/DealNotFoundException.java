package venus.market.daemon.deals;

import venus.market.core.MarketException;
import venus.market.core.multiformats.Cid;

/** No deal is stored under this proposal CID. */
public final class DealNotFoundException extends MarketException {
  public DealNotFoundException(Cid proposalCid) {
    super("no provider deal with proposal CID " + proposalCid);
  }
}
