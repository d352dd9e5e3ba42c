package venus.market.daemon.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import venus.market.core.MarketException;
import venus.market.core.jsonrpc.RpcRemoteException;
import venus.market.core.jsonrpc.RpcTransportException;

class RetryTest {
  final List<Duration> waits = new ArrayList<>();
  final Retry retry = new Retry(Duration.ofMillis(500), Duration.ofSeconds(2), 5, waits::add);

  @Test
  void retriesTransportFailuresWithCappedBackoff() {
    AtomicInteger calls = new AtomicInteger();
    String r = retry.run("ChainHead", () -> {
      if (calls.incrementAndGet() < 5) {
        throw new RpcTransportException("connection refused");
      }
      return "ok";
    });
    assertThat(r).isEqualTo("ok");
    assertThat(waits).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2),
        Duration.ofSeconds(2));
  }

  @Test
  void givesUpAfterTheLastAttemptNamingTheCall() {
    assertThatThrownBy(() -> retry.run("ChainHead", () -> {
      throw new RpcTransportException("connection refused");
    })).isInstanceOf(MarketException.class).hasMessageContaining("ChainHead failed after 5 attempts")
        .hasMessageContaining("connection refused");
  }

  @Test
  void doesNotRetryErrorsTheServiceReturned() {
    AtomicInteger calls = new AtomicInteger();
    assertThatThrownBy(() -> retry.run("StateMinerInfo", () -> {
      calls.incrementAndGet();
      throw new RpcRemoteException(1, "actor not found");
    })).isInstanceOf(RpcRemoteException.class);
    assertThat(calls).hasValue(1);
    assertThat(waits).isEmpty();
  }
}
