package venus.market.daemon.transfer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pulls over plain HTTP(S) with the JDK client: GET with the client's headers, {@code Range: bytes=<offset>-} to
 * resume. Redirects are not followed (as boost: a deal URL that redirects is refused rather than leaking the token
 * to another host).
 */
final class HttpPullSource implements PullSource {
  private static final Logger LOG = LoggerFactory.getLogger(HttpPullSource.class);
  /** Headers the JDK client sets itself and refuses from callers; Go's client ignores a caller's Host too. */
  private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade",
      "range");

  private final HttpClient client;
  private final TransferRequest request;
  private final URI uri;
  private final Duration stall;
  private volatile BodyStream body;
  private volatile boolean closed;

  HttpPullSource(HttpClient client, TransferRequest request, Duration stall) throws TransferFailedException {
    this.client = client;
    this.request = request;
    this.stall = stall;
    try {
      this.uri = URI.create(request.url());
    } catch (IllegalArgumentException e) {
      throw new TransferFailedException("transfer URL " + request.redactedUrl() + " is not a valid URL");
    }
    if (uri.getHost() == null) {
      throw new TransferFailedException("transfer URL " + request.redactedUrl() + " has no host");
    }
  }

  /** The client transfers share: HTTP/1.1 (no h2c upgrade dance with data servers), no redirects. */
  static HttpClient newClient(Duration connectTimeout) {
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(connectTimeout).build();
  }

  @Override
  public PullResponse get(long offset) throws IOException, TransferFailedException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).GET().timeout(stall);
    for (Map.Entry<String, String> h : request.headers().entrySet()) {
      if (RESTRICTED.contains(h.getKey().toLowerCase(Locale.ROOT))) {
        LOG.debug("transfer {}: not sending the client's {} header", request.redactedUrl(), h.getKey());
        continue;
      }
      b.header(h.getKey(), h.getValue());
    }
    if (offset > 0) {
      b.header("Range", "bytes=" + offset + "-");
    }
    BodyStream stream = new BodyStream(stall);
    body = stream;
    if (closed) {
      throw new IOException("transfer stopped");
    }
    HttpResponse<java.io.InputStream> r;
    try {
      r = client.send(b.build(), info -> stream);
    } catch (IllegalArgumentException e) {
      throw new TransferFailedException("cannot request " + request.redactedUrl() + ": " + e.getMessage());
    } catch (java.net.ConnectException e) {
      // The JDK client's ConnectException often has no message (nor has its cause, a ClosedChannelException); say
      // plainly what failed, as it ends up in the deal's message when the retries run out.
      Throwable t = e;
      while (t != null && t.getMessage() == null) {
        t = t.getCause();
      }
      String where = uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
      java.net.ConnectException plain = new java.net.ConnectException("cannot connect to the client's data server at "
          + where + (t == null ? "" : " (" + t.getMessage() + ")") + "; is it running?");
      plain.initCause(e);
      throw plain;
    }
    return new PullResponse(r.statusCode(), r.headers().firstValueAsLong("content-length").orElse(-1),
        r.headers().firstValue("content-range").orElse(null), r.body());
  }

  @Override
  public String describe() {
    return request.redactedUrl();
  }

  @Override
  public void close() {
    closed = true;
    BodyStream s = body;
    if (s != null) {
      s.close();
    }
  }
}
