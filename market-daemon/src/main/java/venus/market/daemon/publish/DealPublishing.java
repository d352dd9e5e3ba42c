package venus.market.daemon.publish;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import venus.market.core.jsonrpc.RpcRegistry;
import venus.market.daemon.config.MarketConfig;
import venus.market.daemon.deals.DealPipeline;
import venus.market.daemon.deals.DealStore;
import venus.market.daemon.funds.FundManager;
import venus.market.daemon.node.ChainMessenger;
import venus.market.daemon.node.MessageWatcher;
import venus.market.daemon.node.NodeClient;
import venus.market.daemon.rpc.PublishRpc;
import venus.market.daemon.signer.Signer;
import venus.market.daemon.store.KvStore;

/**
 * Everything from verified data to an on-chain deal a sealer can take, and following it on chain afterwards:
 * funds (ReserveProviderFunds, ProviderFunding, Failing), the publisher (Publish, Publishing), hand-off (Staged),
 * the chain tracker (AwaitingPreCommit, Sealing, Active) and their API methods. {@link #install} registers the
 * stages on the pipeline; call it before {@code pipeline.resume()}.
 */
public final class DealPublishing implements AutoCloseable {
  /**
   * @param poll how often watched messages are looked up
   * @param confidence tipsets on top of a message before its receipt counts (droplet: 2 × MessageConfidence = 10)
   * @param trackInterval how often handed-off deals are checked on chain
   */
  public record Options(Duration poll, long confidence, Duration trackInterval) {
    /** Environment variable that sets both polling intervals, e.g. "2s" (demos and tests on a fast devnet). */
    public static final String POLL_ENV = "VENUS_MARKET_CHAIN_POLL";

    public static Options defaults() {
      return new Options(Duration.ofSeconds(10), 10, Duration.ofMinutes(1));
    }

    /**
     * {@link #defaults()}, with the message-watcher and chain-tracker intervals taken from {@code $VENUS_MARKET_CHAIN_POLL}
     * when it is set (a Go duration such as "2s").
     */
    public static Options fromEnvironment() {
      String poll = System.getenv(POLL_ENV);
      if (poll == null || poll.isBlank()) {
        return defaults();
      }
      Duration d;
      try {
        d = venus.market.core.amount.Durations.parse(poll.strip());
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("$" + POLL_ENV + " = \"" + poll + "\" is not a duration such as \"2s\"", e);
      }
      if (d.isZero() || d.isNegative()) {
        throw new IllegalArgumentException("$" + POLL_ENV + " must be positive, got \"" + poll + "\"");
      }
      return defaults().withPolling(d);
    }

    /** The same confidence, with both the message watcher and the chain tracker polling every {@code interval}. */
    public Options withPolling(Duration interval) {
      return new Options(interval, confidence, interval);
    }
  }

  private final FundManager funds;
  private final DealPublisher publisher;
  private final MessageWatcher watcher;
  private final ChainDealTracker tracker;

  private DealPublishing(FundManager funds, DealPublisher publisher, MessageWatcher watcher,
      ChainDealTracker tracker) {
    this.funds = funds;
    this.publisher = publisher;
    this.watcher = watcher;
    this.tracker = tracker;
  }

  public static DealPublishing install(Supplier<MarketConfig> config, NodeClient node, Signer signer, KvStore store,
      DealStore dealStore, DealPipeline pipeline, RpcRegistry.Namespace api, Options options) {
    ChainMessenger messenger = new ChainMessenger(node, signer);
    FundManager funds = new FundManager(store, node, messenger);
    MessageWatcher watcher = new MessageWatcher(node, options.confidence(), options.poll());
    PublishStore saved = new PublishStore(store);
    DealPublisher publisher = new DealPublisher(config, pipeline, node, messenger, saved, Clock.systemUTC());
    new FundsStages(config, pipeline, node, funds, watcher).register();
    PublishStages stages = new PublishStages(pipeline, dealStore, node, messenger, funds, watcher, publisher, saved);
    stages.register();
    stages.repushSaved();
    ChainDealTracker tracker = new ChainDealTracker(pipeline, dealStore, node, options.trackInterval());
    if (api != null) {
      PublishRpc.register(api, publisher, funds, config);
    }
    return new DealPublishing(funds, publisher, watcher, tracker);
  }

  public FundManager funds() {
    return funds;
  }

  public DealPublisher publisher() {
    return publisher;
  }

  public MessageWatcher watcher() {
    return watcher;
  }

  public ChainDealTracker tracker() {
    return tracker;
  }

  @Override
  public void close() {
    tracker.close();
    watcher.close();
    publisher.close();
  }
}
