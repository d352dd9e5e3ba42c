package venus.market.core.jsonrpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HttpURLConnection client the CLIs use behaves as {@link RpcClient} against the same server. */
class RpcUrlClientTest {
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

  private static RpcUrlClient client(String token) {
    return new RpcUrlClient(URI.create(api.http("v1")), token, MAPPER, TIMEOUT);
  }

  @Test
  void typedCallsDecodeParamsAndResults() {
    RpcUrlClient c = client(null);
    assertThat(c.call("Filecoin.Version", String.class)).isEqualTo("test-1.0");
    assertThat(c.call("Filecoin.Echo", String.class, "héllo")).isEqualTo("héllo");
    assertThat(c.call("Filecoin.Add", Long.class, 40, 2)).isEqualTo(42L);
    assertThat(c.call("Filecoin.Flip", TestApi.Point.class, new TestApi.Point(1, 2)))
        .isEqualTo(new TestApi.Point(2, 1));
    assertThat(c.call("Filecoin.Void", Void.class)).isNull();
    assertThat(c.call("Filecoin.Perms", new TypeReference<List<String>>() {})).containsExactly("read");
  }

  @Test
  void tokenPermissionsAndRemoteErrorsMapToTheSameExceptions() {
    RpcUrlClient admin = client(api.tokens.create(Permission.ADMIN));
    assertThat(admin.call("Filecoin.Admin", String.class)).isEqualTo("admin");
    assertThatThrownBy(() -> client(null).call("Filecoin.Write", String.class))
        .isInstanceOf(RpcPermissionException.class)
        .hasMessage("missing permission to invoke 'Write' (need 'write')");
    assertThatThrownBy(() -> client(null).call("Filecoin.Fail", String.class))
        .isInstanceOf(RpcRemoteException.class)
        .hasMessageContaining("deal 42 not found");
  }

  @Test
  void forgedTokenIsUnauthorized() {
    String forged = new JwtTokens("some-other-secret".getBytes()).create(Permission.ADMIN);
    assertThatThrownBy(() -> client(forged).call("Filecoin.Version", String.class))
        .isInstanceOf(RpcUnauthorizedException.class)
        .hasMessageContaining("signature is invalid");
  }

  @Test
  void unreachableServerIsATransportError() {
    RpcUrlClient c = new RpcUrlClient(URI.create("http://127.0.0.1:1/rpc/v1"), null, MAPPER, Duration.ofSeconds(5));
    assertThatThrownBy(() -> c.call("Filecoin.Version", String.class))
        .isInstanceOf(RpcTransportException.class)
        .hasMessageContaining("cannot reach");
  }

  @Test
  void nonJsonRpcReplyAndOversizedReplyAreTransportErrors() throws Exception {
    Handler page =
        new Handler.Abstract() {
          @Override
          public boolean handle(Request rq, Response rs, Callback cb) {
            rs.setStatus(200);
            Content.Sink.write(rs, true, "<html>not an rpc server</html>", cb);
            return true;
          }
        };
    RpcRegistry reg = new RpcRegistry();
    reg.namespace("Filecoin").method("Version", Permission.READ, call -> "v".repeat(1000));
    try (RpcServer s = RpcServer.builder().endpoint("/rpc/v1", reg).fallback(page)
        .auth(RpcAuthPolicy.lotusDefault(api.tokens)).build().start()) {
      String base = "http://127.0.0.1:" + s.port();
      assertThatThrownBy(() -> new RpcUrlClient(URI.create(base + "/other"), null, MAPPER, TIMEOUT)
              .call("Filecoin.Version", String.class))
          .isInstanceOf(RpcTransportException.class)
          .hasMessageContaining("HTTP 200")
          .hasMessageContaining("without a JSON-RPC reply: <html>not an rpc server</html>");
      assertThatThrownBy(() -> new RpcUrlClient(URI.create(base + "/rpc/v1"), null, MAPPER, TIMEOUT, 500)
              .call("Filecoin.Version", String.class))
          .isInstanceOf(RpcTransportException.class)
          .hasMessageContaining("is bigger than 500 bytes");
    }
  }
}
