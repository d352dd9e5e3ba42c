package venus.market.core.jsonrpc;

import com.fasterxml.jackson.databind.JavaType;
import java.util.List;
import java.util.Objects;

/**
 * A registered method. Exactly one of {@code handler} and {@code channelHandler} is set.
 *
 * @param name full name, "Namespace.Method"
 * @param permission what the caller needs
 * @param paramTypes the positional parameter types, decoded from the JSON params array
 * @param requiredParams how many leading params a call must send; the rest are optional and arrive as null (a
 *     method whose later API version added a trailing param serves old and new callers)
 */
public record RpcMethod(
    String name,
    Permission permission,
    List<JavaType> paramTypes,
    int requiredParams,
    RpcHandler handler,
    ChannelHandler channelHandler) {
  public RpcMethod {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(permission, "permission");
    paramTypes = List.copyOf(paramTypes);
    if (requiredParams < 0 || requiredParams > paramTypes.size()) {
      throw new IllegalArgumentException(
          "method " + name + ": requiredParams " + requiredParams + " outside 0.." + paramTypes.size());
    }
    if ((handler == null) == (channelHandler == null)) {
      throw new IllegalArgumentException(
          "method " + name + " needs exactly one of handler / channelHandler");
    }
  }

  /** A method whose every param is required. */
  public RpcMethod(
      String name,
      Permission permission,
      List<JavaType> paramTypes,
      RpcHandler handler,
      ChannelHandler channelHandler) {
    this(name, permission, paramTypes, paramTypes.size(), handler, channelHandler);
  }

  public boolean isChannel() {
    return channelHandler != null;
  }

  /** The name after the namespace, as lotus puts it in permission errors. */
  public String shortName() {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? name : name.substring(dot + 1);
  }
}
