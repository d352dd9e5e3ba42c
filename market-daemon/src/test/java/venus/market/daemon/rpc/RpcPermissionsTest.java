package venus.market.daemon.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import venus.market.core.jsonrpc.ApiInfo;
import venus.market.core.jsonrpc.JwtTokens;
import venus.market.core.jsonrpc.Permission;
import venus.market.core.jsonrpc.RpcErrorCodes;
import venus.market.core.jsonrpc.RpcMethod;
import venus.market.daemon.MarketDaemon;
import venus.market.daemon.api.MarketApi;
import venus.market.daemon.testing.DaemonFixture;
import venus.market.daemon.testing.FakeFullNode;

/**
 * Every method the running daemon has registered (whoever registered it, whenever) against every kind of caller:
 * no token, forged, expired, garbled or empty tokens get HTTP 401 with a reason; a valid token one level too low
 * gets droplet's "missing permission" error; a token of exactly the method's level passes the gate (proved by an
 * invalid-params answer, so no method actually runs). Permissions must match droplet's table
 * ({@link DropletPermissions}); a method missing from it fails the build.
 */
class RpcPermissionsTest {
  @TempDir static Path dir;
  static FakeFullNode node;
  static MarketDaemon daemon;
  static JwtTokens tokens;
  static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void start() throws Exception {
    node = new FakeFullNode();
    daemon = DaemonFixture.startFirst(dir.resolve("repo"), node);
    tokens = new JwtTokens(daemon.repo().jwtSecret(new SecureRandom()));
  }

  @AfterAll
  static void stop() throws Exception {
    if (daemon != null) {
      daemon.close();
    }
    if (node != null) {
      node.close();
    }
  }

  private static List<RpcMethod> methods() {
    List<RpcMethod> out = new ArrayList<>();
    for (String name : daemon.registry().names()) {
      out.add(daemon.registry().find(name).orElseThrow());
    }
    assertThat(out).as("registered methods").hasSizeGreaterThan(20);
    return out;
  }

  @Test
  void everyRegisteredMethodHasDropletsPermission() {
    Map<String, Permission> missing = new TreeMap<>();
    Map<String, String> wrong = new TreeMap<>();
    for (RpcMethod m : methods()) {
      assertThat(m.name()).startsWith(MarketApi.NAMESPACE + ".");
      Permission declared = DropletPermissions.DROPLET.getOrDefault(m.shortName(),
          DropletPermissions.EXTENSIONS.get(m.shortName()));
      if (declared == null) {
        missing.put(m.shortName(), m.permission());
      } else if (declared != m.permission()) {
        wrong.put(m.shortName(), "registered " + m.permission().wireName() + ", droplet " + declared.wireName());
      }
    }
    assertThat(missing).as("methods with no declared permission: add them to DropletPermissions").isEmpty();
    assertThat(wrong).as("permissions that differ from droplet's table").isEmpty();
  }

  /** Tokens that must never get past authentication, each with the reason the 401 must give. */
  private static Map<String, String> refusedTokens() {
    byte[] otherSecret = new byte[32];
    new SecureRandom().nextBytes(otherSecret);
    String admin = daemon.adminToken();
    String[] parts = admin.split("\\.");
    byte[] sig = Base64.getUrlDecoder().decode(parts[2]);
    sig[0] ^= 1;
    String flipped = parts[0] + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
    String payload = Base64.getUrlEncoder().withoutPadding()
        .encodeToString("{\"Allow\":[\"read\",\"write\",\"sign\",\"admin\"]}".getBytes(StandardCharsets.UTF_8));
    String algNone = Base64.getUrlEncoder().withoutPadding()
        .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "." + payload + ".";
    // signed with the right secret but claiming a permission to itself in the payload of another token
    String swapped = parts[0] + "." + payload + "." + parts[2];
    Map<String, String> m = new LinkedHashMap<>();
    m.put("", "requires a token");
    m.put(new JwtTokens(otherSecret).create(Permission.ADMIN), "signature is invalid");
    m.put(tokens.createAllow(Permission.ADMIN.andLower(), Instant.now().minusSeconds(60)), "expired");
    m.put(flipped, "signature is invalid");
    m.put(swapped, "signature is invalid");
    m.put(algNone, "API token");
    m.put("not-a-jwt", "malformed");
    m.put(JWT.create().withClaim("perm", "root").sign(Algorithm.HMAC256(daemon.repo().jwtSecret(new SecureRandom()))),
        "perm claim");
    m.put(JWT.create().withClaim("name", "x").sign(Algorithm.HMAC256(daemon.repo().jwtSecret(new SecureRandom()))),
        "grants nothing");
    return m;
  }

