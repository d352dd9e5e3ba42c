package venus.market.core.jsonrpc;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;

/** Client-side request building and reply decoding shared by the HTTP and websocket clients. */
final class RpcReplies {
  private RpcReplies() {}

  static ObjectNode request(ObjectMapper mapper, long id, String method, Object[] params) {
    ObjectNode req = mapper.createObjectNode();
    req.put("jsonrpc", "2.0");
    req.put("method", method);
    ArrayNode p = req.putArray("params");
    if (params != null) {
      for (Object o : params) {
        JsonNode v = mapper.valueToTree(o);
        p.add(v == null ? mapper.nullNode() : v);
      }
    }
    req.put("id", id);
    return req;
  }

  /**
   * Decodes the body of an HTTP reply to request {@code id}: 401 is {@link RpcUnauthorizedException}, a body that
   * is not a JSON-RPC object or answers another id is {@link RpcTransportException}, else as {@link #resultOf}.
   */
  static <T> T httpResultOf(
      ObjectMapper mapper, int status, String text, URI endpoint, String method, long id, JavaType type) {
    if (status == 401) {
      throw new RpcUnauthorizedException(
          method + " refused by " + endpoint + ": " + (text.isBlank() ? "401 Unauthorized" : text.strip()));
    }
    JsonNode reply;
    try {
      reply = mapper.readTree(text);
    } catch (JacksonException e) {
      reply = null;
    }
    if (reply == null || !reply.isObject()) {
      throw new RpcTransportException(
          method + ": HTTP " + status + " from " + endpoint + " without a JSON-RPC reply"
              + (text.isBlank() ? "" : ": " + abbreviate(text)));
    }
    JsonNode replyId = reply.get("id");
    if (replyId != null && replyId.isNumber() && replyId.asLong() != id) {
      throw new RpcTransportException(method + ": reply id " + replyId + " does not match request id " + id);
    }
    return resultOf(mapper, reply, type, method);
  }

  private static String abbreviate(String s) {
    String t = s.strip();
    return t.length() <= 200 ? t : t.substring(0, 200) + "...";
  }

  /** Throws the typed exception for an error reply, else decodes {@code result}. */
  static <T> T resultOf(ObjectMapper mapper, JsonNode reply, JavaType type, String method) {
    if (reply == null || !reply.isObject()) {
      throw new RpcTransportException("reply to " + method + " is not a JSON-RPC object");
    }
    JsonNode error = reply.get("error");
    if (error != null && !error.isNull()) {
      int code = error.path("code").asInt(RpcErrorCodes.INTERNAL_ERROR);
      String message = error.path("message").asText("");
      if (code == RpcErrorCodes.CONNECTION_CLOSED) {
        throw new RpcTransportException(method + ": " + message);
      }
      throw RpcRemoteException.of(code, message);
    }
    if (!reply.has("result")) {
      throw new RpcTransportException("reply to " + method + " has neither result nor error");
    }
    if (type.getRawClass() == Void.class || type.getRawClass() == void.class) {
      return null;
    }
    try {
      return mapper.treeToValue(reply.get("result"), type);
    } catch (JacksonException | IllegalArgumentException e) {
      String detail = e instanceof JacksonException je ? je.getOriginalMessage() : e.getMessage();
      throw new RpcTransportException(
          "cannot decode the result of "
              + method
              + " as "
              + type.getRawClass().getSimpleName()
              + ": "
              + detail,
          e);
    }
  }
}
