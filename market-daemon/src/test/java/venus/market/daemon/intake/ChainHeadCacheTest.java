package venus.market.daemon.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ChainHeadCacheTest {
  @Test
  void theNodeIsAskedAgainOnlyAfterASecond() {
    AtomicLong calls = new AtomicLong();
    AtomicLong clock = new AtomicLong(5_000_000_000L);
    ChainHeadCache c = new ChainHeadCache(() -> 100 + calls.incrementAndGet(), clock::get);
    assertThat(c.height()).isEqualTo(101);
    clock.addAndGet(999_000_000L);
    assertThat(c.height()).isEqualTo(101);
    assertThat(calls).hasValue(1);
    clock.addAndGet(2_000_000L);
    assertThat(c.height()).isEqualTo(102);
    assertThat(calls).hasValue(2);
  }
}
