package venus.market.core.jsonrpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RpcWebSocketTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(20);
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private TestApi api;

  @BeforeEach
  void start() throws Exception {
    api = TestApi.lotusDefault();
  }

  @AfterEach
  void stop() throws Exception {
    api.close();
  }

  private RpcWsClient connect(String token) {
    return RpcWsClient.connect(URI.create(api.ws("v1")), token, MAPPER, TIMEOUT);
  }

  /** Collects channel values and the close, for the test thread to wait on. */
  private static final class Collector<T> implements ChannelListener<T> {
    final BlockingQueue<T> values = new LinkedBlockingQueue<>();
    final CountDownLatch closed = new CountDownLatch(1);

    @Override
    public void onValue(T value) {
      values.add(value);
    }

    @Override
    public void onClose() {
      closed.countDown();
    }

    T next() throws InterruptedException {
      T v = values.poll(20, TimeUnit.SECONDS);
      assertThat(v).as("a channel value").isNotNull();
      return v;
    }

    void awaitClose() throws InterruptedException {
      assertThat(closed.await(20, TimeUnit.SECONDS)).as("channel closed").isTrue();
    }
  }

  @Test
  void callsOverWebsocket() {
    try (RpcWsClient c = connect(api.tokens.create(Permission.WRITE))) {
      assertThat(c.call("Filecoin.Add", Long.class, 40, 2)).isEqualTo(42L);
      assertThat(c.call("Filecoin.Write", String.class)).isEqualTo("wrote");
      assertThatThrownBy(() -> c.call("Filecoin.Admin", String.class))
          .isInstanceOf(RpcPermissionException.class)
          .hasMessageContaining("need 'admin'");
      assertThatThrownBy(() -> c.call("Filecoin.Nope", String.class))
          .isInstanceOf(RpcMethodNotFoundException.class);
      assertThatThrownBy(() -> c.call("Filecoin.Add", Long.class, 1))
          .isInstanceOf(RpcInvalidParamsException.class);
      assertThatThrownBy(() -> c.call("Filecoin.Fail", String.class))
          .isInstanceOf(RpcRemoteException.class)
          .hasMessage("deal 42 not found");
    }
  }

  @Test
  void anonymousWebsocketIsReadOnly() {
    try (RpcWsClient c = connect(null)) {
      assertThat(c.call("Filecoin.Version", String.class)).isEqualTo("test-1.0");
      assertThatThrownBy(() -> c.call("Filecoin.Write", String.class))
          .isInstanceOf(RpcPermissionException.class);
    }
  }

  @Test
  void upgradeWithForgedOrExpiredTokenIsRefused() {
    String forged = new JwtTokens("another-secret".getBytes()).create(Permission.READ);
    assertThatThrownBy(() -> connect(forged))
        .isInstanceOf(RpcUnauthorizedException.class)
        .hasMessageContaining("401");
    String expired =
        api.tokens.createAllow(
            Permission.READ.andLower(), java.time.Instant.now().minusSeconds(60));
    assertThatThrownBy(() -> connect(expired)).isInstanceOf(RpcUnauthorizedException.class);
  }

  @Test
  void tokenInQueryIsAcceptedOnUpgrade() {
    URI uri = URI.create(api.ws("v1") + "?token=" + api.tokens.create(Permission.SIGN));
    try (RpcWsClient c = RpcWsClient.connect(uri, null, MAPPER, TIMEOUT)) {
      assertThat(c.call("Filecoin.Sign", String.class)).isEqualTo("signed");
    }
  }

  @Test
  void finiteChannelDeliversValuesThenCloses() throws Exception {
    try (RpcWsClient c = connect(null)) {
      Collector<Integer> got = new Collector<>();
      RpcSubscription sub = c.subscribe("Filecoin.Count", Integer.class, got, 3);
      assertThat(sub.channelId()).isPositive();
      assertThat(List.of(got.next(), got.next(), got.next())).containsExactly(1, 2, 3);
      got.awaitClose();
      assertThat(sub.isClosed()).isTrue();
      assertThat(got.values).isEmpty();
    }
  }

  @Test
  void cancellingASubscriptionStopsTheServerSide() throws Exception {
    try (RpcWsClient c = connect(null)) {
      Collector<TestApi.Point> got = new Collector<>();
      RpcSubscription sub = c.subscribe("Filecoin.Ticks", TestApi.Point.class, got);
      assertThat(got.next()).isEqualTo(new TestApi.Point(0, 0));
      ChannelSink sink = api.tickSinks.poll(20, TimeUnit.SECONDS);
      assertThat(sink).isNotNull();
      assertThat(sink.send(new TestApi.Point(1, 2))).isTrue();
      assertThat(got.next()).isEqualTo(new TestApi.Point(1, 2));

      sub.close();
      assertThat(api.tickCancelled.await(20, TimeUnit.SECONDS)).as("server hook ran").isTrue();
      got.awaitClose();
      assertThat(sink.isClosed()).isTrue();
      assertThat(sink.send(new TestApi.Point(3, 4))).isFalse();
      // The connection stays usable.
      assertThat(c.call("Filecoin.Version", String.class)).isEqualTo("test-1.0");
    }
  }

  @Test
  void droppingTheConnectionStopsServerChannels() throws Exception {
    RpcWsClient c = connect(null);
    Collector<TestApi.Point> got = new Collector<>();
    c.subscribe("Filecoin.Ticks", TestApi.Point.class, got);
    assertThat(got.next()).isEqualTo(new TestApi.Point(0, 0));
    c.close();
    got.awaitClose();
    assertThat(api.tickCancelled.await(20, TimeUnit.SECONDS)).isTrue();
    assertThatThrownBy(() -> c.call("Filecoin.Version", String.class))
        .isInstanceOf(RpcTransportException.class);
  }

  @Test
  void channelMethodErrorsAreReturnedAsErrors() {
    try (RpcWsClient c = connect(null)) {
      assertThatThrownBy(() -> c.subscribe("Filecoin.BadChannel", Object.class, v -> {}))
          .isInstanceOf(RpcRemoteException.class)
          .hasMessage("no such tipset");
    }
  }

  /** Raw frames, to pin the go-jsonrpc wire shape that Go clients depend on. */
  @Test
  void wireFramesMatchGoJsonrpc() throws Exception {
    BlockingQueue<String> frames = new LinkedBlockingQueue<>();
    WebSocket ws =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .buildAsync(
                URI.create(api.ws("v0")),
                new WebSocket.Listener() {
                  private final StringBuilder sb = new StringBuilder();

                  @Override
                  public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                    sb.append(data);
                    if (last) {
                      frames.add(sb.toString());
                      sb.setLength(0);
                    }
                    w.request(1);
                    return null;
                  }
                })
            .get(20, TimeUnit.SECONDS);
    try {
      ws.sendText(
              "{\"jsonrpc\":\"2.0\",\"method\":\"Filecoin.Count\",\"params\":[2],\"id\":5}", true)
          .get(20, TimeUnit.SECONDS);
      List<JsonNode> got = new CopyOnWriteArrayList<>();
      for (int i = 0; i < 4; i++) {
        String f = frames.poll(20, TimeUnit.SECONDS);
        assertThat(f).isNotNull();
        got.add(MAPPER.readTree(f));
      }
      assertThat(got.get(0))
          .isEqualTo(MAPPER.readTree("{\"jsonrpc\":\"2.0\",\"result\":1,\"id\":5}"));
      assertThat(got.get(1))
          .isEqualTo(
              MAPPER.readTree("{\"jsonrpc\":\"2.0\",\"method\":\"xrpc.ch.val\",\"params\":[1,1]}"));
      assertThat(got.get(2))
          .isEqualTo(
              MAPPER.readTree("{\"jsonrpc\":\"2.0\",\"method\":\"xrpc.ch.val\",\"params\":[1,2]}"));
      assertThat(got.get(3))
          .isEqualTo(
              MAPPER.readTree("{\"jsonrpc\":\"2.0\",\"method\":\"xrpc.ch.close\",\"params\":[1]}"));

      // A second channel on the same connection gets the next id; xrpc.cancel [requestId] ends it.
      ws.sendText(
              "{\"jsonrpc\":\"2.0\",\"method\":\"Filecoin.Ticks\",\"params\":[],\"id\":\"sub\"}",
              true)
          .get(20, TimeUnit.SECONDS);
      assertThat(MAPPER.readTree(frames.poll(20, TimeUnit.SECONDS)))
          .isEqualTo(MAPPER.readTree("{\"jsonrpc\":\"2.0\",\"result\":2,\"id\":\"sub\"}"));
      assertThat(MAPPER.readTree(frames.poll(20, TimeUnit.SECONDS)))
          .isEqualTo(
              MAPPER.readTree(
                  "{\"jsonrpc\":\"2.0\",\"method\":\"xrpc.ch.val\",\"params\":[2,{\"X\":0,\"Y\":0}]}"));
      ws.sendText("{\"jsonrpc\":\"2.0\",\"method\":\"xrpc.cancel\",\"params\":[\"sub\"]}", true)
          .get(20, TimeUnit.SECONDS);
      assertThat(MAPPER.readTree(frames.poll(20, TimeUnit.SECONDS)))
          .isEqualTo(
              MAPPER.readTree("{\"jsonrpc\":\"2.0\",\"method\":\"xrpc.ch.close\",\"params\":[2]}"));

      // Malformed frames get a parse error and do not kill the connection.
      ws.sendText("{nope", true).get(20, TimeUnit.SECONDS);
      assertThat(
              MAPPER.readTree(frames.poll(20, TimeUnit.SECONDS)).path("error").path("code").asInt())
          .isEqualTo(-32700);
      ws.sendText("{\"jsonrpc\":\"2.0\",\"method\":\"Filecoin.Version\",\"id\":9}", true)
          .get(20, TimeUnit.SECONDS);
      assertThat(MAPPER.readTree(frames.poll(20, TimeUnit.SECONDS)))
          .isEqualTo(MAPPER.readTree("{\"jsonrpc\":\"2.0\",\"result\":\"test-1.0\",\"id\":9}"));
    } finally {
      ws.abort();
    }
  }

  @Test
  void concurrentCallsOnOneConnectionGetTheirOwnReplies() throws Exception {
    try (RpcWsClient c = connect(null)) {
      java.util.concurrent.ExecutorService pool =
          java.util.concurrent.Executors.newFixedThreadPool(8);
      try {
        List<java.util.concurrent.Future<Long>> results = new java.util.ArrayList<>();
        for (int i = 0; i < 200; i++) {
          long a = i;
          results.add(pool.submit(() -> c.call("Filecoin.Add", Long.class, a, 1000)));
        }
        for (int i = 0; i < results.size(); i++) {
          assertThat(results.get(i).get(20, TimeUnit.SECONDS)).isEqualTo(i + 1000L);
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }
}
