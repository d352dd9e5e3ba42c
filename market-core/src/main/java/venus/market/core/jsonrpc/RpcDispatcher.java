package venus.market.core.jsonrpc;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes JSON-RPC requests, checks permissions, invokes methods and encodes replies, independent
 * of transport. Error codes and messages follow go-jsonrpc so Go clients print what lotus would.
 */
public final class RpcDispatcher {
  private static final Logger LOG = LoggerFactory.getLogger(RpcDispatcher.class);
  static final int MAX_BATCH = 1024;

  private final RpcRegistry registry;
  private final ObjectMapper mapper;
  private final ObjectReader treeReader;

  public RpcDispatcher(RpcRegistry registry, ObjectMapper mapper) {
    this.registry = registry;
    this.mapper = mapper;
    this.treeReader = mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }

  public ObjectMapper mapper() {
    return mapper;
  }

  /**
   * What to send back.
   *
   * @param body the response (object or batch array), or null when nothing is sent (notifications)
   * @param httpStatus the status go-jsonrpc would use over HTTP
   * @param afterSend to run once the body is written (starts channel delivery)
   */
  public record Reply(JsonNode body, int httpStatus, Runnable afterSend) {
    static Reply none() {
      return new Reply(null, 200, () -> {});
    }
  }

  /** Parses a request body; an unparsable body yields the error reply to send instead. */
  public ParseResult parse(String body) {
    if (body == null || body.isBlank()) {
      return new ParseResult(
          null,
          error(
              NullNode.getInstance(),
              RpcErrorCodes.INVALID_REQUEST,
              "Invalid request: empty body"));
    }
    try {
      JsonNode tree = treeReader.readTree(body);
      if (tree == null || tree.isMissingNode()) {
        return new ParseResult(
            null,
            error(
                NullNode.getInstance(),
                RpcErrorCodes.INVALID_REQUEST,
                "Invalid request: empty body"));
      }
      return new ParseResult(tree, null);
    } catch (JacksonException e) {
      return new ParseResult(
          null,
          error(
              NullNode.getInstance(),
              RpcErrorCodes.PARSE_ERROR,
              "Parse error: " + e.getOriginalMessage()));
    }
  }

  public record ParseResult(JsonNode tree, Reply error) {}

  /** Parses and handles a complete request body. */
  public Reply dispatch(String body, Set<Permission> perms, ChannelHost host) {
    ParseResult parsed = parse(body);
    return parsed.error() != null ? parsed.error() : handle(parsed.tree(), perms, host);
  }

  /** Handles a parsed request or batch. */
  Reply handle(JsonNode tree, Set<Permission> perms, ChannelHost host) {
    if (!tree.isArray()) {
      return handleOne(tree, perms, host);
    }
    if (tree.isEmpty() || tree.size() > MAX_BATCH) {
      return error(
          NullNode.getInstance(),
          RpcErrorCodes.INVALID_REQUEST,
          "Invalid request: a batch must hold 1.." + MAX_BATCH + " requests, got " + tree.size());
    }
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    List<Runnable> after = new ArrayList<>();
    for (JsonNode one : tree) {
      Reply r = handleOne(one, perms, host);
      if (r.body() != null) {
        out.add(r.body());
      }
      after.add(r.afterSend());
    }
    return new Reply(out.isEmpty() ? null : out, 200, () -> after.forEach(Runnable::run));
  }

  private Reply handleOne(JsonNode req, Set<Permission> perms, ChannelHost host) {
    Reply r = handleOneUnchecked(req, perms, host);
    // A notification never gets a reply, not even an error (JSON-RPC 2.0 section 4.1).
    boolean notification = req.isObject() && !req.has("id");
    return notification && r.body() != null ? new Reply(null, 200, r.afterSend()) : r;
  }

