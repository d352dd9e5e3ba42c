package venus.market.core.jsonrpc;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Methods by full name. Register through a {@link Namespace} ("Filecoin", "VENUS_MARKET"); one
 * registry may hold several namespaces and be served on several paths.
 */
public final class RpcRegistry {
  private final Map<String, RpcMethod> methods = new ConcurrentHashMap<>();

  public Namespace namespace(String namespace) {
    if (namespace == null || namespace.isEmpty() || namespace.contains(".")) {
      throw new IllegalArgumentException(
          "namespace must be non-empty and contain no '.': " + namespace);
    }
    return new Namespace(namespace);
  }

  /** Adds a method; a second method of the same full name is a programming error. */
  public RpcRegistry add(RpcMethod method) {
    if (methods.putIfAbsent(method.name(), method) != null) {
      throw new IllegalStateException("method already registered: " + method.name());
    }
    return this;
  }

  public Optional<RpcMethod> find(String fullName) {
    return fullName == null ? Optional.empty() : Optional.ofNullable(methods.get(fullName));
  }

  public Set<String> names() {
    return new TreeSet<>(methods.keySet());
  }

  private static List<JavaType> javaTypes(List<? extends Type> types) {
    List<JavaType> out = new ArrayList<>(types.size());
    for (Type t : types) {
      out.add(TypeFactory.defaultInstance().constructType(t));
    }
    return out;
  }

  /** Registration helpers that prefix the namespace. */
  public final class Namespace {
    private final String prefix;

    private Namespace(String namespace) {
      this.prefix = namespace + ".";
    }

    public Namespace method(String name, Permission perm, RpcHandler handler) {
      return method(name, perm, List.of(), handler);
    }

    /**
     * @param paramTypes Class objects or {@code new TypeReference<List<X>>(){}.getType()}
     */
    public Namespace method(
        String name, Permission perm, List<? extends Type> paramTypes, RpcHandler handler) {
      add(new RpcMethod(prefix + name, perm, javaTypes(paramTypes), handler, null));
      return this;
    }

    /**
     * A method whose params after the first {@code required} may be left out (they reach the handler as null), for
     * methods that gained a trailing param in a later API version.
     */
    public Namespace methodOptional(
        String name, Permission perm, int required, List<? extends Type> paramTypes, RpcHandler handler) {
      add(new RpcMethod(prefix + name, perm, javaTypes(paramTypes), required, handler, null));
      return this;
    }

    public <A> Namespace method1(String name, Permission perm, Type a, Fn1<A> fn) {
      return method(name, perm, List.of(a), call -> fn.apply(call.param(0)));
    }

    public <A, B> Namespace method2(String name, Permission perm, Type a, Type b, Fn2<A, B> fn) {
      return method(name, perm, List.of(a, b), call -> fn.apply(call.param(0), call.param(1)));
    }

    public <A, B, C> Namespace method3(
        String name, Permission perm, Type a, Type b, Type c, Fn3<A, B, C> fn) {
      return method(
          name,
          perm,
          List.of(a, b, c),
          call -> fn.apply(call.param(0), call.param(1), call.param(2)));
    }

    public Namespace channel(String name, Permission perm, ChannelHandler handler) {
      return channel(name, perm, List.of(), handler);
    }

    public Namespace channel(
        String name, Permission perm, List<? extends Type> paramTypes, ChannelHandler handler) {
      add(new RpcMethod(prefix + name, perm, javaTypes(paramTypes), null, handler));
      return this;
    }
  }

  @FunctionalInterface
  public interface Fn1<A> {
    Object apply(A a) throws Exception;
  }

  @FunctionalInterface
  public interface Fn2<A, B> {
    Object apply(A a, B b) throws Exception;
  }

  @FunctionalInterface
  public interface Fn3<A, B, C> {
    Object apply(A a, B b, C c) throws Exception;
  }
}
