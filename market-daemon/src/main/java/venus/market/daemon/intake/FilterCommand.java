package venus.market.daemon.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import venus.market.daemon.deals.ProviderDeal;

/**
 * The operator's external deal filter ({@code Filter} in config.toml), run as lotus/boost do: {@code sh -c <cmd>}
 * with the deal as indented JSON on stdin (the MinerDeal plus {@code "DealType": "storage"}); exit 0 accepts, any
 * other exit rejects with the command's combined stdout and stderr as the reason. A command that outlives the timeout
 * is killed and the deal rejected. Transfer parameters are never part of the JSON (they may hold credentials).
 */
public final class FilterCommand {
  /** Bytes of filter output kept as the reason; the rest is read and dropped so the command never blocks. */
  static final int MAX_OUTPUT = 4096;
  private static final Logger LOG = LoggerFactory.getLogger(FilterCommand.class);

  private final ObjectMapper mapper;
  private final Duration timeout;

  public FilterCommand(ObjectMapper mapper, Duration timeout) {
    this.mapper = mapper;
    this.timeout = timeout;
  }

  /** Runs {@code cmd} on the deal; returns normally when it accepts. */
  public void check(String cmd, ProviderDeal deal) {
    byte[] json;
    try {
      ObjectNode tree = mapper.valueToTree(deal);
      tree.put("DealType", "storage");
      json = mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(tree);
    } catch (IOException | IllegalArgumentException e) {
      throw new DealRejectedException("server error: deal filter input: " + e.getMessage());
    }
    Process proc;
    try {
      proc = new ProcessBuilder("sh", "-c", cmd).redirectErrorStream(true).start();
    } catch (IOException e) {
      LOG.error("deal filter `{}` could not start: {}", cmd, e.toString());
      throw new DealRejectedException("filter cmd run error");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Thread reader = new Thread(() -> drain(proc.getInputStream(), out), "deal-filter-output");
    reader.setDaemon(true);
    reader.start();
    try {
      try (OutputStream stdin = proc.getOutputStream()) {
        stdin.write(json);
      } catch (IOException e) {
        // The filter may exit without reading its input; its exit code decides.
        LOG.debug("deal filter closed stdin early: {}", e.toString());
      }
      if (!proc.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        proc.descendants().forEach(ProcessHandle::destroyForcibly);
        proc.destroyForcibly();
        LOG.warn("deal filter `{}` timed out after {} on deal {}", cmd, timeout, deal.proposalCid());
        throw new DealRejectedException("deal filter timed out after " + timeout.toSeconds() + "s");
      }
      reader.join(timeout.toMillis());
    } catch (InterruptedException e) {
      proc.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new DealRejectedException("server error: interrupted while running the deal filter");
    }
    int exit = proc.exitValue();
    if (exit != 0) {
      String reason;
      synchronized (out) {
        reason = out.toString(StandardCharsets.UTF_8);
      }
      // lotus issue #5834: a rejection by the filter used to be visible only to the client.
      LOG.info("deal filter rejected deal {} (exit {}): {}", deal.proposalCid(), exit, reason.strip());
      throw new DealRejectedException(reason);
    }
  }

  private static void drain(InputStream in, ByteArrayOutputStream out) {
    byte[] buf = new byte[1024];
    try (in) {
      int n;
      while ((n = in.read(buf)) >= 0) {
        synchronized (out) {
          int keep = Math.min(n, MAX_OUTPUT - out.size());
          if (keep > 0) {
            out.write(buf, 0, keep);
          }
        }
      }
    } catch (IOException e) {
      LOG.debug("reading deal filter output: {}", e.toString());
    }
  }
}
