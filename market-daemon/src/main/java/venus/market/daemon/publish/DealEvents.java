package venus.market.daemon.publish;

import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import venus.market.core.multiformats.Cid;
import venus.market.daemon.deals.DealPipeline;
import venus.market.daemon.deals.DealTransitions;
import venus.market.daemon.deals.IllegalDealTransitionException;
import venus.market.daemon.deals.ProviderDeal;
import venus.market.daemon.deals.ProviderEvent;

/**
 * Applies events from watchers and timers, which may find the deal already moved on (by the sealer API, an operator
 * or another watcher): an event the table does not allow in the deal's current state is skipped, not an error.
 */
final class DealEvents {
  private static final Logger LOG = LoggerFactory.getLogger(DealEvents.class);

  private DealEvents() {}

  /** Applies {@code event} if the deal's current state allows it; returns whether it did. */
  static boolean applyIfAllowed(DealPipeline pipeline, Cid proposalCid, ProviderEvent event, String note,
      UnaryOperator<ProviderDeal> update) {
    ProviderDeal now = pipeline.deals().get(proposalCid).orElse(null);
    if (now == null || DealTransitions.next(now.state(), event).isEmpty()) {
      LOG.debug("deal {}: {} skipped in state {}", proposalCid, event.goName(),
          now == null ? "(gone)" : now.state().goName());
      return false;
    }
    try {
      pipeline.apply(proposalCid, event, note, update);
      return true;
    } catch (IllegalDealTransitionException e) {
      LOG.debug("deal {}: {} lost a race: {}", proposalCid, event.goName(), e.getMessage());
      return false;
    }
  }

  static boolean applyIfAllowed(DealPipeline pipeline, Cid proposalCid, ProviderEvent event, String note) {
    return applyIfAllowed(pipeline, proposalCid, event, note, UnaryOperator.identity());
  }
}
