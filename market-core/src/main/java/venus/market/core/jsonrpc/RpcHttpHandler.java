package venus.market.core.jsonrpc;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** JSON-RPC over HTTP POST on the RPC paths; other requests fall through to the next handler. */
final class RpcHttpHandler extends Handler.Wrapper {
  private final Map<String, RpcDispatcher> dispatchers;
  private final long maxRequestBytes;

  RpcHttpHandler(Map<String, RpcDispatcher> dispatchers, long maxRequestBytes, Handler next) {
    super(next);
    this.dispatchers = Map.copyOf(dispatchers);
    this.maxRequestBytes = maxRequestBytes;
  }

  /** Reads request bodies and runs methods with blocking I/O: never on a selector thread. */
  @Override
  public InvocationType getInvocationType() {
    return InvocationType.BLOCKING;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    RpcDispatcher dispatcher = dispatchers.get(Request.getPathInContext(request));
    if (dispatcher == null) {
      return super.handle(request, response, callback);
    }
    if (!HttpMethod.POST.is(request.getMethod())) {
      response.setStatus(405);
      response.getHeaders().put(HttpHeader.ALLOW, "POST");
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
      Content.Sink.write(response, true, "JSON-RPC: use POST or a websocket upgrade\n", callback);
      return true;
    }
    ObjectMapper mapper = dispatcher.mapper();
    byte[] body;
    try (InputStream in = Request.asInputStream(request)) {
      body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxRequestBytes + 1));
    }
    RpcDispatcher.Reply reply;
    if (body.length > maxRequestBytes) {
      reply = tooBig(dispatcher);
    } else {
      reply =
          dispatcher.dispatch(
              new String(body, StandardCharsets.UTF_8),
              RpcAuthHandler.permissionsOf(request),
              null);
    }
    response.setStatus(reply.httpStatus());
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    byte[] out = reply.body() == null ? new byte[0] : mapper.writeValueAsBytes(reply.body());
    response.write(true, java.nio.ByteBuffer.wrap(out), callback);
    reply.afterSend().run();
    return true;
  }

  private RpcDispatcher.Reply tooBig(RpcDispatcher dispatcher) {
    var n = dispatcher.mapper().createObjectNode();
    n.put("jsonrpc", "2.0");
    n.putNull("id");
    n.putObject("error")
        .put("code", RpcErrorCodes.PARSE_ERROR)
        .put("message", "request bigger than maximum " + maxRequestBytes + " allowed");
    return new RpcDispatcher.Reply(n, 500, () -> {});
  }
}
