package venus.market.daemon.publish;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import venus.market.core.address.Address;
import venus.market.core.amount.Durations;
import venus.market.core.amount.TokenAmount;
import venus.market.core.chain.SignedMessage;
import venus.market.core.market.ClientDealProposal;
import venus.market.core.market.DealProposal;
import venus.market.core.market.MarketMethods;
import venus.market.core.market.PublishStorageDealsParams;
import venus.market.core.multiformats.Cid;
import venus.market.core.storagemarket.StorageDealStatus;
import venus.market.daemon.config.DealPolicy;
import venus.market.daemon.config.MarketConfig;
import venus.market.daemon.deals.DealPipeline;
import venus.market.daemon.deals.ProviderDeal;
import venus.market.daemon.deals.ProviderEvent;
import venus.market.daemon.node.ChainMessenger;
import venus.market.daemon.node.NodeClient;
import venus.market.daemon.node.NodeJson;

/**
 * Batches deals into PublishStorageDeals messages, one queue per provider (go-fil-markets/droplet dealpublisher): a
 * queue is published when {@code PublishMsgPeriod} has passed since its first deal, when it holds
 * {@code MaxDealsPerPublishMsg} deals, or on {@code MarketPublishPendingDeals}. Before a batch goes out each deal is
 * checked (start epoch not passed, client and provider escrow); deals that fail are failed alone. The signed message
 * and the batch are persisted, and every deal moved to Publishing with the message CID, BEFORE the push.
 */
