package venus.market.core.jsonrpc;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A small API served by the tests: one method per permission, failing methods and two channel
 * methods.
 */
final class TestApi implements AutoCloseable {
  static final byte[] SECRET =
      "test-secret-for-the-rpc-unit-tests".getBytes(StandardCharsets.UTF_8);

  record Point(int X, int Y) {}

  final JwtTokens tokens = new JwtTokens(SECRET);
  final RpcRegistry registry = new RpcRegistry();

  /** Sinks of open "Ticks" subscriptions, for the test to push into. */
  final BlockingQueue<ChannelSink> tickSinks = new LinkedBlockingQueue<>();

  final CountDownLatch tickCancelled = new CountDownLatch(1);
  final RpcServer server;

  TestApi(RpcAuthPolicy policy) throws Exception {
    registry
        .namespace("Filecoin")
        .method("Version", Permission.READ, call -> "test-1.0")
        .method1("Echo", Permission.READ, String.class, (String s) -> s)
        .method2("Add", Permission.READ, long.class, long.class, (Long a, Long b) -> a + b)
        .method1("Flip", Permission.READ, Point.class, (Point p) -> new Point(p.Y(), p.X()))
        .methodOptional(
            "Greet",
            Permission.READ,
            1,
            List.of(String.class, String.class),
            call -> call.<String>param(0) + (call.param(1) == null ? "" : " " + call.<String>param(1)))
        .method1(
            "Sum",
            Permission.READ,
            new TypeReference<List<Integer>>() {}.getType(),
            (List<Integer> xs) -> xs.stream().mapToInt(Integer::intValue).sum())
        .method(
            "Perms",
            Permission.READ,
            call -> call.permissions().stream().map(Permission::wireName).sorted().toList())
        .method("Write", Permission.WRITE, call -> "wrote")
        .method("Sign", Permission.SIGN, call -> "signed")
        .method("Admin", Permission.ADMIN, call -> "admin")
        .method(
            "Fail",
            Permission.READ,
            call -> {
              throw new IllegalStateException("deal 42 not found");
            })
        .method("Void", Permission.READ, call -> null)
        .channel(
            "Count",
            Permission.READ,
            List.of(int.class),
            (call, sink) -> {
              int n = call.param(0);
              for (int i = 1; i <= n; i++) {
                sink.send(i);
              }
              sink.close();
              return () -> {};
            })
        .channel(
            "Ticks",
            Permission.READ,
            (call, sink) -> {
              sink.send(new Point(0, 0));
              tickSinks.add(sink);
              return tickCancelled::countDown;
            })
        .channel(
            "BadChannel",
            Permission.READ,
            (call, sink) -> {
              throw new IllegalArgumentException("no such tipset");
            });
    registry
        .namespace("VENUS_MARKET")
        .method("MarketListDeals", Permission.WRITE, call -> List.of());
    server =
        RpcServer.builder()
            .endpoint("/rpc/v0", registry)
            .endpoint("/rpc/v1", registry)
            .auth(policy)
            .build()
            .start();
  }

  static TestApi lotusDefault() throws Exception {
    return new TestApi(RpcAuthPolicy.lotusDefault(new JwtTokens(SECRET)));
  }

  String http(String version) {
    return "http://127.0.0.1:" + server.port() + "/rpc/" + version;
  }

  String ws(String version) {
    return "ws://127.0.0.1:" + server.port() + "/rpc/" + version;
  }

  static ObjectMapper mapper() {
    return new ObjectMapper();
  }

  @Override
  public void close() throws Exception {
    server.close();
  }
}