  private Reply handleOneUnchecked(JsonNode req, Set<Permission> perms, ChannelHost host) {
    if (!req.isObject()) {
      return error(
          NullNode.getInstance(),
          RpcErrorCodes.INVALID_REQUEST,
          "Invalid request: expected an object, got " + req.getNodeType());
    }
    JsonNode idNode = req.get("id");
    boolean notification = idNode == null;
    JsonNode id = notification ? NullNode.getInstance() : idNode;
    if (!id.isNull() && !id.isNumber() && !id.isTextual()) {
      return error(
          NullNode.getInstance(),
          RpcErrorCodes.INVALID_REQUEST,
          "Invalid request: id must be a number, string or null");
    }
    JsonNode version = req.get("jsonrpc");
    if (version != null && !"2.0".equals(version.asText(null))) {
      return error(id, RpcErrorCodes.INVALID_REQUEST, "Invalid request: jsonrpc must be \"2.0\"");
    }
    JsonNode methodNode = req.get("method");
    if (methodNode == null || !methodNode.isTextual()) {
      return error(id, RpcErrorCodes.INVALID_REQUEST, "Invalid request: method must be a string");
    }
    String name = methodNode.textValue();
    Optional<RpcMethod> found = registry.find(name);
    if (found.isEmpty()) {
      return error(id, RpcErrorCodes.METHOD_NOT_FOUND, "method '" + name + "' not found");
    }
    RpcMethod method = found.get();
    if (method.isChannel() && host == null) {
      return error(
          id,
          RpcErrorCodes.METHOD_NOT_FOUND,
          "method '"
              + name
              + "' not supported in this mode (no out channel support; use websocket)");
    }
    if (!perms.contains(method.permission())) {
      RpcPermissionException denied =
          RpcPermissionException.missing(method.shortName(), method.permission());
      return error(id, denied.code(), denied.getMessage(), 200);
    }
    Object[] params;
    try {
      params = decodeParams(method, req.get("params"));
    } catch (RpcInvalidParamsException e) {
      return error(id, e.code(), e.getMessage());
    }
    RpcCall call = new RpcCall(name, perms, params);
    try {
      if (method.isChannel()) {
        if (notification) {
          return Reply.none();
        }
        ChannelHost.Opened opened =
            host.openChannel(id, sink -> method.channelHandler().open(call, sink));
        return new Reply(
            result(id, mapper.getNodeFactory().numberNode(opened.channelId())),
            200,
            opened.activate());
      }
      Object value = method.handler().handle(call);
      if (notification) {
        return Reply.none();
      }
      JsonNode encoded;
      try {
        encoded = mapper.valueToTree(value);
      } catch (IllegalArgumentException e) {
        LOG.warn("cannot encode the result of {}", name, e);
        return error(
            id,
            RpcErrorCodes.INTERNAL_ERROR,
            "encoding the result of '" + name + "': " + e.getMessage());
      }
      return new Reply(
          result(id, encoded == null ? NullNode.getInstance() : encoded), 200, () -> {});
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      return methodError(id, name, e);
    }
  }

  private Reply methodError(JsonNode id, String name, Exception e) {
    int code =
        e instanceof RpcRemoteException remote ? remote.code() : RpcErrorCodes.APPLICATION_ERROR;
    if (isProgrammingError(e)) {
      LOG.warn("rpc method {} failed", name, e);
    } else {
      // Ordinary failures ("deal not found") are the caller's business; lotus logs them without a
      // trace too.
      LOG.debug("rpc method {} failed: {}", name, e.toString());
    }
    String message = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    return error(id, code, message, 200);
  }

  private static boolean isProgrammingError(Exception e) {
    return e instanceof NullPointerException
        || e instanceof ClassCastException
        || e instanceof IndexOutOfBoundsException
        || e instanceof ArithmeticException
        || e instanceof UnsupportedOperationException;
  }

  private Object[] decodeParams(RpcMethod method, JsonNode params) {
    List<JavaType> types = method.paramTypes();
    int got;
    if (params == null || params.isNull()) {
      got = 0;
    } else if (params.isArray()) {
      got = params.size();
    } else {
      throw new RpcInvalidParamsException(
          "params of '" + method.name() + "' must be a JSON array, got " + params.getNodeType());
    }
    if (got > types.size() || got < method.requiredParams()) {
      throw new RpcInvalidParamsException(
          "wrong param count (method '" + method.name() + "'): " + got + " != " + types.size());
    }
    Object[] out = new Object[types.size()];
    for (int i = 0; i < got; i++) {
      JavaType type = types.get(i);
      try {
        out[i] = mapper.treeToValue(params.get(i), type);
      } catch (JacksonException | IllegalArgumentException e) {
        String detail = e instanceof JacksonException je ? je.getOriginalMessage() : e.getMessage();
        throw new RpcInvalidParamsException(
            "unmarshaling params for '"
                + method.name()
                + "' (param "
                + i
                + ": "
                + type.getRawClass().getSimpleName()
                + "): "
                + detail);
      }
    }
    return out;
  }

  private ObjectNode result(JsonNode id, JsonNode result) {
    ObjectNode n = mapper.getNodeFactory().objectNode();
    n.put("jsonrpc", "2.0");
    n.set("result", result);
    n.set("id", id);
    return n;
  }

  private Reply error(JsonNode id, int code, String message) {
    return error(id, code, message, code == RpcErrorCodes.INVALID_REQUEST ? 400 : 500);
  }

  private Reply error(JsonNode id, int code, String message, int httpStatus) {
    ObjectNode n = mapper.getNodeFactory().objectNode();
    n.put("jsonrpc", "2.0");
    n.set("id", id);
    ObjectNode err = n.putObject("error");
    err.put("code", code);
    err.put("message", message);
    return new Reply(n, httpStatus, () -> {});
  }
}
