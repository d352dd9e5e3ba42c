package venus.market.core.jsonrpc;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * JSON-RPC over HTTP POST through {@link HttpURLConnection}, for short-lived command-line processes.
 *
 * <p>Same calls, errors and timeouts as {@link RpcClient}, but cheaper to start: {@code java.net.http.HttpClient}
 * builds a TLS context and a selector thread even for plain http, which costs a thin CLI command about a
 * third of its run time. Long-running processes keep {@link RpcClient} (HTTP/1.1 connection reuse, async).
 */
public final class RpcUrlClient implements RpcCaller {
  /** A reply larger than this is refused rather than buffered (the biggest CLI listings are a few MB). */
  static final int MAX_REPLY_BYTES = 256 << 20;

  private final URI endpoint;
  private final String token;
  private final ObjectMapper mapper;
  private final Duration timeout;
  private final int maxReplyBytes;
  private final AtomicLong ids = new AtomicLong();

  /**
   * @param endpoint e.g. http://127.0.0.1:41235/rpc/v0 (http only)
   * @param token bearer token, or null to call anonymously
   */
  public RpcUrlClient(URI endpoint, String token, ObjectMapper mapper, Duration timeout) {
    this(endpoint, token, mapper, timeout, MAX_REPLY_BYTES);
  }

  RpcUrlClient(URI endpoint, String token, ObjectMapper mapper, Duration timeout, int maxReplyBytes) {
    this.maxReplyBytes = maxReplyBytes;
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    this.token = token == null || token.isEmpty() ? null : token;
    this.mapper = Objects.requireNonNull(mapper, "mapper");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
  }

  /** A client for {@code info}'s node at /rpc/{version}. */
  public static RpcUrlClient of(ApiInfo info, String version, ObjectMapper mapper, Duration timeout) {
    return new RpcUrlClient(info.httpUrl(version), info.token(), mapper, timeout);
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
      throw new RpcTransportException("cannot encode the params of " + method + ": " + e.getMessage(), e);
    }
    HttpURLConnection conn = null;
    try {
      // No proxy, as RpcClient: the daemon is addressed directly (usually on loopback).
      conn = (HttpURLConnection) endpoint.toURL().openConnection(Proxy.NO_PROXY);
      int millis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
      conn.setConnectTimeout(millis);
      conn.setReadTimeout(millis);
      conn.setRequestMethod("POST");
      conn.setDoOutput(true);
      conn.setUseCaches(false);
      conn.setRequestProperty("Content-Type", "application/json");
      if (token != null) {
        conn.setRequestProperty("Authorization", "Bearer " + token);
      }
      try (OutputStream out = conn.getOutputStream()) {
        out.write(body);
      }
      int status = conn.getResponseCode();
      InputStream in = status >= 400 ? conn.getErrorStream() : conn.getInputStream();
      String text = in == null ? "" : readAll(in, method);
      return RpcReplies.httpResultOf(mapper, status, text, endpoint, method, id, resultType);
    } catch (SocketTimeoutException e) {
      throw new RpcTransportException(method + ": no reply from " + endpoint + " within " + timeout, e);
    } catch (IOException | IllegalArgumentException e) {
      throw new RpcTransportException(method + ": cannot reach " + endpoint + ": " + e, e);
    } finally {
      if (conn != null) {
        conn.disconnect();
      }
    }
  }

  private String readAll(InputStream in, String method) throws IOException {
    try (in) {
      ByteArrayOutputStream buf = new ByteArrayOutputStream();
      byte[] chunk = new byte[16 << 10];
      int n;
      while ((n = in.read(chunk)) >= 0) {
        if ((long) buf.size() + n > maxReplyBytes) {
          throw new RpcTransportException(
              method + ": reply from " + endpoint + " is bigger than " + maxReplyBytes + " bytes");
        }
        buf.write(chunk, 0, n);
      }
      return buf.toString(StandardCharsets.UTF_8);
    }
  }
}
