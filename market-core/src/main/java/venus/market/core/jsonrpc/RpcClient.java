package venus.market.core.jsonrpc;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/** JSON-RPC over HTTP POST (java.net.http), with a bearer token and a per-call timeout. */
public final class RpcClient implements RpcCaller {
  private final URI endpoint;
  private final String token;
  private final ObjectMapper mapper;
  private final Duration timeout;
  private final HttpClient http;
  private final AtomicLong ids = new AtomicLong();

  /**
   * @param endpoint e.g. http://127.0.0.1:1234/rpc/v1
   * @param token bearer token, or null to call anonymously
   */
  public RpcClient(URI endpoint, String token, ObjectMapper mapper, Duration timeout) {
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    this.token = token == null || token.isEmpty() ? null : token;
    this.mapper = Objects.requireNonNull(mapper, "mapper");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .version(HttpClient.Version.HTTP_1_1)
            .build();
  }

  /** A client for {@code info}'s node at /rpc/{version}. */
  public static RpcClient of(ApiInfo info, String version, ObjectMapper mapper, Duration timeout) {
    return new RpcClient(info.httpUrl(version), info.token(), mapper, timeout);
  }

  public URI endpoint() {
    return endpoint;
  }

  @Override
  public <T> T call(String method, Class<T> resultType, Object... params) {
    return call(method, mapper.constructType(resultType), params);
  }

  @Override
  public <T> T call(String method, TypeReference<T> resultType, Object... params) {
    return call(method, mapper.constructType(resultType), params);
  }

  @Override
  public <T> T call(String method, JavaType resultType, Object... params) {
    long id = ids.incrementAndGet();
    byte[] body;
    try {
      body = mapper.writeValueAsBytes(RpcReplies.request(mapper, id, method, params));
    } catch (JacksonException | IllegalArgumentException e) {
      throw new RpcTransportException(
          "cannot encode the params of " + method + ": " + e.getMessage(), e);
    }
    HttpRequest.Builder req =
        HttpRequest.newBuilder(endpoint)
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (token != null) {
      req.header("Authorization", "Bearer " + token);
    }
    HttpResponse<byte[]> resp;
    try {
      resp = send(req.build());
    } catch (HttpTimeoutException e) {
      throw new RpcTransportException(
          method + ": no reply from " + endpoint + " within " + timeout, e);
    } catch (IOException e) {
      throw new RpcTransportException(method + ": cannot reach " + endpoint + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RpcTransportException(method + ": interrupted", e);
    }
    return RpcReplies.httpResultOf(
        mapper, resp.statusCode(), new String(resp.body(), StandardCharsets.UTF_8), endpoint, method, id, resultType);
  }

  /**
   * Sends once more when a pooled keep-alive connection turns out to have been closed by the server while idle
   * (Jetty closes idle connections after 30 s): the JDK then fails with no response bytes at all, and the server
   * never saw the request. Seen under load in the devnet tests; the JDK retries only idempotent methods itself.
   */
  private HttpResponse<byte[]> send(HttpRequest request) throws IOException, InterruptedException {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      if (!staleConnection(e)) {
        throw e;
      }
      return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }
  }

  private static boolean staleConnection(IOException e) {
    return e.getMessage() != null && e.getMessage().contains("header parser received no bytes");
  }
}
