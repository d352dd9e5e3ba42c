package venus.market.core.jsonrpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RpcHttpTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(20);
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static TestApi api;

  @BeforeAll
  static void start() throws Exception {
    api = TestApi.lotusDefault();
  }

  @AfterAll
  static void stop() throws Exception {
    api.close();
  }

  private static RpcClient client(String token) {
    return new RpcClient(URI.create(api.http("v1")), token, MAPPER, TIMEOUT);
  }

  private static HttpResponse<String> post(String path, String body, String authHeader)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.server.port() + path))
            .timeout(TIMEOUT)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (authHeader != null) {
      b.header("Authorization", authHeader);
    }
    return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void typedCallsDecodeParamsAndResults() {
    RpcClient c = client(null);
    assertThat(c.call("Filecoin.Version", String.class)).isEqualTo("test-1.0");
    assertThat(c.call("Filecoin.Echo", String.class, "héllo")).isEqualTo("héllo");
    assertThat(c.call("Filecoin.Add", Long.class, 40, 2)).isEqualTo(42L);
    assertThat(c.call("Filecoin.Flip", TestApi.Point.class, new TestApi.Point(1, 2)))
        .isEqualTo(new TestApi.Point(2, 1));
    assertThat(c.call("Filecoin.Sum", Integer.class, List.of(1, 2, 3))).isEqualTo(6);
    assertThat(c.call("Filecoin.Void", Void.class)).isNull();
    assertThat(c.call("Filecoin.Perms", new TypeReference<List<String>>() {}))
        .containsExactly("read");
  }

  @Test
  void bothPathsServeTheRegistry() {
    RpcClient v0 = new RpcClient(URI.create(api.http("v0")), null, MAPPER, TIMEOUT);
    assertThat(v0.call("Filecoin.Version", String.class)).isEqualTo("test-1.0");
  }

  @Test
  void anonymousCallerMayOnlyRead() {
    assertThatThrownBy(() -> client(null).call("Filecoin.Write", String.class))
        .isInstanceOf(RpcPermissionException.class)
        .hasMessage("missing permission to invoke 'Write' (need 'write')");
    assertThatThrownBy(() -> client(null).call("VENUS_MARKET.MarketListDeals", JsonNode.class))
        .isInstanceOf(RpcPermissionException.class)
        .hasMessageContaining("'MarketListDeals' (need 'write')");
  }

  @Test
  void allowListTokensGrantExactlyTheirPermissions() {
    RpcClient read = client(api.tokens.create(Permission.READ));
    assertThat(read.call("Filecoin.Version", String.class)).isEqualTo("test-1.0");
    assertThatThrownBy(() -> read.call("Filecoin.Write", String.class))
        .isInstanceOf(RpcPermissionException.class);

    RpcClient write = client(api.tokens.create(Permission.WRITE));
    assertThat(write.call("Filecoin.Write", String.class)).isEqualTo("wrote");
    assertThat(write.call("VENUS_MARKET.MarketListDeals", new TypeReference<List<Object>>() {}))
        .isEmpty();
    assertThatThrownBy(() -> write.call("Filecoin.Sign", String.class))
        .isInstanceOf(RpcPermissionException.class)
        .hasMessageContaining("need 'sign'");

    RpcClient admin = client(api.tokens.create(Permission.ADMIN));
    assertThat(admin.call("Filecoin.Admin", String.class)).isEqualTo("admin");
    assertThat(admin.call("Filecoin.Perms", new TypeReference<List<String>>() {}))
        .containsExactly("admin", "read", "sign", "write");

    // An Allow list without "read" does not imply it (lotus checks membership, not rank).
    RpcClient writeOnly = client(api.tokens.createAllow(EnumSet.of(Permission.WRITE), null));
    assertThatThrownBy(() -> writeOnly.call("Filecoin.Version", String.class))
        .isInstanceOf(RpcPermissionException.class)
        .hasMessageContaining("need 'read'");
  }

  @Test
  void venusAuthPermClaimImpliesLowerPermissions() {
    RpcClient sign = client(api.tokens.createVenusStyle("miner-1", Permission.SIGN));
    assertThat(sign.call("Filecoin.Version", String.class)).isEqualTo("test-1.0");
    assertThat(sign.call("Filecoin.Write", String.class)).isEqualTo("wrote");
    assertThat(sign.call("Filecoin.Sign", String.class)).isEqualTo("signed");
    assertThatThrownBy(() -> sign.call("Filecoin.Admin", String.class))
        .isInstanceOf(RpcPermissionException.class)
        .hasMessageContaining("need 'admin'");
  }

  @Test
  void forgedTokenIsRejectedWith401() throws Exception {
    String forged = new JwtTokens("some-other-secret".getBytes()).create(Permission.ADMIN);
    assertThatThrownBy(() -> client(forged).call("Filecoin.Version", String.class))
        .isInstanceOf(RpcUnauthorizedException.class)
        .hasMessageContaining("signature is invalid");
    HttpResponse<String> raw =
        post(
            "/rpc/v1",
            "{\"jsonrpc\":\"2.0\",\"method\":\"Filecoin.Version\",\"id\":1}",
            "Bearer " + forged);
    assertThat(raw.statusCode()).isEqualTo(401);
    assertThat(raw.body()).startsWith("unauthorized: API token signature is invalid");
  }

  @Test
  void expiredTokenIsRejectedWith401() {
    String expired =
        api.tokens.createAllow(Permission.ADMIN.andLower(), Instant.now().minusSeconds(3600));
    assertThatThrownBy(() -> client(expired).call("Filecoin.Version", String.class))
        .isInstanceOf(RpcUnauthorizedException.class)
        .hasMessageContaining("expired");
  }

  @Test
  void malformedAuthorizationHeaderIsRejected() throws Exception {
    HttpResponse<String> raw = post("/rpc/v1", "{}", "Basic Zm9vOmJhcg==");
    assertThat(raw.statusCode()).isEqualTo(401);
    assertThat(raw.body()).contains("Bearer <token>");
    assertThat(post("/rpc/v1", "{}", "Bearer not.a.jwt").statusCode()).isEqualTo(401);
  }

  @Test
  void tokenQueryParameterIsAccepted() throws Exception {
    String token = api.tokens.create(Permission.WRITE);
    HttpResponse<String> raw =
        post(
            "/rpc/v1?token=" + token,
            "{\"jsonrpc\":\"2.0\",\"method\":\"Filecoin.Write\",\"params\":[],\"id\":7}",
            null);
    assertThat(MAPPER.readTree(raw.body()))
        .isEqualTo(MAPPER.readTree("{\"jsonrpc\":\"2.0\",\"result\":\"wrote\",\"id\":7}"));
  }

  @Test
  void serverRequiringTokensRefusesAnonymousCallers() throws Exception {
    try (TestApi strict = new TestApi(RpcAuthPolicy.tokenRequired(new JwtTokens(TestApi.SECRET)))) {
      RpcClient anon = new RpcClient(URI.create(strict.http("v1")), null, MAPPER, TIMEOUT);
      assertThatThrownBy(() -> anon.call("Filecoin.Version", String.class))
          .isInstanceOf(RpcUnauthorizedException.class)
          .hasMessageContaining("requires a token");
      RpcClient read =
          new RpcClient(
              URI.create(strict.http("v1")),
              strict.tokens.create(Permission.READ),
              MAPPER,
              TIMEOUT);
      assertThat(read.call("Filecoin.Version", String.class)).isEqualTo("test-1.0");
    }
  }

  @Test
  void refusedRequestsOnOneKeepAliveClientAllGetTheir401() throws Exception {
    // A 401 is sent without reading the request body, so the server then drops the connection; it must say so
    // (Connection: close), or a client that reuses the connection fails its next request with no response at all.
    HttpClient one = HttpClient.newHttpClient();
    // a body large enough to arrive after the headers, so that it is still unread when the 401 goes out
    String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"Filecoin.Echo\",\"params\":[\"" + "x".repeat(256 * 1024) + "\"]}";
    for (int i = 0; i < 50; i++) {
      HttpRequest req = HttpRequest.newBuilder(URI.create(api.http("v0"))).timeout(TIMEOUT)
          .header("Authorization", "Bearer forged." + i).POST(HttpRequest.BodyPublishers.ofString(body)).build();
      HttpResponse<String> r = one.send(req, HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(401);
      assertThat(r.body()).contains("malformed");
    }
  }

  @Test
  void unknownMethod() {
    assertThatThrownBy(() -> client(null).call("Filecoin.Nope", String.class))
        .isInstanceOf(RpcMethodNotFoundException.class)
        .hasMessage("method 'Filecoin.Nope' not found")
        .extracting(e -> ((RpcRemoteException) e).code())
        .isEqualTo(-32601);
  }

  @Test
  void trailingParamsAddedInALaterApiVersionMayBeLeftOut() {
    assertThat(client(null).call("Filecoin.Greet", String.class, "hello")).isEqualTo("hello");
    assertThat(client(null).call("Filecoin.Greet", String.class, "hello", "world")).isEqualTo("hello world");
    assertThatThrownBy(() -> client(null).call("Filecoin.Greet", String.class))
        .isInstanceOf(RpcInvalidParamsException.class)
        .hasMessage("wrong param count (method 'Filecoin.Greet'): 0 != 2");
    assertThatThrownBy(() -> client(null).call("Filecoin.Greet", String.class, "a", "b", "c"))
        .isInstanceOf(RpcInvalidParamsException.class)
        .hasMessage("wrong param count (method 'Filecoin.Greet'): 3 != 2");
  }

  @Test
  void wrongParamCountAndTypes() {
    assertThatThrownBy(() -> client(null).call("Filecoin.Add", Long.class, 1))
        .isInstanceOf(RpcInvalidParamsException.class)
        .hasMessage("wrong param count (method 'Filecoin.Add'): 1 != 2");
    assertThatThrownBy(() -> client(null).call("Filecoin.Add", Long.class, "one", 2))
        .isInstanceOf(RpcInvalidParamsException.class)
        .hasMessageContaining("unmarshaling params for 'Filecoin.Add' (param 0: long)");
    assertThatThrownBy(() -> client(null).call("Filecoin.Sum", Integer.class, "not-a-list"))
        .isInstanceOf(RpcInvalidParamsException.class)
        .hasMessageContaining("param 0: List");
  }

  @Test
  void methodErrorsCarryTheMessageWithCodeOne() {
    assertThatThrownBy(() -> client(null).call("Filecoin.Fail", String.class))
        .isExactlyInstanceOf(RpcRemoteException.class)
        .hasMessage("deal 42 not found")
        .extracting(e -> ((RpcRemoteException) e).code())
        .isEqualTo(1);
  }

  @Test
  void resultOfWrongTypeIsATransportError() {
    assertThatThrownBy(() -> client(null).call("Filecoin.Version", TestApi.Point.class))
        .isInstanceOf(RpcTransportException.class)
        .hasMessageContaining("cannot decode the result");
  }

  @Test
  void malformedJsonIsAParseError() throws Exception {
    HttpResponse<String> raw = post("/rpc/v1", "{\"jsonrpc\":\"2.0\",\"method\":", null);
    assertThat(raw.statusCode()).isEqualTo(500);
    JsonNode reply = MAPPER.readTree(raw.body());
    assertThat(reply.path("error").path("code").asInt()).isEqualTo(-32700);
    assertThat(reply.path("error").path("message").asText()).startsWith("Parse error");
    assertThat(reply.get("id").isNull()).isTrue();

    JsonNode trailing =
        MAPPER.readTree(
            post("/rpc/v1", "{\"method\":\"Filecoin.Version\",\"id\":1} x", null).body());
    assertThat(trailing.path("error").path("code").asInt()).isEqualTo(-32700);
  }

  @Test
  void invalidRequests() throws Exception {
    for (String body :
        List.of(
            "42",
            "[]",
            "{\"id\":1}",
            "{\"method\":5,\"id\":1}",
            "{\"jsonrpc\":\"1.0\",\"method\":\"Filecoin.Version\",\"id\":1}",
            "{\"method\":\"Filecoin.Version\",\"id\":{}}",
            " ")) {
      HttpResponse<String> raw = post("/rpc/v1", body, null);
      assertThat(raw.statusCode()).as(body).isEqualTo(400);
      assertThat(MAPPER.readTree(raw.body()).path("error").path("code").asInt())
          .as(body)
          .isEqualTo(-32600);
    }
    HttpResponse<String> params =
        post("/rpc/v1", "{\"method\":\"Filecoin.Echo\",\"params\":{\"a\":1},\"id\":1}", null);
    assertThat(MAPPER.readTree(params.body()).path("error").path("code").asInt()).isEqualTo(-32602);
  }

  @Test
  void batchRequests() throws Exception {
    HttpResponse<String> raw =
        post(
            "/rpc/v1",
            "[{\"jsonrpc\":\"2.0\",\"method\":\"Filecoin.Echo\",\"params\":[\"a\"],"
                + "\"id\":1},{\"jsonrpc\":\"2.0\",\"method\":\"Filecoin.Nope\",\"id\":\"two\"},"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"Filecoin.Version\"}]",
            null);
    assertThat(raw.statusCode()).isEqualTo(200);
    JsonNode replies = MAPPER.readTree(raw.body());
    assertThat(replies).hasSize(2);
    assertThat(replies.get(0))
        .isEqualTo(MAPPER.readTree("{\"jsonrpc\":\"2.0\",\"result\":\"a\",\"id\":1}"));
    assertThat(replies.get(1).get("id").asText()).isEqualTo("two");
    assertThat(replies.get(1).path("error").path("code").asInt()).isEqualTo(-32601);
  }

  @Test
  void notificationsGetNoReply() throws Exception {
    HttpResponse<String> raw =
        post("/rpc/v1", "{\"jsonrpc\":\"2.0\",\"method\":\"Filecoin.Nope\"}", null);
    assertThat(raw.statusCode()).isEqualTo(200);
    assertThat(raw.body()).isEmpty();
  }

  @Test
  void channelMethodsNeedAWebsocket() {
    assertThatThrownBy(() -> client(null).call("Filecoin.Count", Long.class, 3))
        .isInstanceOf(RpcMethodNotFoundException.class)
        .hasMessageContaining("no out channel support");
  }

  @Test
  void otherMethodsAndPaths() throws Exception {
    HttpResponse<String> get =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(api.http("v1"))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(get.statusCode()).isEqualTo(405);
    assertThat(post("/rpc/v9", "{}", null).statusCode()).isEqualTo(404);
  }

  @Test
  void oversizedRequestIsRefused() throws Exception {
    RpcRegistry reg = new RpcRegistry();
    reg.namespace("Filecoin").method1("Echo", Permission.READ, String.class, (String s) -> s);
    try (RpcServer small =
        RpcServer.builder()
            .endpoint("/rpc/v1", reg)
            .maxRequestBytes(100)
            .auth(RpcAuthPolicy.lotusDefault(api.tokens))
            .build()
            .start()) {
      RpcClient c =
          new RpcClient(
              URI.create("http://127.0.0.1:" + small.port() + "/rpc/v1"), null, MAPPER, TIMEOUT);
      assertThat(c.call("Filecoin.Echo", String.class, "short")).isEqualTo("short");
      assertThatThrownBy(() -> c.call("Filecoin.Echo", String.class, "x".repeat(200)))
          .isInstanceOf(RpcRemoteException.class)
          .hasMessage("request bigger than maximum 100 allowed");
    }
  }

  @Test
  void unreachableServerIsATransportError() {
    RpcClient c =
        new RpcClient(URI.create("http://127.0.0.1:1/rpc/v1"), null, MAPPER, Duration.ofSeconds(5));
    assertThatThrownBy(() -> c.call("Filecoin.Version", String.class))
        .isInstanceOf(RpcTransportException.class)
        .hasMessageContaining("cannot reach");
  }

  @Test
  void otherPathsGoToTheFallbackHandlerWithoutAuth() throws Exception {
    RpcRegistry reg = new RpcRegistry();
    reg.namespace("Filecoin").method("Version", Permission.READ, call -> "v");
    Handler health =
        new Handler.Abstract() {
          @Override
          public boolean handle(Request rq, Response rs, Callback cb) {
            if (!"/healthz".equals(Request.getPathInContext(rq))) {
              return false;
            }
            rs.setStatus(200);
            Content.Sink.write(rs, true, "ok", cb);
            return true;
          }
        };
    try (RpcServer s =
        RpcServer.builder()
            .endpoint("/rpc/v1", reg)
            .fallback(health)
            .auth(RpcAuthPolicy.tokenRequired(api.tokens))
            .build()
            .start()) {
      String base = "http://127.0.0.1:" + s.port();
      HttpResponse<String> ok =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(base + "/healthz")).GET().build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(ok.statusCode()).isEqualTo(200);
      assertThat(ok.body()).isEqualTo("ok");
      RpcClient anon = new RpcClient(URI.create(base + "/rpc/v1"), null, MAPPER, TIMEOUT);
      assertThatThrownBy(() -> anon.call("Filecoin.Version", String.class))
          .isInstanceOf(RpcUnauthorizedException.class);
    }
  }
}
