package venus.market.daemon.deals;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import venus.market.core.jsonrpc.RpcTransportException;
import venus.market.core.multiformats.Cid;
import venus.market.core.storagemarket.StorageDealStatus;

/**
 * Drives deals: after each transition it runs the {@link DealStage} registered for the new state, and on start
 * ({@link #resume()}) it restarts every in-flight deal where it stood. Subsystems (intake, data transfer, import,
 * funds, publisher, chain watcher, sealer API) register their stage with {@link #on} and move deals only through
 * {@link #apply}, so the state is always persisted before the next side effect runs.
 *
 * <p>States with no stage simply wait for an outside event (an offline deal in WaitingForData waits for
 * import-data; AwaitingPreCommit waits for the chain). Failing has a default stage that ends the deal in Error;
 * a subsystem that must clean up (release funds) registers its own and applies {@link ProviderEvent#FAILED}.
 *
 * <p>A stage that fails because a JSON-RPC peer (the node) could not be reached, after the node client's own
 * retries, does not fail its deal: the deal stays where it stood and the stage runs again after {@code
 * unreachableRetry}, for as long as the outage lasts. Stages are idempotent (a restart runs them again anyway), and
 * a node restart or a network cut of minutes must not cost a provider its deals.
 */
public final class DealPipeline implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DealPipeline.class);

  private final DealStateMachine deals;
  private final ExecutorService workers;
  private final Map<StorageDealStatus, DealStage> stages = new EnumMap<>(StorageDealStatus.class);
  /** Off unless a crash test sets {@value StagePauses#PROPERTY}. */
  private final StagePauses pauses = StagePauses.fromSystemProperties();
  private final Duration unreachableRetry;
  private final ScheduledExecutorService later;
  private volatile boolean closed;

  /** A pipeline with {@code threads} workers (stages may block on one deal's I/O; size for concurrent transfers). */
  public DealPipeline(DealStateMachine deals, int threads) {
    this(deals, threads, Duration.ofSeconds(30));
  }

  /** As above; a stage that could not reach the node runs again after {@code unreachableRetry}. */
  public DealPipeline(DealStateMachine deals, int threads, Duration unreachableRetry) {
    this.deals = deals;
    this.unreachableRetry = unreachableRetry;
    this.later = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "deal-pipeline-retry");
      t.setDaemon(true);
      return t;
    });
    AtomicInteger n = new AtomicInteger();
    this.workers = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "deal-pipeline-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    stages.put(StorageDealStatus.FAILING, deal -> apply(deal.proposalCid(), ProviderEvent.FAILED, deal.message()));
  }

  /** The state machine underneath (reads; writes go through {@link #apply}). */
  public DealStateMachine deals() {
    return deals;
  }

  /** Registers the stage for {@code state}, replacing any earlier one (only Failing has a default). */
  public synchronized DealPipeline on(StorageDealStatus state, DealStage stage) {
    stages.put(state, stage);
    return this;
  }

  /** Stores a new deal (Unknown -> Validating) without running stages: intake validates it inline. */
  public ProviderDeal open(ProviderDeal received, String note) {
    return deals.open(received, note);
  }

  /** Applies {@code event} and schedules the new state's stage. */
  public ProviderDeal apply(Cid proposalCid, ProviderEvent event, String note) {
    return apply(proposalCid, event, note, UnaryOperator.identity());
  }

  /** Applies {@code event} with {@code update} (see {@link DealStateMachine#apply}) and schedules the new state's stage. */
  public ProviderDeal apply(Cid proposalCid, ProviderEvent event, String note, UnaryOperator<ProviderDeal> update) {
    StorageDealStatus before = deals.get(proposalCid).map(ProviderDeal::state).orElse(null);
    ProviderDeal after = deals.apply(proposalCid, event, note, update);
    // Record-only events (progress, funds reserved) keep the state: its stage is already running.
    if (after.state() != before) {
      schedule(after);
    }
    return after;
  }

  /** Applies {@code event} to several deals atomically (see {@link DealStateMachine#applyAll}) and schedules stages. */
  public List<ProviderDeal> applyAll(Map<Cid, UnaryOperator<ProviderDeal>> updates, ProviderEvent event,
      String note) {
    Map<Cid, StorageDealStatus> before = new java.util.HashMap<>();
    updates.keySet().forEach(c -> deals.get(c).ifPresent(d -> before.put(c, d.state())));
    List<ProviderDeal> after = deals.applyAll(updates, event, note);
    for (ProviderDeal d : after) {
      if (d.state() != before.get(d.proposalCid())) {
        schedule(d);
      }
    }
    return after;
  }

  /** Sets the deal's state regardless of the table (operator override) and runs the new state's stage. */
  public ProviderDeal override(Cid proposalCid, StorageDealStatus to, String note, UnaryOperator<ProviderDeal> update) {
    ProviderDeal after = deals.override(proposalCid, to, note, update);
    schedule(after);
    return after;
  }

  /**
   * Applies {@link ProviderEvent#RESTART} to every in-flight deal and schedules its state's stage; call once
   * after every stage is registered.
   *
   * @return how many deals were resumed
   */
  public int resume() {
    List<ProviderDeal> live = deals.resumable();
    int resumed = 0;
    for (ProviderDeal d : live) {
      if (d.state() == StorageDealStatus.UNKNOWN) {
        continue; // never validated; nothing persisted beyond the proposal
      }
      try {
        ProviderDeal after = deals.apply(d.proposalCid(), ProviderEvent.RESTART, "daemon restarted");
        schedule(after);
        resumed++;
      } catch (RuntimeException e) {
        LOG.error("deal {}: could not resume from {}: {}", d.proposalCid(), d.state().goName(), e.toString());
      }
    }
    if (resumed > 0) {
      LOG.info("resumed {} in-flight deals", resumed);
    }
    return resumed;
  }

  /** Runs the stage of the deal's current state again (e.g. a chain watcher woke up); no-op without a stage. */
  public void kick(Cid proposalCid) {
    deals.get(proposalCid).ifPresent(this::schedule);
  }

  private void schedule(ProviderDeal deal) {
    DealStage stage;
    synchronized (this) {
      stage = stages.get(deal.state());
    }
    if (stage == null || closed) {
      return;
    }
    try {
      workers.execute(() -> run(stage, deal));
    } catch (RejectedExecutionException e) {
      LOG.debug("deal {}: pipeline stopped, {} resumes after restart", deal.proposalCid(), deal.state().goName());
    }
  }

  private void run(DealStage stage, ProviderDeal scheduled) {
    Cid cid = scheduled.proposalCid();
    try {
      pauses.before(scheduled.state());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return; // closing while paused: the stage runs after restart
    }
    // Re-read: another event may have moved the deal since it was scheduled; then that state's stage runs instead.
    Optional<ProviderDeal> now = deals.get(cid);
    if (now.isEmpty() || now.get().state() != scheduled.state() || closed) {
      return;
    }
    try {
      stage.run(now.get());
    } catch (Exception | Error e) {
      if (closed) {
        return;
      }
      String why = e.getMessage() == null ? e.toString() : e.getMessage();
      if (unreachable(e)) {
        LOG.warn("deal {}: {} could not reach the node ({}); the deal stays there and the stage runs again in {}",
            cid, scheduled.state().goName(), why, unreachableRetry);
        retryLater(cid);
        return;
      }
      LOG.warn("deal {}: {} failed: {}", cid, scheduled.state().goName(), why, e);
      failSafely(cid, why);
      if (e instanceof Error err && !(e instanceof AssertionError)) {
        throw err;
      }
    }
  }

  /** Whether {@code e} (or a cause) is a JSON-RPC call that never completed: the node was down or unreachable. */
  private static boolean unreachable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof RpcTransportException) {
        return true;
      }
    }
    return false;
  }

  private void retryLater(Cid cid) {
    try {
      later.schedule(() -> kick(cid), unreachableRetry.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      LOG.debug("deal {}: pipeline stopped, its stage runs after restart", cid);
    }
  }

  private void failSafely(Cid cid, String why) {
    try {
      StorageDealStatus state = deals.get(cid).map(ProviderDeal::state).orElse(null);
      if (state != null && DealTransitions.next(state, ProviderEvent.NODE_ERRORED).isPresent()
          && state != StorageDealStatus.FAILING) {
        apply(cid, ProviderEvent.NODE_ERRORED, why);
      }
    } catch (RuntimeException e) {
      LOG.error("deal {}: could not record the failure: {}", cid, e.toString());
    }
  }

  @Override
  public void close() {
    closed = true;
    later.shutdownNow();
    workers.shutdownNow();
    try {
      if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
        LOG.warn("deal pipeline: stages still running after 10 s; they resume after restart");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
