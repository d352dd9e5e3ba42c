package venus.market.daemon.transfer;

import java.time.Duration;
import java.util.Properties;

/**
 * How transfers retry and report; the limits an operator sets (concurrency, staging space) come from config.
 *
 * @param minBackoff wait before the first retry after a failed attempt
 * @param maxBackoff the longest wait between attempts
 * @param backoffFactor growth of the wait per failed attempt
 * @param maxAttempts attempts in a row without progress before the transfer fails (progress resets the count)
 * @param stallTimeout a response that sends nothing for this long is dropped and retried
 * @param progressInterval the most time between two recorded progress events while data flows
 * @param progressFraction a progress event is also recorded every time this share of the size has arrived
 */
public record TransferOptions(Duration minBackoff, Duration maxBackoff, double backoffFactor, int maxAttempts,
    Duration stallTimeout, Duration progressInterval, double progressFraction) {

  /**
   * Test-only: {@code <minBackoffMillis>,<maxBackoffMillis>,<maxAttempts>} instead of boost's retry schedule, so a
   * test can watch a transfer give up on a client that never comes back within seconds rather than an hour.
   */
  public static final String TEST_RETRY = "venus.market.test.transferRetry";

  public TransferOptions {
    if (minBackoff.isNegative() || maxBackoff.compareTo(minBackoff) < 0 || backoffFactor < 1 || maxAttempts < 1
        || stallTimeout.isZero() || stallTimeout.isNegative() || progressFraction <= 0 || progressFraction > 1) {
      throw new IllegalArgumentException("bad transfer options " + this);
    }
  }

  /** boost's http transport: 5 s growing by 1.5 up to 10 min, 15 attempts; 5 min stall; progress every 5 s or 5 %. */
  public static TransferOptions defaults() {
    return new TransferOptions(Duration.ofSeconds(5), Duration.ofMinutes(10), 1.5, 15, Duration.ofMinutes(5),
        Duration.ofSeconds(5), 0.05);
  }

  /**
   * These options with the test hook {@link #TEST_RETRY} applied when it is set in {@code props} (the daemon passes
   * the system properties; nothing sets it outside tests).
   */
  public TransferOptions withTestHooks(Properties props) {
    String retry = props.getProperty(TEST_RETRY, "").trim();
    if (retry.isEmpty()) {
      return this;
    }
    String[] p = retry.split(",");
    if (p.length != 3) {
      throw new IllegalArgumentException(TEST_RETRY + " must be <minBackoffMillis>,<maxBackoffMillis>,<maxAttempts>, "
          + "got " + retry);
    }
    return withBackoff(Duration.ofMillis(Long.parseLong(p[0].trim())), Duration.ofMillis(Long.parseLong(p[1].trim())),
        Integer.parseInt(p[2].trim()));
  }

  public TransferOptions withBackoff(Duration min, Duration max, int attempts) {
    return new TransferOptions(min, max, backoffFactor, attempts, stallTimeout, progressInterval, progressFraction);
  }

  public TransferOptions withStallTimeout(Duration d) {
    return new TransferOptions(minBackoff, maxBackoff, backoffFactor, maxAttempts, d, progressInterval,
        progressFraction);
  }

  public TransferOptions withProgress(Duration interval, double fraction) {
    return new TransferOptions(minBackoff, maxBackoff, backoffFactor, maxAttempts, stallTimeout, interval, fraction);
  }

  /** The wait before retry number {@code attempt} (1 = the first retry). */
  Duration backoff(int attempt) {
    double ms = minBackoff.toMillis() * Math.pow(backoffFactor, Math.max(0, attempt - 1));
    return Duration.ofMillis((long) Math.min(ms, maxBackoff.toMillis()));
  }
}
