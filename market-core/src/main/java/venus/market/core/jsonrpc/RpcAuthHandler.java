package venus.market.core.jsonrpc;

import java.util.Set;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authenticates requests to the RPC paths before the websocket upgrade or HTTP handling, as
 * go-jsonrpc's auth handler does: {@code Authorization: Bearer <jwt>} or {@code ?token=<jwt>}; a
 * refused token is a 401 with a plain-text reason. The granted permissions travel as a request
 * attribute.
 */
final class RpcAuthHandler extends Handler.Wrapper {
  private static final Logger LOG = LoggerFactory.getLogger(RpcAuthHandler.class);
  static final String PERMISSIONS_ATTRIBUTE = RpcAuthHandler.class.getName() + ".permissions";
  private static final String BEARER = "Bearer ";
  private static final long DRAIN_LIMIT = 1 << 20;

  private final RpcAuthPolicy policy;
  private final Set<String> paths;

  RpcAuthHandler(RpcAuthPolicy policy, Set<String> paths, Handler next) {
    super(next);
    this.policy = policy;
    this.paths = Set.copyOf(paths);
  }

  /** Reads request bodies and runs methods with blocking I/O: never on a selector thread. */
  @Override
  public InvocationType getInvocationType() {
    return InvocationType.BLOCKING;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    if (!paths.contains(Request.getPathInContext(request))) {
      return super.handle(request, response, callback);
    }
    String header = request.getHeaders().get(HttpHeader.AUTHORIZATION);
    String token = null;
    if (header != null && !header.isEmpty()) {
      if (!header.startsWith(BEARER)) {
        return unauthorized(
            request, response, callback, "Authorization header must be 'Bearer <token>'");
      }
      token = header.substring(BEARER.length()).trim();
    } else {
      Fields query = Request.extractQueryParameters(request);
      String q = query.getValue("token");
      if (q != null && !q.isEmpty()) {
        token = q;
      }
    }
    Set<Permission> perms;
    if (token == null) {
      if (policy.anonymous().isEmpty()) {
        return unauthorized(
            request,
            response,
            callback,
            "this API requires a token (Authorization: Bearer <token>)");
      }
      perms = policy.anonymous();
    } else {
      try {
        perms = policy.verifier().verify(token);
      } catch (RpcUnauthorizedException e) {
        LOG.warn(
            "JWT verification failed (from {}): {}",
            Request.getRemoteAddr(request),
            e.getMessage());
        return unauthorized(request, response, callback, e.getMessage());
      }
    }
    request.setAttribute(PERMISSIONS_ATTRIBUTE, perms);
    return super.handle(request, response, callback);
  }

  private static boolean unauthorized(
      Request request, Response response, Callback callback, String reason) {
    drainBody(request);
    response.setStatus(401);
    response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer");
    // The request body is left unread, so Jetty drops the connection after this response; announcing it keeps a
    // keep-alive client from sending its next request into the closed socket.
    response.getHeaders().put(HttpHeader.CONNECTION, "close");
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
    Content.Sink.write(response, true, "unauthorized: " + reason + "\n", callback);
    return true;
  }

  /**
   * Reads and drops what the client is still sending (up to {@link #DRAIN_LIMIT}), as Go's net/http does: a client
   * that is still uploading when the 401 goes out and the socket closes would otherwise see a broken pipe, not the
   * reason it was refused.
   */
  private static void drainBody(Request request) {
    java.io.InputStream in = Content.Source.asInputStream(request);
    byte[] buf = new byte[8192];
    try {
      for (long n = 0; n < DRAIN_LIMIT; ) {
        int r = in.read(buf);
        if (r < 0) {
          return;
        }
        n += r;
      }
    } catch (java.io.IOException e) {
      LOG.debug("while dropping the body of a refused request: {}", e.toString());
    }
  }

  @SuppressWarnings("unchecked")
  static Set<Permission> permissionsOf(Request request) {
    Object p = request.getAttribute(PERMISSIONS_ATTRIBUTE);
    return p instanceof Set<?> s ? (Set<Permission>) s : Set.of();
  }
}
