package venus.market.daemon.testing;

import java.time.Duration;
import venus.market.core.multiformats.Cid;
import venus.market.daemon.node.NodeClient;
import venus.market.devnet.Devnet;

/** Chain steps the in-process devnet tests share: waiting for a pushed message to land, and their poll pause. */
public final class DevnetChain {
  private DevnetChain() {
  }

  /**
   * Mines until {@code msg} (pushed by a pipeline thread, possibly a moment from now) is on chain with one tipset on
   * top, the watcher's confidence in these tests; mines a tipset every 25 polls while it is not there yet.
   */
  public static void land(Devnet devnet, NodeClient node, Cid msg) {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    for (int i = 0; System.nanoTime() < deadline; i++) {
      var lookup = node.stateSearchMsg(msg.toString());
      if (lookup != null) {
        if (node.chainHead().height() - lookup.height() < 1) {
          devnet.mineTipset();
        }
        return;
      }
      if (i % 25 == 24) {
        devnet.mineTipset();
      }
      sleep();
    }
    throw new AssertionError("message " + msg + " never reached the chain");
  }

  /** The 20 ms pause between polls. */
  public static void sleep() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
