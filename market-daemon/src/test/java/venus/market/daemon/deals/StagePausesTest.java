package venus.market.daemon.deals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import venus.market.core.storagemarket.StorageDealStatus;

/** The crash tests' hook that holds a deal in a state: parsed by Go state name, off when unset. */
class StagePausesTest {
  @Test
  void parsesStatesByTheirGoNames() {
    assertThat(StagePauses.parse("StorageDealVerifyData=60000, StorageDealStaged=250").pauses()).isEqualTo(Map.of(
        StorageDealStatus.VERIFY_DATA, Duration.ofMinutes(1), StorageDealStatus.STAGED, Duration.ofMillis(250)));
  }

  @Test
  void unsetMeansNoPause() {
    assertThat(StagePauses.parse("")).isEqualTo(StagePauses.NONE);
    assertThat(System.getProperty(StagePauses.PROPERTY)).isNull();
    assertThat(StagePauses.fromSystemProperties()).isEqualTo(StagePauses.NONE);
  }

  @Test
  void aBadEntryNamesTheProperty() {
    assertThatThrownBy(() -> StagePauses.parse("VerifyData=5")).hasMessageContaining(StagePauses.PROPERTY)
        .hasMessageContaining("VerifyData=5");
    assertThatThrownBy(() -> StagePauses.parse("StorageDealStaged")).hasMessageContaining(StagePauses.PROPERTY);
  }
}
