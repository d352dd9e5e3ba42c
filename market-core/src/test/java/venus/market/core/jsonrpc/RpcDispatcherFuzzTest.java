package venus.market.core.jsonrpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import venus.market.core.json.LotusJson;

/**
 * Any request body must produce a reply (or none, for notifications) and never an exception: a
 * hostile client must not be able to make the dispatcher throw. Replays
 * RpcDispatcherFuzzTestInputs/ in a normal build; fuzz with {@code JAZZER_FUZZ=1 mvn -pl
 * market-core test -Dtest=RpcDispatcherFuzzTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class RpcDispatcherFuzzTest {
  record Point(long x, long y) {}

  private static final RpcDispatcher DISPATCHER = dispatcher();

  private static RpcDispatcher dispatcher() {
    RpcRegistry registry = new RpcRegistry();
    registry
        .namespace("Filecoin")
        .method2("Add", Permission.READ, long.class, long.class, (Long a, Long b) -> a + b)
        .method1("Echo", Permission.READ, String.class, (String s) -> s)
        .method1("Point", Permission.READ, Point.class, (Point p) -> p)
        .method1("Many", Permission.READ, List.class, (List<?> l) -> l.size())
        .method("Admin", Permission.ADMIN, call -> "no");
    return new RpcDispatcher(registry, LotusJson.mapper());
  }

  @FuzzTest(maxDuration = "10s")
  void neverThrowsAndAlwaysAnswersRequests(byte[] input) {
    String body = new String(input, StandardCharsets.UTF_8);
    RpcDispatcher.Reply reply = DISPATCHER.dispatch(body, Set.of(Permission.READ), null);
    if (reply.body() == null) {
      return; // notifications only
    }
    JsonNode b = reply.body();
    for (JsonNode one : b.isArray() ? b : List.of(b)) {
      assertThat(one.has("result") ^ one.has("error")).as("result xor error in %s", one).isTrue();
      assertThat(one.has("id")).isTrue();
    }
  }
}
