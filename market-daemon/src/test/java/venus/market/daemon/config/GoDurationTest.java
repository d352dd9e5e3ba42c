package venus.market.daemon.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class GoDurationTest {
  @Test
  void formatsLikeGo() {
    assertThat(GoDuration.format(Duration.ZERO)).isEqualTo("0s");
    assertThat(GoDuration.format(Duration.ofHours(24))).isEqualTo("24h0m0s");
    assertThat(GoDuration.format(Duration.ofSeconds(10))).isEqualTo("10s");
    assertThat(GoDuration.format(Duration.ofMinutes(1))).isEqualTo("1m0s");
    assertThat(GoDuration.format(Duration.ofSeconds(719 * 3600 + 59 * 60))).isEqualTo("719h59m0s");
    assertThat(GoDuration.format(Duration.ofMillis(1500))).isEqualTo("1.5s");
    assertThat(GoDuration.format(Duration.ofMillis(500))).isEqualTo("500ms");
    assertThat(GoDuration.format(Duration.ofNanos(1500))).isEqualTo("1.5µs");
    assertThat(GoDuration.format(Duration.ofSeconds(-90))).isEqualTo("-1m30s");
  }

  @Test
  void parsesGoSyntax() {
    assertThat(GoDuration.parse("10s")).contains(Duration.ofSeconds(10));
    assertThat(GoDuration.parse("1h0m0s")).contains(Duration.ofHours(1));
    assertThat(GoDuration.parse("1m")).contains(Duration.ofMinutes(1));
    assertThat(GoDuration.parse("1.5h")).contains(Duration.ofMinutes(90));
    assertThat(GoDuration.parse("300ms")).contains(Duration.ofMillis(300));
    assertThat(GoDuration.parse("0")).contains(Duration.ZERO);
    assertThat(GoDuration.parse("-2s")).contains(Duration.ofSeconds(-2));
  }

  @Test
  void rejectsNonDurations() {
    assertThat(GoDuration.parse("")).isEmpty();
    assertThat(GoDuration.parse("10")).isEmpty();
    assertThat(GoDuration.parse("10x")).isEmpty();
    assertThat(GoDuration.parse("s")).isEmpty();
    assertThat(GoDuration.parse("1h 2m")).isEmpty();
    assertThat(GoDuration.parse("99999999999999h")).isEmpty();
  }

  @Test
  void roundTrips() {
    for (String s : new String[] {"24h0m0s", "336h0m0s", "1h0m0s", "10s", "30s", "1m0s", "1.25s"}) {
      assertThat(GoDuration.format(GoDuration.parse(s).orElseThrow())).isEqualTo(s);
    }
  }
}
