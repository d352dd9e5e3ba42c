package venus.market.daemon.deals;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import venus.market.core.market.ClientDealProposal;
import venus.market.core.multiformats.Cid;
import venus.market.core.storagemarket.StorageDealStatus;

/**
 * Moves provider deals through {@link DealTransitions}. Each {@link #apply} checks the event against the table,
 * writes the new record and its history entry durably, and only then returns: callers perform the side effect
 * of the new state (publish, hand off, ...) after apply, so a crash in between leaves the deal in the persisted
 * state and {@link #resumable()} hands it back on restart. Events on one deal are serialised; different deals
 * proceed in parallel.
 */
public final class DealStateMachine {
  private static final Logger LOG = LoggerFactory.getLogger(DealStateMachine.class);

  /** Failure events whose note becomes the deal's message (go-fil-markets sets MinerDeal.Message on these). */
  private static final EnumSet<ProviderEvent> RECORDS_ERROR = EnumSet.of(ProviderEvent.NODE_ERRORED,
      ProviderEvent.DEAL_REJECTED, ProviderEvent.DATA_TRANSFER_FAILED, ProviderEvent.DATA_TRANSFER_CANCELLED,
      ProviderEvent.DATA_TRANSFER_STALLED, ProviderEvent.DATA_VERIFICATION_FAILED, ProviderEvent.TRACK_FUNDS_FAILED,
      ProviderEvent.DEAL_PUBLISH_ERROR, ProviderEvent.SEND_RESPONSE_FAILED, ProviderEvent.FILE_STORE_ERRORED,
      ProviderEvent.DEAL_HANDOFF_FAILED, ProviderEvent.PIECE_STORE_ERRORED, ProviderEvent.DEAL_PRECOMMIT_FAILED,
      ProviderEvent.DEAL_ACTIVATION_FAILED, ProviderEvent.DEAL_COMPLETION_FAILED,
      ProviderEvent.AWAIT_TRANSFER_RESTART_TIMEOUT);

  private final DealStore store;
  private final Clock clock;
  private final ConcurrentHashMap<Cid, Object> locks = new ConcurrentHashMap<>();

