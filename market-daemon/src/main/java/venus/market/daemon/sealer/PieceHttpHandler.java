package venus.market.daemon.sealer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.OptionalLong;
import java.util.Set;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import venus.market.core.jsonrpc.Permission;
import venus.market.core.jsonrpc.RpcUnauthorizedException;
import venus.market.core.jsonrpc.TokenVerifier;
import venus.market.core.multiformats.Cid;
import venus.market.daemon.piecestore.PieceNotFoundException;
import venus.market.daemon.piecestore.PieceStore;

/**
 * {@code GET /resource?resource-id=<pieceCid>} on the API port (droplet §3.6): streams a stored piece to sealers that
 * do not share the piece storage path (damocles fetches pieces this way). A token with read permission is required
 * ({@code Authorization: Bearer} or {@code ?token=}); a single {@code Range: bytes=} range is honoured (206), HEAD
 * answers the size. Other paths go to {@code next} (or 404).
 */
public final class PieceHttpHandler extends Handler.Abstract {
  private static final Logger LOG = LoggerFactory.getLogger(PieceHttpHandler.class);
  public static final String PATH = "/resource";
  private static final int CHUNK = 1 << 16;

  private final PieceStore pieces;
  private final TokenVerifier tokens;
  private final Handler next;

  /** @param next handles other paths, or null for 404 */
  public PieceHttpHandler(PieceStore pieces, TokenVerifier tokens, Handler next) {
    super(InvocationType.BLOCKING);
    this.pieces = pieces;
    this.tokens = tokens;
    this.next = next;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    if (!PATH.equals(Request.getPathInContext(request))) {
      if (next != null) {
        return next.handle(request, response, callback);
      }
      return text(response, callback, 404, "not found\n");
    }
    boolean head = HttpMethod.HEAD.is(request.getMethod());
    if (!head && !HttpMethod.GET.is(request.getMethod())) {
      response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD");
      return text(response, callback, 405, "use GET " + PATH + "?resource-id=<pieceCid>\n");
    }
    Fields query = Request.extractQueryParameters(request);
    String refusal = authorize(request, query);
    if (refusal != null) {
      LOG.warn("piece request refused from {}: {}", Request.getRemoteAddr(request), refusal);
      response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer");
      return text(response, callback, 401, "unauthorized: " + refusal + "\n");
    }
    String id = query.getValue("resource-id");
    if (id == null || id.isBlank()) {
      return text(response, callback, 400, "missing query parameter resource-id=<pieceCid>\n");
    }
    Cid cid;
    try {
      cid = Cid.parse(id.strip());
    } catch (RuntimeException e) {
      return text(response, callback, 400, "resource-id is not a CID: " + e.getMessage() + "\n");
    }
    OptionalLong size = pieces.size(cid);
    if (size.isEmpty()) {
      return text(response, callback, 404, "piece " + cid + " is in no piece storage\n");
    }
    long total = size.getAsLong();
    long[] range;
    try {
      range = range(request.getHeaders().get(HttpHeader.RANGE), total);
    } catch (IllegalArgumentException e) {
      response.getHeaders().put(HttpHeader.CONTENT_RANGE, "bytes */" + total);
      return text(response, callback, 416, e.getMessage() + "\n");
    }
    long first = range == null ? 0 : range[0];
    long length = range == null ? total : range[1] - range[0] + 1;
    response.setStatus(range == null ? 200 : 206);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/octet-stream");
    response.getHeaders().put(HttpHeader.ACCEPT_RANGES, "bytes");
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, length);
    if (range != null) {
      response.getHeaders().put(HttpHeader.CONTENT_RANGE, "bytes " + range[0] + "-" + range[1] + "/" + total);
    }
    if (head || length == 0) {
      callback.succeeded();
      return true;
    }
    try (InputStream in = pieces.open(cid, first); OutputStream out = Content.Sink.asOutputStream(response)) {
      byte[] buf = new byte[CHUNK];
      long left = length;
      while (left > 0) {
        int n = in.read(buf, 0, (int) Math.min(buf.length, left));
        if (n < 0) {
          throw new IOException("piece " + cid + " shrank while serving it");
        }
        out.write(buf, 0, n);
        left -= n;
      }
    } catch (PieceNotFoundException e) {
      LOG.warn("piece {} vanished while serving it: {}", cid, e.getMessage());
      callback.failed(e);
      return true;
    } catch (IOException e) {
      LOG.warn("piece {} transfer stopped: {}", cid, e.toString());
      callback.failed(e);
      return true;
    }
    LOG.info("served piece {} bytes {}-{} to {}", cid, first, first + length - 1, Request.getRemoteAddr(request));
    callback.succeeded();
    return true;
  }

  private String authorize(Request request, Fields query) {
    String header = request.getHeaders().get(HttpHeader.AUTHORIZATION);
    String token;
    if (header != null && !header.isEmpty()) {
      if (!header.startsWith("Bearer ")) {
        return "Authorization header must be 'Bearer <token>'";
      }
      token = header.substring(7).strip();
    } else {
      token = query.getValue("token");
    }
    if (token == null || token.isEmpty()) {
      return "this endpoint requires a token (Authorization: Bearer <token>)";
    }
    try {
      Set<Permission> perms = tokens.verify(token);
      return perms.contains(Permission.READ) ? null : "the token lacks the read permission";
    } catch (RpcUnauthorizedException e) {
      return e.getMessage();
    }
  }

  /**
   * One {@code bytes=} range as [first, last] (inclusive), or null for the whole piece (no header, or a form this
   * endpoint does not serve partially, such as several ranges, which RFC 9110 lets a server answer with 200).
   *
   * @throws IllegalArgumentException when the range starts past the end (416)
   */
  static long[] range(String header, long size) {
    if (header == null || !header.startsWith("bytes=") || header.contains(",")) {
      return null;
    }
    String spec = header.substring(6).strip();
    int dash = spec.indexOf('-');
    if (dash < 0) {
      return null;
    }
    try {
      String a = spec.substring(0, dash).strip();
      String b = spec.substring(dash + 1).strip();
      long first;
      long last;
      if (a.isEmpty()) {
        long suffix = Long.parseLong(b);
        if (suffix <= 0) {
          throw new IllegalArgumentException("range " + header + " is empty");
        }
        first = Math.max(0, size - suffix);
        last = size - 1;
      } else {
        first = Long.parseLong(a);
        last = b.isEmpty() ? size - 1 : Math.min(Long.parseLong(b), size - 1);
        if (last < first && !b.isEmpty() && first < size) {
          return null;
        }
      }
      if (first >= size || first < 0) {
        throw new IllegalArgumentException("range " + header + " starts at or past the end of the " + size
            + "-byte piece");
      }
      return new long[] {first, last};
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static boolean text(Response response, Callback callback, int status, String body) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
    Content.Sink.write(response, true, body, callback);
    return true;
  }
}
