package venus.market.core.amount;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EpochsTest {

  @Test
  void constantsMatchFilecoin() {
    assertThat(Epochs.EPOCHS_PER_DAY).isEqualTo(2880);
    assertThat(Epochs.EPOCHS_PER_HOUR).isEqualTo(120);
    assertThat(Epochs.EPOCHS_PER_YEAR).isEqualTo(1_051_200);
    assertThat(Epochs.fromDays(180)).isEqualTo(518_400);
    assertThat(Epochs.fromDays(1278)).isEqualTo(3_680_640);
    assertThat(Epochs.toDays(520_205)).isEqualTo(180);
  }

  @Test
  void convertsDurationsTruncatingTowardZero() {
    assertThat(Epochs.fromDuration(Duration.ofSeconds(59))).isEqualTo(1);
    assertThat(Epochs.fromDuration(Duration.ofSeconds(-59))).isEqualTo(-1);
    assertThat(Epochs.toDuration(86_400)).isEqualTo(Duration.ofHours(720));
    assertThat(Epochs.parseDuration("180 days")).isEqualTo(518_400);
    assertThat(Epochs.parseDuration("720h")).isEqualTo(86_400);
    assertThat(Epochs.parseDuration("2880 epochs")).isEqualTo(2880);
  }

  @Test
  void mapsEpochsToWallClock() {
    Instant genesis = Instant.ofEpochSecond(1_598_306_400L);
    assertThat(Epochs.timeOf(2, genesis)).isEqualTo(genesis.plusSeconds(60));
    assertThat(Epochs.epochAt(genesis.plusSeconds(89), genesis)).isEqualTo(2);
    assertThat(Epochs.epochAt(genesis.minusSeconds(1), genesis)).isEqualTo(-1);
  }

  @Test
  void formatsLikeGoDurationString() {
    // The seed guide's get-ask "Expiry (Appx. Rem. Time)" and client deal "Duration" columns.
    assertThat(Epochs.formatDuration(86_398)).isEqualTo("719h59m0s");
    assertThat(Durations.format(Duration.ofDays(180))).isEqualTo("4320h0m0s");
    assertThat(Durations.format(Duration.ZERO)).isEqualTo("0s");
    assertThat(Durations.format(Duration.ofSeconds(90))).isEqualTo("1m30s");
    assertThat(Durations.format(Duration.ofSeconds(60))).isEqualTo("1m0s");
    assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1.5s");
    assertThat(Durations.format(Duration.ofMillis(-7_200_000))).isEqualTo("-2h0m0s");
    assertThat(Durations.format(Duration.ofNanos(1_500_000))).isEqualTo("1.5ms");
    assertThat(Durations.format(Duration.ofNanos(2_000))).isEqualTo("2µs");
    assertThat(Durations.format(Duration.ofNanos(999))).isEqualTo("999ns");
    assertThat(Durations.format(Duration.ofSeconds(3601, 5))).isEqualTo("1h0m1.000000005s");
    assertThatThrownBy(() -> Durations.format(Duration.ofDays(200 * 365 * 3L)))
        .isInstanceOf(AmountException.class);
  }

  @Test
  void parsesGoDurationsAndDays() {
    assertThat(Durations.parse("720h")).isEqualTo(Duration.ofHours(720));
    assertThat(Durations.parse("4320h0m0s")).isEqualTo(Duration.ofDays(180));
    assertThat(Durations.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(Durations.parse("1.5h")).isEqualTo(Duration.ofMinutes(90));
    assertThat(Durations.parse("-5m")).isEqualTo(Duration.ofMinutes(-5));
    assertThat(Durations.parse("+5s")).isEqualTo(Duration.ofSeconds(5));
    assertThat(Durations.parse("300ms")).isEqualTo(Duration.ofMillis(300));
    assertThat(Durations.parse("1us")).isEqualTo(Duration.ofNanos(1000));
    assertThat(Durations.parse("1µs")).isEqualTo(Duration.ofNanos(1000));
    assertThat(Durations.parse("0")).isEqualTo(Duration.ZERO);
    assertThat(Durations.parse("180 days")).isEqualTo(Duration.ofDays(180));
    assertThat(Durations.parse("180d")).isEqualTo(Duration.ofDays(180));
    assertThat(Durations.parse("1 day")).isEqualTo(Duration.ofDays(1));
    assertThat(Durations.parse(" 180 Days ")).isEqualTo(Duration.ofDays(180));
    for (String bad : new String[] {"", "5", "h", "1x", "1h 30m", ".h", "1.5 days", "-", "1hh", "3000000h0m"}) {
      assertThatThrownBy(() -> Durations.parse(bad)).as(bad).isInstanceOf(AmountException.class);
    }
  }
}