  public DealStateMachine(DealStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /**
   * Records a newly received proposal and moves it Unknown -> Validating (ProviderEventOpen).
   *
   * @throws DealExistsException if this proposal CID is already stored (a resent proposal must not reset a deal)
   */
  public ProviderDeal open(ClientDealProposal proposal, String note) {
    return open(ProviderDeal.received(proposal, clock.instant()), note);
  }

  /**
   * Records a received deal built with {@link ProviderDeal#builder} (carrying what its protocol told: UUID,
   * transfer, client peer) and moves it Unknown -> Validating.
   *
   * @throws DealExistsException if this proposal CID is already stored
   */
  public ProviderDeal open(ProviderDeal received, String note) {
    if (received.state() != StorageDealStatus.UNKNOWN) {
      throw new IllegalArgumentException("deal " + received.proposalCid() + ": open() takes a new deal (state "
          + "Unknown), got " + received.state().goName());
    }
    synchronized (lock(received.proposalCid())) {
      return transition(received, null, ProviderEvent.OPEN, note, UnaryOperator.identity());
    }
  }

  /** Applies {@code event} to the deal; see {@link #apply(Cid, ProviderEvent, String, UnaryOperator)}. */
  public ProviderDeal apply(Cid proposalCid, ProviderEvent event, String note) {
    return apply(proposalCid, event, note, UnaryOperator.identity());
  }

  /**
   * Applies {@code event}, with {@code update} setting the fields the event carries (deal ID on DealPublished,
   * publish CID on DealPublishInitiated, piece path on VerifiedData, bytes on DataTransferProgress). The update
   * cannot change the state or identity of the deal.
   *
   * @return the persisted new record
   * @throws IllegalDealTransitionException if the table does not allow {@code event} in the current state
   * @throws DealNotFoundException if no such deal exists
   */
  public ProviderDeal apply(Cid proposalCid, ProviderEvent event, String note, UnaryOperator<ProviderDeal> update) {
    if (event == ProviderEvent.OPEN) {
      throw new IllegalArgumentException("deal " + proposalCid + ": use open() for " + event.goName());
    }
    synchronized (lock(proposalCid)) {
      ProviderDeal current = store.get(proposalCid).orElseThrow(() -> new DealNotFoundException(proposalCid));
      return transition(current, current.state(), event, note, update);
    }
  }

  /**
   * Applies {@code event} to several deals as one atomic write: every deal's event is checked against the table and
   * its update run (an update may throw to refuse, e.g. a deal another sealer took meanwhile) before anything is
   * written; then all records are committed together or, on any failure, none.
   *
   * @param updates per deal, the fields the event sets (as in {@link #apply})
   * @return the persisted new records, in the order of {@code updates}
   */
  public List<ProviderDeal> applyAll(Map<Cid, UnaryOperator<ProviderDeal>> updates, ProviderEvent event,
      String note) {
    if (event == ProviderEvent.OPEN) {
      throw new IllegalArgumentException("use open() for " + event.goName());
    }
    List<Cid> order = new ArrayList<>(updates.keySet());
    // Locks in one global order, so two batches over overlapping deals cannot deadlock.
    List<Cid> lockOrder = new ArrayList<>(order);
    lockOrder.sort(Comparator.comparing(Cid::toString));
    return withLocks(lockOrder, 0, () -> {
      List<DealStore.Commit> commits = new ArrayList<>();
      Map<Cid, ProviderDeal> out = new HashMap<>();
      var now = clock.instant();
      String n = note == null ? "" : note;
      for (Cid cid : order) {
        ProviderDeal current = store.get(cid).orElseThrow(() -> new DealNotFoundException(cid));
        StorageDealStatus from = current.state();
        StorageDealStatus to = DealTransitions.next(from, event)
            .orElseThrow(() -> new IllegalDealTransitionException(cid, from, event));
        ProviderDeal updated = updates.get(cid).apply(current);
        if (!updated.proposalCid().equals(cid) || updated.state() != from) {
          throw new IllegalArgumentException("deal " + cid + ": an event update may not change the deal's identity"
              + " or state");
        }
        ProviderDeal next = updated.withState(to, now);
        commits.add(new DealStore.Commit(from, next, new DealTransition(now, from, to, event, n)));
        out.put(cid, next);
      }
      store.commitAll(commits);
      for (DealStore.Commit c : commits) {
        LOG.info("deal {}: {} -> {} ({}){}", c.deal().proposalCid(), c.entry().from().goName(),
            c.entry().to().goName(), event.goName(), n.isEmpty() ? "" : ": " + n);
      }
      return order.stream().map(out::get).toList();
    });
  }

  /**
   * Sets the deal's state to {@code to} whatever the table says (the operator's UpdateStorageDealStatus), recorded in
   * the history as {@link ProviderEvent#STATE_OVERRIDDEN}.
   */
  public ProviderDeal override(Cid proposalCid, StorageDealStatus to, String note, UnaryOperator<ProviderDeal> update) {
    synchronized (lock(proposalCid)) {
      ProviderDeal current = store.get(proposalCid).orElseThrow(() -> new DealNotFoundException(proposalCid));
      StorageDealStatus from = current.state();
      ProviderDeal updated = update.apply(current);
      if (!updated.proposalCid().equals(proposalCid) || updated.state() != from) {
        throw new IllegalArgumentException("deal " + proposalCid + ": an override update may not change the deal's"
            + " identity or state");
      }
      var now = clock.instant();
      String n = note == null ? "" : note;
      ProviderDeal next = updated.withState(to, now);
      store.commit(from, next, new DealTransition(now, from, to, ProviderEvent.STATE_OVERRIDDEN, n));
      LOG.warn("deal {}: {} -> {} ({}){}", proposalCid, from.goName(), to.goName(),
          ProviderEvent.STATE_OVERRIDDEN.goName(), n.isEmpty() ? "" : ": " + n);
      return next;
    }
  }

  private <T> T withLocks(List<Cid> cids, int i, java.util.function.Supplier<T> body) {
    if (i == cids.size()) {
      return body.get();
    }
    synchronized (lock(cids.get(i))) {
      return withLocks(cids, i + 1, body);
    }
  }

  /** The deal, if stored. */
  public java.util.Optional<ProviderDeal> get(Cid proposalCid) {
    return store.get(proposalCid);
  }

  /** The deal's transition history, oldest first. */
  public List<DealTransition> history(Cid proposalCid) {
    return store.history(proposalCid);
  }

  /**
   * Deals that were in flight when the daemon stopped (every state but Error, Expired, Slashed), for the restart
   * procedure: it applies {@link ProviderEvent#RESTART} to each and then resumes the state's work.
   */
  public List<ProviderDeal> resumable() {
    List<ProviderDeal> out = new ArrayList<>();
    for (StorageDealStatus s : StorageDealStatus.values()) {
      if (!DealTransitions.isTerminal(s)) {
        out.addAll(store.listByState(s));
      }
    }
    return out;
  }

  private ProviderDeal transition(ProviderDeal current, StorageDealStatus expectedPrevious, ProviderEvent event,
      String note, UnaryOperator<ProviderDeal> update) {
    StorageDealStatus from = current.state();
    StorageDealStatus to = DealTransitions.next(from, event)
        .orElseThrow(() -> new IllegalDealTransitionException(current.proposalCid(), from, event));
    String n = note == null ? "" : note;
    ProviderDeal updated = update.apply(current);
    if (!updated.proposalCid().equals(current.proposalCid()) || updated.state() != from) {
      throw new IllegalArgumentException("deal " + current.proposalCid() + ": an event update may not change the"
          + " deal's identity or state");
    }
    var now = clock.instant();
    ProviderDeal next = updated.withState(to, now);
    if (RECORDS_ERROR.contains(event) && !n.isEmpty()) {
      next = next.withMessage(n);
    }
    store.commit(expectedPrevious, next, new DealTransition(now, from, to, event, n));
    if (to == StorageDealStatus.FAILING || to == StorageDealStatus.ERROR) {
      LOG.warn("deal {}: {} -> {} ({}){}", next.proposalCid(), from.goName(), to.goName(), event.goName(),
          n.isEmpty() ? "" : ": " + n);
    } else {
      LOG.info("deal {}: {} -> {} ({})", next.proposalCid(), from.goName(), to.goName(), event.goName());
    }
    return next;
  }

  private Object lock(Cid proposalCid) {
    // Never removed: one small object per deal seen since start, bounded by the deals this daemon handles.
    return locks.computeIfAbsent(proposalCid, c -> new Object());
  }
}
