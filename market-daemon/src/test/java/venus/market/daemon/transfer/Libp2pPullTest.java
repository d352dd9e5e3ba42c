package venus.market.daemon.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import venus.market.p2p.crypto.Ed25519;
import venus.market.p2p.host.Host;
import venus.market.p2p.host.HostConfig;
import venus.market.p2p.multiaddr.Multiaddr;

/** boost's "libp2p" transfer between two market-p2p hosts on loopback: HTTP/1.1 over /fil/storage/transfer/1.0.0. */
class Libp2pPullTest {
  @TempDir static Path shared;
  @TempDir Path tmp;
  static TestCar car;
  static Libp2pCarServer server;
  static Host provider;

  @BeforeAll
  static void start() throws Exception {
    car = TestCar.generate(shared, "car", 1536 * 1024 + 77, 11);
    server = new Libp2pCarServer();
    provider = new Host(HostConfig.defaults(Ed25519.generate())
        .withListenAddrs(List.of(Multiaddr.parse("/ip4/127.0.0.1/tcp/0"))));
    provider.start();
  }

  @AfterAll
  static void stop() {
    provider.close();
    server.close();
  }

  Libp2pPullSource source(String token) throws TransferFailedException {
    return new Libp2pPullSource(provider, new TransferRequest(server.url(),
        Map.of("Authorization", Libp2pCarServer.basic(token))), Duration.ofSeconds(5));
  }

  List<CarOffers.Served> requests(String token) {
    return server.offers.requests().stream().filter(r -> r.path().equals(token)).toList();
  }

  @Test
  void pullsTheCarOverALibp2pStream() throws Exception {
    String token = java.util.UUID.randomUUID().toString();
    server.offer(token, car.car());
    Path file = tmp.resolve("staged.car");
    PullTransfer.Result r = new PullTransfer("d", source(token), file, car.size(), HttpPullTest.fast(), b -> { })
        .run(0);
    assertThat(r.commP()).isEqualTo(car.commP());
    assertThat(Files.mismatch(file, car.car())).isEqualTo(-1);
    assertThat(requests(token)).containsExactly(new CarOffers.Served(token, 0, 200, car.size()));
  }

  @Test
  void aResetStreamResumesWithARangeOnANewStream() throws Exception {
    String token = java.util.UUID.randomUUID().toString();
    server.offer(token, car.car());
    server.offers.dropOnceAfter(700_000);
    Path file = tmp.resolve("staged.car");
    PullTransfer.Result r = new PullTransfer("d", source(token), file, car.size(), HttpPullTest.fast(), b -> { })
        .run(0);
    assertThat(r.commP()).isEqualTo(car.commP());
    List<CarOffers.Served> reqs = requests(token);
    assertThat(reqs).hasSize(2);
    long got = reqs.get(1).rangeStart();
    // the reset may cut bytes still in flight, never add any: the retry asks for exactly what is missing
    assertThat(got).isLessThanOrEqualTo(700_000).isPositive();
    assertThat(reqs.get(1).served()).isEqualTo(car.size() - got);
    assertThat(Files.mismatch(file, car.car())).isEqualTo(-1);
  }

  @Test
  void anUnknownTokenIsRefusedWith401() throws Exception {
    Path file = tmp.resolve("staged.car");
    assertThatThrownBy(() -> new PullTransfer("d", source("not-a-token"), file, car.size(), HttpPullTest.fast(),
        b -> { }).run(0)).isInstanceOf(TransferFailedException.class).hasMessageContaining("HTTP 401");
  }

  @Test
  void aPeerThatDoesNotServeTheProtocolIsAClearFailure() throws Exception {
    try (Host other = new Host(HostConfig.defaults(Ed25519.generate())
        .withListenAddrs(List.of(Multiaddr.parse("/ip4/127.0.0.1/tcp/0"))))) {
      other.start();
      String url = Libp2pPullSource.SCHEME_PREFIX + other.listenAddrs().get(0).withPeerId(other.peerId());
      Libp2pPullSource src = new Libp2pPullSource(provider, new TransferRequest(url, Map.of()), Duration.ofSeconds(5));
      assertThatThrownBy(() -> new PullTransfer("d", src, tmp.resolve("x.car"), car.size(), HttpPullTest.fast(),
          b -> { }).run(0)).isInstanceOf(TransferFailedException.class)
          .hasMessageContaining("does not serve /fil/storage/transfer/1.0.0");
    }
  }

  @Test
  void urlsWithoutAPeerIdAreRefused() {
    assertThatThrownBy(() -> new Libp2pPullSource(provider,
        new TransferRequest("libp2p:///ip4/127.0.0.1/tcp/1234", Map.of()), Duration.ofSeconds(1)))
        .isInstanceOf(TransferFailedException.class).hasMessageContaining("has no /p2p/<peer id>");
  }
}