  @Test
  void missingForgedExpiredAndGarbledTokensGet401OnEveryMethodAndPath() throws Exception {
    Map<String, String> refused = refusedTokens();
    for (RpcMethod m : methods()) {
      for (Map.Entry<String, String> t : refused.entrySet()) {
        for (String version : List.of("v0", "v1")) {
          HttpResponse<String> r = post(version, t.getKey().isEmpty() ? null : "Bearer " + t.getKey(), m, 0);
          assertThat(r.statusCode()).as("%s on %s with token %s", m.name(), version, t.getKey()).isEqualTo(401);
          assertThat(r.body()).as("%s reason", m.name()).contains(t.getValue());
        }
      }
      HttpResponse<String> basic = post("v0", "Basic " + daemon.adminToken(), m, 0);
      assertThat(basic.statusCode()).isEqualTo(401);
      assertThat(basic.body()).contains("Bearer");
    }
  }

  @Test
  void eachMethodRefusesEveryLowerPermissionAndAdmitsItsOwn() throws Exception {
    for (RpcMethod m : methods()) {
      for (Permission p : Permission.values()) {
        if (p.compareTo(m.permission()) < 0) {
          // venus style (perm expands downward) and lotus style (exact Allow list)
          for (String token : List.of(tokens.createVenusStyle("t", p), tokens.createAllow(p.andLower(), null))) {
            JsonNode error = call(m, token, 0).get("error");
            assertThat(error).as("%s with a %s token", m.name(), p.wireName()).isNotNull();
            assertThat(error.get("code").asInt()).isEqualTo(RpcErrorCodes.APPLICATION_ERROR);
            assertThat(error.get("message").asText()).isEqualTo("missing permission to invoke '" + m.shortName()
                + "' (need '" + m.permission().wireName() + "')");
          }
        }
      }
      // an Allow list naming every permission except the one needed
      Set<Permission> allButOne = java.util.EnumSet.complementOf(java.util.EnumSet.of(m.permission()));
      assertThat(call(m, tokens.createAllow(allButOne, null), 0).path("error").path("message").asText())
          .as("%s without its own permission", m.name()).startsWith("missing permission to invoke");
      // exactly its level: past the gate, stopped by a wrong parameter count before the method runs
      JsonNode admitted = call(m, tokens.createVenusStyle("t", m.permission()), m.paramTypes().size() + 1);
      assertThat(admitted.path("error").path("code").asInt()).as("%s with its own permission: %s", m.name(), admitted)
          .isEqualTo(RpcErrorCodes.INVALID_PARAMS);
    }
  }

  @Test
  void anEmptyAllowListGrantsNothing() throws Exception {
    String empty = tokens.createAllow(Set.of(), null);
    for (RpcMethod m : methods()) {
      assertThat(call(m, empty, 0).path("error").path("message").asText()).as(m.name())
          .startsWith("missing permission to invoke");
    }
  }

  private static URI uri(String scheme, String version) {
    URI http = new ApiInfo(null, daemon.apiAddress()).httpUrl(version);
    return scheme.equals("http") ? http : URI.create(http.toString().replaceFirst("^http", "ws"));
  }

  private static ObjectNode request(RpcMethod m, int params) {
    ObjectNode req = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", 1).put("method", m.name());
    ArrayNode p = req.putArray("params");
    for (int i = 0; i < params; i++) {
      p.addNull();
    }
    return req;
  }

  private static HttpResponse<String> post(String version, String authorization, RpcMethod m, int params)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri("http", version)).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(request(m, params).toString()));
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** One call with a valid token: over HTTP, or over a websocket for channel methods (HTTP cannot carry them). */
  private static JsonNode call(RpcMethod m, String token, int params) throws Exception {
    if (!m.isChannel()) {
      HttpResponse<String> r = post("v1", "Bearer " + token, m, params);
      // go-jsonrpc answers a request error (bad params) with HTTP 500 and the JSON-RPC error in the body
      assertThat(r.statusCode()).as("%s: %s", m.name(), r.body()).isIn(200, 500);
      return JSON.readTree(r.body());
    }
    CompletableFuture<String> reply = new CompletableFuture<>();
    WebSocket ws;
    try {
      ws = HTTP.newWebSocketBuilder().header("Authorization", "Bearer " + token)
          .buildAsync(uri("ws", "v1"), new WebSocket.Listener() {
            private final StringBuilder text = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
              text.append(data);
              if (last) {
                reply.complete(text.toString());
              }
              w.request(1);
              return null;
            }
          }).get(30, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof WebSocketHandshakeException h) {
        throw new AssertionError(m.name() + ": websocket refused with " + h.getResponse().statusCode(), h);
      }
      throw e;
    }
    try {
      ws.sendText(request(m, params).toString(), true).join();
      return JSON.readTree(reply.get(30, TimeUnit.SECONDS));
    } catch (CompletionException e) {
      throw new AssertionError(m.name() + ": " + e.getCause(), e);
    } finally {
      ws.sendClose(WebSocket.NORMAL_CLOSURE, "").exceptionally(x -> null);
    }
  }
}
