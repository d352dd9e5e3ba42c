package venus.market.daemon.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pull whose staging file sits on a full disk: the "file" is Linux's {@code /dev/full}, which answers every write
 * with a real ENOSPC. Unlike a dropped connection this must not be retried (fetching again cannot free the disk):
 * the pull stops after the first request with an error naming the staging file and the OS reason.
 */
class StagingDiskFullTest {
  static final Path FULL = Path.of("/dev/full");
  @TempDir static Path shared;
  static TestCar car;
  static CarHttpServer server;

  @BeforeAll
  static void start() throws Exception {
    car = TestCar.generate(shared, "car", 1 << 20, 5);
    server = new CarHttpServer();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @Test
  void aFullStagingDiskStopsThePullAtOnceNamingTheFile() throws Exception {
    Assumptions.assumeTrue(Files.isWritable(FULL), "needs Linux's /dev/full to produce a real ENOSPC");
    String path = "/deals/" + java.util.UUID.randomUUID();
    server.offers.offer(path, car.car(), HttpPullTest.TOKEN);
    HttpPullSource http = new HttpPullSource(HttpPullSource.newClient(Duration.ofSeconds(5)),
        new TransferRequest(server.url(path), Map.of("Authorization", HttpPullTest.TOKEN)), Duration.ofSeconds(1));
    AtomicInteger requests = new AtomicInteger();
    PullSource source = new PullSource() {
      @Override
      public PullResponse get(long offset) throws IOException, TransferFailedException, InterruptedException {
        requests.incrementAndGet();
        return http.get(offset);
      }

      @Override
      public String describe() {
        return http.describe();
      }

      @Override
      public void close() {
        http.close();
      }
    };
    // Backoff of 20 ms and 4 attempts: if the error were taken for a network failure, it would be retried.
    Throwable e = catchThrowable(() -> new PullTransfer("d", source, FULL, car.size(), HttpPullTest.fast(), b -> { })
        .run(0));
    assertThat(e).isInstanceOf(StagingWriteException.class)
        .hasMessageContaining("writing the staging file " + FULL + " failed after 0 of " + car.size() + " bytes")
        .hasMessageContaining("No space left on device");
    assertThat(requests.get()).as("requests: a full disk is not retried").isEqualTo(1);
  }
}
