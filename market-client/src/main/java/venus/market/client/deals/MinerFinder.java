package venus.market.client.deals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import venus.market.client.net.ProviderPeer;
import venus.market.client.node.ChainNode;
import venus.market.core.address.Address;
import venus.market.core.storagemarket.SignedStorageAsk;

/**
 * Miner discovery for {@code storage deals init} when no miner is given (lotus/droplet-client GetAsks): every miner
 * on chain (StateListMiners) with the consensus minimum power and a peer ID is asked for its storage ask, twice — the
 * second round trip is the "ping". Miners that do not answer within {@link #ASK_TIMEOUT} are left out. Result sorted
 * by price, cheapest first.
 */
public final class MinerFinder {
  public static final Duration ASK_TIMEOUT = Duration.ofSeconds(4);
  private static final Logger LOG = LoggerFactory.getLogger(MinerFinder.class);
  private static final int PARALLEL = 16;

  private final ChainNode node;
  private final AskQuery asks;

  public MinerFinder(ChainNode node, AskQuery asks) {
    this.node = node;
    this.asks = asks;
  }

  /** A miner's ask and the time its second ask query took. */
  public record Found(SignedStorageAsk ask, String peerId, Duration ping) {}

  /** Counts for the CLI's progress lines (lotus: "Found N miners with power", "Queried N asks, got M responses"). */
  public record Result(int miners, int withPower, int queried, List<Found> asks) {}

  public Result find() {
    List<Address> miners = node.stateListMiners();
    List<Address> withPower = new ArrayList<>();
    for (Address m : miners) {
      try {
        if (node.stateMinerPower(m).hasMinPower()) {
          withPower.add(m);
        }
      } catch (RuntimeException e) {
        LOG.debug("miner={} power not readable: {}", m, e.toString());
      }
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(PARALLEL, withPower.size())), r -> {
      Thread t = new Thread(r, "miner-finder");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<Found>> futures = new ArrayList<>();
      for (Address m : withPower) {
        futures.add(pool.submit(() -> query(m)));
      }
      List<Found> found = new ArrayList<>();
      // queries run PARALLEL at a time, so later ones start later
      long rounds = (futures.size() + PARALLEL - 1) / PARALLEL;
      long deadline = System.nanoTime() + ASK_TIMEOUT.toNanos() * Math.max(1, rounds);
      for (int i = 0; i < futures.size(); i++) {
        Future<Found> f = futures.get(i);
        try {
          long left = Math.max(1, deadline - System.nanoTime());
          Found a = f.get(left, TimeUnit.NANOSECONDS);
          if (a != null) {
            found.add(a);
          }
        } catch (TimeoutException e) {
          f.cancel(true);
          LOG.info("miner={} did not answer the ask query within {}", withPower.get(i), ASK_TIMEOUT);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        } catch (Exception e) {
          LOG.info("miner={} ask not available: {}", withPower.get(i), e.toString());
        }
      }
      found.sort(Comparator.comparing((Found a) -> a.ask().ask().price().atto()));
      return new Result(miners.size(), withPower.size(), futures.size(), found);
    } finally {
      pool.shutdownNow();
    }
  }

  private Found query(Address miner) throws Exception {
    ProviderPeer peer;
    try {
      peer = ProviderPeer.resolve(node, miner);
    } catch (RuntimeException e) {
      return null; // no peer ID or addresses on chain: not a storage provider we can reach
    }
    SignedStorageAsk ask = asks.query(peer);
    long start = System.nanoTime();
    asks.query(peer);
    return new Found(ask, peer.peerId().toString(), Duration.ofNanos(System.nanoTime() - start));
  }
}
