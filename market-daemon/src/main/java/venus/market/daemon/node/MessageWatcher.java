package venus.market.daemon.node;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import venus.market.core.multiformats.Cid;

/**
 * Waits for many chain messages on one thread: every poll it asks the node ({@code StateSearchMsg}) about each
 * watched message and, once one is on chain with {@code confidence} tipsets on top, hands its receipt to the
 * callbacks registered for it. Deal stages register here and return, instead of holding a worker thread per deal in
 * {@code StateWaitMsg}. Watches live in memory: after a restart the stages register them again.
 */
public final class MessageWatcher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MessageWatcher.class);

  private final NodeClient node;
  private final long confidence;
  private final ScheduledExecutorService timer;
  /** Per message, callbacks by a caller-chosen key (a deal registers once however often its stage runs). */
  private final Map<Cid, Map<Object, Consumer<NodeJson.MsgLookup>>> watches = new LinkedHashMap<>();

  public MessageWatcher(NodeClient node, long confidence, java.time.Duration poll) {
    this.node = node;
    this.confidence = confidence;
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "message-watcher");
      t.setDaemon(true);
      return t;
    });
    timer.scheduleWithFixedDelay(this::poll, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Calls {@code onLanded} once {@code message} is on chain with enough confidence; {@code key} de-duplicates. */
  public synchronized void watch(Cid message, Object key, Consumer<NodeJson.MsgLookup> onLanded) {
    watches.computeIfAbsent(message, c -> new LinkedHashMap<>()).putIfAbsent(key, onLanded);
  }

  public synchronized int watching() {
    return watches.size();
  }

  /** One round now (tests, and callers that just pushed a message). */
  public void poll() {
    List<Cid> cids;
    synchronized (this) {
      cids = new ArrayList<>(watches.keySet());
    }
    if (cids.isEmpty()) {
      return;
    }
    try {
      long head = node.chainHead().height();
      for (Cid cid : cids) {
        NodeJson.MsgLookup lookup = node.stateSearchMsg(cid.toString());
        if (lookup == null || head - lookup.height() < confidence) {
          continue;
        }
        List<Consumer<NodeJson.MsgLookup>> callbacks;
        synchronized (this) {
          Map<Object, Consumer<NodeJson.MsgLookup>> m = watches.remove(cid);
          callbacks = m == null ? List.of() : new ArrayList<>(m.values());
        }
        for (Consumer<NodeJson.MsgLookup> cb : callbacks) {
          try {
            cb.accept(lookup);
          } catch (RuntimeException e) {
            LOG.error("message {}: handling its receipt failed: {}", cid, e.toString(), e);
          }
        }
      }
    } catch (RuntimeException e) {
      LOG.warn("message watcher: node unavailable, retrying at the next poll: {}", e.toString());
    }
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
