package venus.market.client.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server providers pull online-deal data from: {@code GET /deals/<dealUUID>} with
 * {@code Authorization: Bearer <per-deal token>} answers the deal's CAR, honouring a single {@code Range} (206) so an
 * interrupted download resumes. The UUID alone is not enough: the token is 256 random bits sent to the provider in the
 * signed-over-libp2p deal proposal, and compared in constant time. Unknown deal and wrong token both answer 404, so
 * the server does not reveal which deals exist.
 */
public final class CarServer implements AutoCloseable {
  public static final String PATH_PREFIX = "/deals/";
  /**
   * Test-only: bytes per second each response is limited to, so crash tests with real processes can kill the
   * client or the provider mid-transfer (market-reliability). Unset or 0 = no limit; nothing sets it outside tests.
   */
  public static final String TEST_BYTES_PER_SECOND = "venus.market.test.carServerBytesPerSecond";
  private static final Logger LOG = LoggerFactory.getLogger(CarServer.class);
  private static final int CHUNK = 1 << 16;

  private final Server server;
  private final ServerConnector connector;

  private CarServer(Server server, ServerConnector connector) {
    this.server = server;
    this.connector = connector;
  }

  public static CarServer start(String host, int port, CarTransfers transfers) throws Exception {
    return start(host, port, transfers, Long.getLong(TEST_BYTES_PER_SECOND, 0));
  }

  /** @param bytesPerSecond limit per response, 0 = none (the test hook {@link #TEST_BYTES_PER_SECOND}) */
  static CarServer start(String host, int port, CarTransfers transfers, long bytesPerSecond) throws Exception {
    Server server = new Server();
    ServerConnector c = new ServerConnector(server);
    c.setHost(host);
    c.setPort(port);
    server.addConnector(c);
    server.setHandler(new CarHandler(transfers, bytesPerSecond));
    try {
      server.start();
    } catch (Exception e) {
      server.stop();
      throw e;
    }
    return new CarServer(server, c);
  }

  public int port() {
    return connector.getLocalPort();
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }

  private static final class CarHandler extends Handler.Abstract {
    private final CarTransfers transfers;
    private final long bytesPerSecond;

    CarHandler(CarTransfers transfers, long bytesPerSecond) {
      super(InvocationType.BLOCKING);
      this.transfers = transfers;
      this.bytesPerSecond = bytesPerSecond;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
      String path = Request.getPathInContext(request);
      boolean head = HttpMethod.HEAD.is(request.getMethod());
      if (!path.startsWith(PATH_PREFIX) || !(head || HttpMethod.GET.is(request.getMethod()))) {
        return text(response, callback, 404, "not found\n");
      }
      String uuid = path.substring(PATH_PREFIX.length());
      Optional<CarTransfers.Offer> offer = transfers.find(uuid);
      if (offer.isEmpty() || !authorized(request.getHeaders().get(HttpHeader.AUTHORIZATION), offer.get().token())) {
        LOG.warn("CAR request refused deal={} from={}", uuid, Request.getRemoteAddr(request));
        return text(response, callback, 404, "no such deal transfer\n");
      }
      CarTransfers.Offer o = offer.get();
      long size;
      try {
        size = Files.size(o.car());
      } catch (IOException e) {
        LOG.error("CAR of deal {} is gone: {}", uuid, e.toString());
        return text(response, callback, 410, "the deal's CAR file is no longer available\n");
      }
      ByteRange range;
      try {
        range = ByteRange.parse(request.getHeaders().get(HttpHeader.RANGE), size).orElse(null);
      } catch (ByteRange.UnsatisfiableRangeException e) {
        response.getHeaders().put(HttpHeader.CONTENT_RANGE, "bytes */" + size);
        return text(response, callback, 416, "range not satisfiable\n");
      }
      long first = range == null ? 0 : range.first();
      long length = range == null ? size : range.length();
      response.setStatus(range == null ? 200 : 206);
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/vnd.ipld.car");
      response.getHeaders().put(HttpHeader.ACCEPT_RANGES, "bytes");
      response.getHeaders().put(HttpHeader.CONTENT_LENGTH, length);
      if (range != null) {
        response.getHeaders().put(HttpHeader.CONTENT_RANGE,
            "bytes " + range.first() + "-" + range.last() + "/" + size);
      }
      if (head) {
        callback.succeeded();
        return true;
      }
      try (InputStream in = Files.newInputStream(o.car());
           OutputStream out = Content.Sink.asOutputStream(response)) {
        in.skipNBytes(first);
        byte[] buf = new byte[CHUNK];
        long left = length;
        long started = System.nanoTime();
        while (left > 0) {
          pace(length - left, started);
          int n = in.read(buf, 0, (int) Math.min(buf.length, left));
          if (n < 0) {
            throw new IOException("CAR of deal " + uuid + " shrank while serving it");
          }
          out.write(buf, 0, n);
          left -= n;
        }
      } catch (IOException e) {
        LOG.warn("CAR transfer deal={} stopped: {}", uuid, e.toString());
        callback.failed(e);
        return true;
      }
      transfers.served(uuid, first + length);
      LOG.info("served CAR deal={} bytes={}-{}", uuid, first, first + length - 1);
      callback.succeeded();
      return true;
    }

    /** The test hook {@link #TEST_BYTES_PER_SECOND}: waits until {@code sent} bytes are due at that rate. */
    private void pace(long sent, long startNanos) throws IOException {
      if (bytesPerSecond <= 0) {
        return;
      }
      long wait = startNanos + (long) (sent * 1e9 / bytesPerSecond) - System.nanoTime();
      if (wait > 0) {
        try {
          Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new java.io.InterruptedIOException("stopped while throttled");
        }
      }
    }

    private static boolean authorized(String header, String token) {
      if (header == null || !header.startsWith("Bearer ")) {
        return false;
      }
      return MessageDigest.isEqual(header.substring(7).strip().getBytes(StandardCharsets.UTF_8),
          token.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean text(Response response, Callback callback, int status, String body) {
      response.setStatus(status);
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
      Content.Sink.write(response, true, body, callback);
      return true;
    }
  }
}
