package venus.market.core.amount;

import java.time.Duration;
import java.time.Instant;

/**
 * Chain epochs (go-state-types abi.ChainEpoch, an int64): one every 30 seconds (BlockDelaySecs), 2880 a day.
 * Conversions truncate toward zero like lotus's {@code abi.ChainEpoch(d / (30 * time.Second))}.
 */
public final class Epochs {

  public static final long EPOCH_DURATION_SECONDS = 30;
  public static final long EPOCHS_PER_HOUR = 3600 / EPOCH_DURATION_SECONDS;
  public static final long EPOCHS_PER_DAY = 24 * EPOCHS_PER_HOUR;
  /** builtin.EpochsInYear: 365 days. */
  public static final long EPOCHS_PER_YEAR = 365 * EPOCHS_PER_DAY;

  private Epochs() {}

  public static long fromDays(long days) {
    return Math.multiplyExact(days, EPOCHS_PER_DAY);
  }

  /** Whole epochs in {@code duration}, truncated toward zero. */
  public static long fromDuration(Duration duration) {
    return duration.dividedBy(Duration.ofSeconds(EPOCH_DURATION_SECONDS));
  }

  public static Duration toDuration(long epochs) {
    return Duration.ofSeconds(Math.multiplyExact(epochs, EPOCH_DURATION_SECONDS));
  }

  /** Whole days in {@code epochs}, truncated toward zero. */
  public static long toDays(long epochs) {
    return epochs / EPOCHS_PER_DAY;
  }

  /** Parses what {@link Durations#parse} accepts and converts it to whole epochs ("180 days" → 518400). */
  public static long parseDuration(String text) {
    return fromDuration(Durations.parse(text));
  }

  /** The wall-clock start of {@code epoch} on a chain whose genesis block is at {@code genesis}. */
  public static Instant timeOf(long epoch, Instant genesis) {
    return genesis.plus(toDuration(epoch));
  }

  /** The epoch in progress at {@code time} (floor; negative before genesis). */
  public static long epochAt(Instant time, Instant genesis) {
    return Math.floorDiv(Duration.between(genesis, time).getSeconds(), EPOCH_DURATION_SECONDS);
  }

  /** Lotus's "approximate remaining time" text for {@code epochs} ("719h59m0s"). */
  public static String formatDuration(long epochs) {
    return Durations.format(toDuration(epochs));
  }
}
