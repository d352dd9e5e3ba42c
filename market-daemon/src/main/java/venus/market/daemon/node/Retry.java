package venus.market.daemon.node;

import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import venus.market.core.MarketException;
import venus.market.core.jsonrpc.RpcTransportException;

/**
 * Capped exponential backoff for calls to a remote service that may be restarting. Only transport
 * failures are retried; errors the service returned are final.
 */
public final class Retry {
  private static final Logger LOG = LoggerFactory.getLogger(Retry.class);

  private final Duration first;
  private final Duration cap;
  private final int attempts;
  private final Sleeper sleeper;

  /** How to wait between attempts (tests pass a recording sleeper). */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration d) throws InterruptedException;
  }

  public Retry(Duration first, Duration cap, int attempts, Sleeper sleeper) {
    this.first = first;
    this.cap = cap;
    this.attempts = attempts;
    this.sleeper = sleeper;
  }

  /** 0.5 s doubling to 10 s, 8 attempts: rides out a node restart of about a minute. */
  public static Retry standard() {
    return new Retry(Duration.ofMillis(500), Duration.ofSeconds(10), 8, d -> Thread.sleep(d.toMillis()));
  }

  public static Retry none() {
    return new Retry(Duration.ZERO, Duration.ZERO, 1, d -> { });
  }

  public <T> T run(String what, Supplier<T> call) {
    Duration wait = first;
    for (int i = 1; ; i++) {
      try {
        return call.get();
      } catch (RpcTransportException e) {
        if (i >= attempts) {
          throw new MarketException(what + " failed after " + attempts + " attempts: " + e.getMessage(), e);
        }
        LOG.warn("call={} attempt={} error=\"{}\" retry_in={}", what, i, e.getMessage(), wait);
        try {
          sleeper.sleep(wait);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw new MarketException(what + ": interrupted while waiting to retry", ie);
        }
        wait = wait.multipliedBy(2).compareTo(cap) > 0 ? cap : wait.multipliedBy(2);
      }
    }
  }
}