public final class DealPublisher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DealPublisher.class);

  /** Test seam: runs after the batch is persisted and before the push (a throw here is a crash in that window). */
  public interface BeforePush {
    void run(SignedMessage msg);
  }

  /** One provider's queue as MarketPendingDeals reports it. */
  public record Pending(Address provider, List<ClientDealProposal> deals, Instant periodStart, Duration period) {}

  private final Supplier<MarketConfig> config;
  private final DealPipeline pipeline;
  private final NodeClient node;
  private final ChainMessenger messenger;
  private final PublishStore store;
  private final Clock clock;
  private final ScheduledExecutorService timer;
  private final Map<Address, Queue> queues = new LinkedHashMap<>();
  private volatile BeforePush beforePush = m -> {};
  private static final int PUSH_ATTEMPTS = 5;
  private static final Duration PUSH_RETRY = Duration.ofSeconds(5);
  /** Publish messages signed by this process (it pushes them itself); the Publishing stage pushes older ones once. */
  final java.util.Set<Cid> signedHere = java.util.concurrent.ConcurrentHashMap.newKeySet();

  private static final class Queue {
    final LinkedHashMap<Cid, ProviderDeal> deals = new LinkedHashMap<>();
    Instant start;
    Duration period;
    ScheduledFuture<?> timer;
  }

  DealPublisher(Supplier<MarketConfig> config, DealPipeline pipeline, NodeClient node, ChainMessenger messenger,
      PublishStore store, Clock clock) {
    this.config = config;
    this.pipeline = pipeline;
    this.node = node;
    this.messenger = messenger;
    this.store = store;
    this.clock = clock;
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "deal-publisher");
      t.setDaemon(true);
      return t;
    });
  }

  public void beforePush(BeforePush hook) {
    this.beforePush = hook;
  }

  /** Adds a deal in state Publish to its provider's queue (again after a restart: a queued deal is not duplicated). */
  public void enqueue(ProviderDeal deal) {
    Address provider = deal.proposal().proposal().provider();
    DealPolicy policy = config.get().policyFor(provider.toString());
    int max = Math.max(1, policy.maxDealsPerPublishMsg());
    Duration period = policy.publishMsgPeriod();
    synchronized (this) {
      Queue q = queues.computeIfAbsent(provider, p -> new Queue());
      if (q.deals.containsKey(deal.proposalCid())) {
        return;
      }
      q.deals.put(deal.proposalCid(), deal);
      LOG.info("add deal with piece CID {} to publish deals queue - {} deals in queue (max queue size {})",
          deal.proposal().proposal().pieceCID(), q.deals.size(), max);
      if (q.deals.size() >= max || period.isZero()) {
        cancelTimer(q);
        timer.execute(() -> publish(provider));
        return;
      }
      if (q.deals.size() == 1) {
        q.start = clock.instant();
        q.period = period;
        LOG.info("waiting publish deals queue period of {} before publishing", Durations.format(period));
        q.timer = timer.schedule(() -> {
          LOG.info("publish deals queue period of {} has expired, publishing deals", Durations.format(period));
          publish(provider);
        }, period.toMillis(), TimeUnit.MILLISECONDS);
      }
    }
  }

  /** MarketPublishPendingDeals: publishes every queue now. */
  public void publishAll() {
    List<Address> providers;
    synchronized (this) {
      providers = new ArrayList<>(queues.keySet());
    }
    for (Address p : providers) {
      timer.execute(() -> publish(p));
    }
  }

  /** MarketPendingDeals: the non-empty queues. */
  public synchronized List<Pending> pending() {
    List<Pending> out = new ArrayList<>();
    queues.forEach((p, q) -> {
      if (!q.deals.isEmpty()) {
        out.add(new Pending(p, q.deals.values().stream().map(ProviderDeal::proposal).toList(), q.start, q.period));
      }
    });
    return out;
  }

  private void cancelTimer(Queue q) {
    if (q.timer != null) {
      q.timer.cancel(false);
      q.timer = null;
    }
  }

  /** Takes the provider's queue and publishes it (on the publisher thread). */
  void publish(Address provider) {
    List<ProviderDeal> batch;
    synchronized (this) {
      Queue q = queues.get(provider);
      if (q == null || q.deals.isEmpty()) {
        return;
      }
      cancelTimer(q);
      batch = new ArrayList<>(q.deals.values());
      q.deals.clear();
      q.start = null;
    }
    try {
      publishBatch(provider, batch);
    } catch (RuntimeException e) {
      LOG.error("publishing deals of {} failed: {}", provider, e.toString(), e);
      for (ProviderDeal d : batch) {
        fail(d, "publishing deal: " + e.getMessage());
      }
    }
  }

  private void publishBatch(Address provider, List<ProviderDeal> queued) {
    List<ProviderDeal> batch = new ArrayList<>();
    for (ProviderDeal d : queued) {
      pipeline.deals().get(d.proposalCid()).filter(now -> now.state() == StorageDealStatus.PUBLISH)
          .ifPresent(batch::add);
    }
    if (batch.isEmpty()) {
      return;
    }
    List<ProviderDeal> ok = precheck(provider, batch);
    if (ok.isEmpty()) {
      return;
    }
    LOG.info("publishing {} deals in publish deals queue with piece CIDs: {}", ok.size(),
        ok.stream().map(d -> d.proposal().proposal().pieceCID().toString()).collect(Collectors.joining(", ")));
    NodeJson.MinerInfo info = node.stateMinerInfo(provider);
    Address from = Address.parse(info.worker());
    BigInteger maxFee = config.get().policyFor(provider.toString()).maxPublishDealsFee();
    byte[] params = new PublishStorageDealsParams(ok.stream().map(ProviderDeal::proposal).toList()).toCbor();
    List<Cid> cids = ok.stream().map(ProviderDeal::proposalCid).toList();
    boolean[] persisted = {false};
    boolean[] hookDone = {false};
    SignedMessage[] saved = {null};
    try {
      messenger.send(from, Address.newId(MarketMethods.ACTOR_ID), TokenAmount.ZERO,
          MarketMethods.PUBLISH_STORAGE_DEALS, params, maxFee, signed -> {
            signedHere.add(signed.cid());
            store.save(signed, cids);
            saved[0] = signed;
            persisted[0] = true;
            for (ProviderDeal d : ok) {
              pipeline.apply(d.proposalCid(), ProviderEvent.DEAL_PUBLISH_INITIATED, "publish message " + signed.cid(),
                  x -> x.toBuilder().publishCid(signed.cid()).build());
            }
            beforePush.run(signed);
            hookDone[0] = true;
          });
    } catch (RuntimeException e) {
      if (!persisted[0]) {
        throw e;
      }
      if (!hookDone[0]) {
        // Stopped between persisting and pushing (a crash, or a test simulating one): the next start pushes it.
        LOG.warn("publish message {} saved but not pushed: {}", saved[0].cid(), e.toString());
        return;
      }
      // The batch is persisted and the deals wait in Publishing: push the same message again a little later.
      LOG.warn("pushing publish message {} failed, retrying: {}", saved[0].cid(), e.toString());
      retryPush(saved[0], 1);
    }
  }

  private void retryPush(SignedMessage msg, int attempt) {
    timer.schedule(() -> {
      try {
        if (node.stateSearchMsg(msg.cid().toString()) == null) {
          messenger.push(msg);
        }
      } catch (RuntimeException e) {
        if (attempt < PUSH_ATTEMPTS) {
          retryPush(msg, attempt + 1);
        } else {
          LOG.error("publish message {} could not be pushed after {} attempts ({}); its deals stay in Publishing and"
              + " it is pushed again at the next start", msg.cid(), attempt, e.toString());
        }
      }
    }, PUSH_RETRY.toMillis(), TimeUnit.MILLISECONDS);
  }
  /** Fails (alone) deals that can no longer be published; returns the others. */
  private List<ProviderDeal> precheck(Address provider, List<ProviderDeal> batch) {
    long head = node.chainHead().height();
    List<ProviderDeal> ok = new ArrayList<>();
    Map<Address, BigInteger> clientNeed = new HashMap<>();
    Map<Address, BigInteger> clientAvail = new HashMap<>();
    BigInteger providerAvail = available(provider);
    BigInteger providerNeed = BigInteger.ZERO;
    for (ProviderDeal d : batch) {
      DealProposal p = d.proposal().proposal();
      if (p.startEpoch() <= head) {
        fail(d, "publishing deal: cannot publish deal with piece CID " + p.pieceCID() + ": current epoch " + head
            + " has passed deal proposal start epoch " + p.startEpoch());
        continue;
      }
      BigInteger need = clientNeed.getOrDefault(p.client(), BigInteger.ZERO).add(p.clientBalanceRequirement().atto());
      BigInteger have = clientAvail.computeIfAbsent(p.client(), this::available);
      if (need.compareTo(have) > 0) {
        fail(d, "publishing deal: client " + p.client() + " market escrow available " + TokenAmount.ofAtto(have)
            + " does not cover " + TokenAmount.ofAtto(need) + " (deal with piece CID " + p.pieceCID() + ")");
        continue;
      }
      BigInteger pNeed = providerNeed.add(p.providerCollateral().atto());
      if (pNeed.compareTo(providerAvail) > 0) {
        fail(d, "publishing deal: provider " + provider + " market escrow available "
            + TokenAmount.ofAtto(providerAvail) + " does not cover collateral " + TokenAmount.ofAtto(pNeed));
        continue;
      }
      clientNeed.put(p.client(), need);
      providerNeed = pNeed;
      ok.add(d);
    }
    return ok;
  }

  private BigInteger available(Address a) {
    NodeJson.MarketBalance b = node.stateMarketBalance(a);
    return new BigInteger(b.escrow()).subtract(new BigInteger(b.locked()));
  }

  private void fail(ProviderDeal d, String why) {
    try {
      pipeline.apply(d.proposalCid(), ProviderEvent.NODE_ERRORED, why);
    } catch (RuntimeException e) {
      LOG.warn("deal {}: could not record publish failure ({}): {}", d.proposalCid(), why, e.toString());
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
