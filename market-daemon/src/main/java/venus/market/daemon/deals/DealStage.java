package venus.market.daemon.deals;

/**
 * The work a deal's current state calls for (request data, verify it, reserve funds, publish, ...), registered
 * with {@link DealPipeline#on}. The pipeline runs it after every transition into that state and again for every
 * in-flight deal after a restart, so it must be idempotent: look at the persisted deal (publish CID already set?
 * piece already stored?) before acting, and move the deal on only through the pipeline's {@code apply}.
 *
 * <p>A stage runs on the pipeline's worker threads. It may block for work on this one deal (a transfer, an
 * import); waiting on the chain for many deals belongs in a watcher that calls {@code apply} when something
 * happens, not in a thread per deal.
 */
@FunctionalInterface
public interface DealStage {
  /**
   * Does the work for {@code deal} (in the state this stage is registered for). An exception moves the deal to
   * Failing with the exception's message (ProviderEventNodeErrored), so the message must tell the operator
   * what went wrong.
   */
  void run(ProviderDeal deal) throws Exception;
}
