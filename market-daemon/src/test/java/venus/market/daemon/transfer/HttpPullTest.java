package venus.market.daemon.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link PullTransfer} over {@link HttpPullSource} against a real Jetty server on 127.0.0.1. */
class HttpPullTest {
  static final String TOKEN = "Bearer s3cret-token";
  @TempDir static Path shared;
  @TempDir Path tmp;
  static TestCar car;
  static CarHttpServer server;

  @BeforeAll
  static void start() throws Exception {
    car = TestCar.generate(shared, "car", 3 * 1024 * 1024 + 12345, 7);
    server = new CarHttpServer();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  static TransferOptions fast() {
    return TransferOptions.defaults().withBackoff(Duration.ofMillis(20), Duration.ofMillis(100), 4)
        .withStallTimeout(Duration.ofSeconds(1)).withProgress(Duration.ofMillis(100), 0.05);
  }

  HttpPullSource source(String path, String auth) throws TransferFailedException {
    return new HttpPullSource(HttpPullSource.newClient(Duration.ofSeconds(5)),
        new TransferRequest(server.url(path), auth == null ? Map.of() : Map.of("Authorization", auth)),
        Duration.ofSeconds(1));
  }

  String offer() {
    String path = "/deals/" + java.util.UUID.randomUUID();
    server.offers.offer(path, car.car(), TOKEN);
    return path;
  }

  List<CarOffers.Served> requests(String path) {
    return server.offers.requests().stream().filter(r -> r.path().equals(path)).toList();
  }

  @Test
  void pullsTheWholeCarAndHashesItOnTheWay() throws Exception {
    String path = offer();
    List<Long> progress = new ArrayList<>();
    Path file = tmp.resolve("staged.car");
    PullTransfer.Result r = new PullTransfer("d", source(path, TOKEN), file, car.size(), fast(), progress::add).run(0);
    assertThat(r.bytes()).isEqualTo(car.size());
    assertThat(r.commP()).isEqualTo(car.commP());
    assertThat(Files.mismatch(file, car.car())).isEqualTo(-1);
    assertThat(requests(path)).containsExactly(new CarOffers.Served(path, 0, 200, car.size()));
    // throttled: a handful of records, increasing, each after its bytes were on disk
    assertThat(progress).isSorted().isNotEmpty().hasSizeLessThanOrEqualTo(25);
  }

  @Test
  void theRetryTestHookIsOffUnlessSetAndThenReplacesTheSchedule() {
    assertThat(TransferOptions.defaults().withTestHooks(new java.util.Properties()))
        .isEqualTo(TransferOptions.defaults());
    java.util.Properties hooks = new java.util.Properties();
    hooks.setProperty(TransferOptions.TEST_RETRY, "500, 2000, 5");
    TransferOptions o = TransferOptions.defaults().withTestHooks(hooks);
    assertThat(o.minBackoff()).isEqualTo(Duration.ofMillis(500));
    assertThat(o.maxBackoff()).isEqualTo(Duration.ofSeconds(2));
    assertThat(o.maxAttempts()).isEqualTo(5);
    hooks.setProperty(TransferOptions.TEST_RETRY, "500,5");
    assertThatThrownBy(() -> TransferOptions.defaults().withTestHooks(hooks))
        .hasMessageContaining(TransferOptions.TEST_RETRY);
  }

  @Test
  void aDroppedConnectionResumesWithARangeAndFetchesOnlyTheRest() throws Exception {
    String path = offer();
    long cut = 1_000_000;
    server.offers.dropOnceAfter(cut);
    Path file = tmp.resolve("staged.car");
    PullTransfer.Result r = new PullTransfer("d", source(path, TOKEN), file, car.size(), fast(), b -> { }).run(0);
    assertThat(r.commP()).isEqualTo(car.commP());
    assertThat(Files.mismatch(file, car.car())).isEqualTo(-1);
    List<CarOffers.Served> reqs = requests(path);
    assertThat(reqs).hasSize(2);
    assertThat(reqs.get(0)).isEqualTo(new CarOffers.Served(path, 0, 200, cut));
    assertThat(reqs.get(1)).isEqualTo(new CarOffers.Served(path, cut, 206, car.size() - cut));
  }

  @Test
  void aStalledResponseIsDroppedAndResumed() throws Exception {
    String path = offer();
    server.offers.stallOnceAfter(500_000, Duration.ofSeconds(3));
    Path file = tmp.resolve("staged.car");
    PullTransfer.Result r = new PullTransfer("d", source(path, TOKEN), file, car.size(), fast(), b -> { }).run(0);
    assertThat(r.commP()).isEqualTo(car.commP());
    List<CarOffers.Served> reqs = requests(path);
    assertThat(reqs.get(reqs.size() - 1).rangeStart()).isEqualTo(500_000);
  }

  @Test
  void resumingFromARecordedOffsetRehashesThePrefixAndCutsWhatWasNotRecorded() throws Exception {
    String path = offer();
    Path file = tmp.resolve("staged.car");
    long recorded = 1_234_567;
    // the file holds more than was recorded (written after the last progress record): that tail is not trusted
    try (InputStream in = Files.newInputStream(car.car())) {
      Files.write(file, in.readNBytes((int) recorded + 4096));
    }
    PullTransfer.Result r = new PullTransfer("d", source(path, TOKEN), file, car.size(), fast(), b -> { })
        .run(recorded);
    assertThat(r.commP()).isEqualTo(car.commP());
    assertThat(Files.mismatch(file, car.car())).isEqualTo(-1);
    assertThat(requests(path)).containsExactly(new CarOffers.Served(path, recorded, 206, car.size() - recorded));
  }

  @Test
  void unauthorizedFailsAtOnceWithTheReason() throws Exception {
    String path = offer();
    Path file = tmp.resolve("staged.car");
    assertThatThrownBy(() -> new PullTransfer("d", source(path, "Bearer wrong"), file, car.size(), fast(), b -> { })
        .run(0)).isInstanceOf(TransferFailedException.class).hasMessageContaining("HTTP 401")
        .hasMessageContaining("transfer token").hasMessageNotContaining("wrong");
    assertThat(requests(path)).hasSize(1);
  }

  @Test
  void notFoundFailsAtOnceWithTheReason() throws Exception {
    Path file = tmp.resolve("staged.car");
    assertThatThrownBy(() -> new PullTransfer("d", source("/deals/nope", TOKEN), file, car.size(), fast(), b -> { })
        .run(0)).isInstanceOf(TransferFailedException.class).hasMessageContaining("HTTP 404")
        .hasMessageContaining(server.url("/deals/nope"));
  }

  @Test
  void aServerWithOtherDataThanDeclaredFails() throws Exception {
    String path = offer();
    Path file = tmp.resolve("staged.car");
    assertThatThrownBy(() -> new PullTransfer("d", source(path, TOKEN), file, car.size() - 1, fast(), b -> { })
        .run(0)).isInstanceOf(TransferFailedException.class)
        .hasMessageContaining("the server has " + car.size() + " bytes").hasMessageContaining("transfer size of "
            + (car.size() - 1));
  }

  @Test
  void anUnreachableServerFailsAfterTheBoundedAttempts() throws Exception {
    Path file = tmp.resolve("staged.car");
    HttpPullSource dead = new HttpPullSource(HttpPullSource.newClient(Duration.ofSeconds(2)),
        new TransferRequest("http://127.0.0.1:1/deals/x", Map.of()), Duration.ofSeconds(1));
    assertThatThrownBy(() -> new PullTransfer("d", dead, file, car.size(), fast(), b -> { }).run(0))
        .isInstanceOf(TransferFailedException.class).hasMessageContaining("after 4 attempts without progress")
        .hasMessageContaining("cannot connect to the client's data server at 127.0.0.1:1")
        .hasMessageContaining("is it running?").hasMessageNotContaining("null");
  }

  @Test
  void aServerWithoutRangeSupportIsResumedBySkippingWhatIsStaged() throws Exception {
    String path = offer();
    server.offers.ignoreRange = true;
    try {
      server.offers.dropOnceAfter(800_000);
      Path file = tmp.resolve("staged.car");
      PullTransfer.Result r = new PullTransfer("d", source(path, TOKEN), file, car.size(), fast(), b -> { }).run(0);
      assertThat(r.commP()).isEqualTo(car.commP());
      assertThat(Files.mismatch(file, car.car())).isEqualTo(-1);
      assertThat(requests(path)).containsExactly(new CarOffers.Served(path, 0, 200, 800_000),
          new CarOffers.Served(path, 0, 200, car.size()));
    } finally {
      server.offers.ignoreRange = false;
    }
  }
}
