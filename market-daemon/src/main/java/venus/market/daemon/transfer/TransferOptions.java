package venus.market.daemon.transfer;

import java.time.Duration;

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
