package venus.market.daemon.publish;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import venus.market.core.market.DealProposal;
import venus.market.core.storagemarket.StorageDealStatus;
import venus.market.daemon.deals.DealPipeline;
import venus.market.daemon.deals.DealStore;
import venus.market.daemon.deals.IllegalDealTransitionException;
import venus.market.daemon.deals.ProviderDeal;
import venus.market.daemon.deals.ProviderEvent;
import venus.market.daemon.node.NodeClient;
import venus.market.daemon.node.NodeJson;
import venus.market.daemon.sealer.PieceStatus;

/**
 * Follows handed-off deals on chain (droplet's 2022 tracker, polling the head): AwaitingPreCommit → Sealing when the
 * deal's sector is pre-committed, → Active once the market actor reports a SectorStartEpoch, Active → Slashed or
 * Expired; a deal the actor removed before activation (start epoch passed) fails. The sealer API may move the same
 * deals: events the deal's current state does not allow are skipped.
 */
public final class ChainDealTracker implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ChainDealTracker.class);

  private final DealPipeline pipeline;
  private final DealStore deals;
  private final NodeClient node;
  private final ScheduledExecutorService timer;
  private long lastHead = -1;

  ChainDealTracker(DealPipeline pipeline, DealStore deals, NodeClient node, Duration interval) {
    this.pipeline = pipeline;
    this.deals = deals;
    this.node = node;
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "chain-deal-tracker");
      t.setDaemon(true);
      return t;
    });
    timer.scheduleWithFixedDelay(this::tick, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void tick() {
    try {
      long head = node.chainHead().height();
      if (head != lastHead) {
        check(head);
        lastHead = head;
      }
    } catch (RuntimeException e) {
      LOG.warn("chain deal tracker: {}; retrying at the next tick", e.toString());
    }
  }

  /** One pass over the tracked deals at chain height {@code head}. */
  public synchronized void check(long head) {
    for (StorageDealStatus s : new StorageDealStatus[] {StorageDealStatus.AWAITING_PRE_COMMIT,
        StorageDealStatus.SEALING, StorageDealStatus.ACTIVE}) {
      for (ProviderDeal d : deals.listByState(s)) {
        if (d.dealId() > 0 || d.publishCid() != null) {
          try {
            check(d, head);
          } catch (RuntimeException e) {
            LOG.warn("deal {}: chain check failed: {}", d.proposalCid(), e.toString());
          }
        }
      }
    }
  }

  private void check(ProviderDeal d, long head) {
    DealProposal p = d.proposal().proposal();
    Optional<NodeJson.MarketDeal> onChain = node.stateMarketStorageDeal(d.dealId());
    if (onChain.isEmpty()) {
      gone(d, p, head);
      return;
    }
    NodeJson.MarketDealState st = onChain.get().state();
    switch (d.state()) {
      case AWAITING_PRE_COMMIT, SEALING -> {
        if (st.sectorStartEpoch() > 0) {
          apply(d, ProviderEvent.DEAL_ACTIVATED, "deal " + d.dealId() + " active in sector " + st.sectorNumber()
              + " since epoch " + st.sectorStartEpoch(), st.sectorNumber());
        } else if (d.state() == StorageDealStatus.AWAITING_PRE_COMMIT) {
          long sector = d.sectorNumber() > 0 ? d.sectorNumber() : st.sectorNumber();
          if (sector > 0 && node.sectorPreCommitted(p.provider(), sector)) {
            apply(d, ProviderEvent.DEAL_PRECOMMITTED, "sector " + sector + " pre-committed", sector);
          }
        }
      }
      case ACTIVE -> {
        if (st.slashEpoch() > -1) {
          apply(d, ProviderEvent.DEAL_SLASHED, "slashed at epoch " + st.slashEpoch(), d.sectorNumber());
        } else if (head >= p.endEpoch()) {
          apply(d, ProviderEvent.DEAL_EXPIRED, "end epoch " + p.endEpoch() + " reached", d.sectorNumber());
        }
      }
      default -> { }
    }
  }

  /** The market actor no longer has the deal: it ended, was terminated, or was never activated. */
  private void gone(ProviderDeal d, DealProposal p, long head) {
    switch (d.state()) {
      case ACTIVE -> {
        if (head >= p.endEpoch()) {
          apply(d, ProviderEvent.DEAL_EXPIRED, "end epoch " + p.endEpoch() + " reached", d.sectorNumber());
        } else {
          apply(d, ProviderEvent.DEAL_SLASHED, "deal " + d.dealId() + " removed from the market actor before its"
              + " end epoch " + p.endEpoch(), d.sectorNumber());
        }
      }
      case AWAITING_PRE_COMMIT -> apply(d, ProviderEvent.DEAL_PRECOMMIT_FAILED, "deal " + d.dealId()
          + " was not activated by its start epoch " + p.startEpoch() + " and the market actor removed it",
          d.sectorNumber());
      case SEALING -> apply(d, ProviderEvent.DEAL_ACTIVATION_FAILED, "deal " + d.dealId()
          + " was not activated by its start epoch " + p.startEpoch() + " and the market actor removed it",
          d.sectorNumber());
      default -> { }
    }
  }

  private void apply(ProviderDeal d, ProviderEvent e, String note, long sector) {
    DealEvents.applyIfAllowed(pipeline, d.proposalCid(), e, note, x -> {
      // The sealer API may have released the deal (ReleaseDeals) since this pass read it: the pre-commit seen is of a
      // sector the deal no longer has, and writing that sector back would hand it a slot (offset 0) it lost. Skip;
      // the next pass reads the deal again.
      if (e == ProviderEvent.DEAL_PRECOMMITTED && x.sectorNumber() != d.sectorNumber()) {
        throw new IllegalDealTransitionException(x.proposalCid(), x.state(), e);
      }
      ProviderDeal.Builder b = x.toBuilder().sectorNumber(sector);
      // The piece status follows the chain too (droplet HEAD), for sealers that never report it.
      if (e == ProviderEvent.DEAL_ACTIVATED) {
        b.pieceStatus(PieceStatus.PROVING);
      } else if (e == ProviderEvent.DEAL_PRECOMMITTED && !PieceStatus.PROVING.equals(x.pieceStatus())) {
        b.pieceStatus(PieceStatus.PACKING);
      }
      return b.build();
    });
  }

  @Override
  public void close() {
    timer.shutdownNow();
    try {
      // Let a pass in progress finish before the store underneath closes.
      timer.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
