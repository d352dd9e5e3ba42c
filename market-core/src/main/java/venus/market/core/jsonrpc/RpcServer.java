package venus.market.core.jsonrpc;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import venus.market.core.json.LotusJson;

/**
 * A Jetty 12 server exposing one or more registries as JSON-RPC endpoints (e.g. /rpc/v0 and
 * /rpc/v1), each over HTTP POST and websocket on the same path. Requests to other paths go to an
 * optional fallback handler.
 */
public final class RpcServer implements AutoCloseable {
  private final Server server;
  private final ServerConnector connector;
  private final ThreadPoolExecutor calls;

  private RpcServer(Builder b) {
    this.server = new Server();
    this.connector = new ServerConnector(server);
    connector.setHost(b.host);
    connector.setPort(b.port);
    server.addConnector(connector);
    this.calls = newCallExecutor(b.maxConcurrentCalls);

    Map<String, RpcDispatcher> dispatchers = new LinkedHashMap<>();
    b.endpoints.forEach(
        (path, registry) -> dispatchers.put(path, new RpcDispatcher(registry, b.mapper)));

    ContextHandler context = new ContextHandler("/");
    WebSocketUpgradeHandler ws =
        WebSocketUpgradeHandler.from(
            server,
            context,
            container -> {
              container.setIdleTimeout(b.websocketIdleTimeout);
              container.setMaxTextMessageSize(b.maxRequestBytes);
              container.setMaxBinaryMessageSize(b.maxRequestBytes);
              dispatchers.forEach(
                  (path, dispatcher) ->
                      container.addMapping(
                          path,
                          (rq, rs, cb) ->
                              new RpcWebSocketEndpoint(
                                  dispatcher,
                                  RpcAuthHandler.permissionsOf(rq),
                                  calls,
                                  b.maxQueuedBytesPerConnection)));
            });
    ws.setHandler(new RpcHttpHandler(dispatchers, b.maxRequestBytes, b.fallback));
    context.setHandler(new RpcAuthHandler(b.auth, dispatchers.keySet(), ws));
    server.setHandler(context);
  }

  private static ThreadPoolExecutor newCallExecutor(int threads) {
    AtomicInteger n = new AtomicInteger();
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            threads,
            threads,
            60,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(16 * threads),
            r -> {
              Thread t = new Thread(r, "rpc-call-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  public static Builder builder() {
    return new Builder();
  }

  public RpcServer start() throws Exception {
    server.start();
    return this;
  }

  /** The bound port (useful with port 0). */
  public int port() {
    return connector.getLocalPort();
  }

  public InetSocketAddress address() {
    return new InetSocketAddress(connector.getHost(), port());
  }

  @Override
  public void close() throws Exception {
    try {
      server.stop();
    } finally {
      calls.shutdownNow();
    }
  }

  ExecutorService callExecutor() {
    return calls;
  }

  /** Server settings; every limit has a default suitable for a market daemon. */
  public static final class Builder {
    private String host = "127.0.0.1";
    private int port = 0;
    private final Map<String, RpcRegistry> endpoints = new LinkedHashMap<>();
    private ObjectMapper mapper = LotusJson.mapper();
    private RpcAuthPolicy auth;
    private Handler fallback;
    private long maxRequestBytes = 64L << 20;
    private long maxQueuedBytesPerConnection = 256L << 20;
    private int maxConcurrentCalls = 64;
    private Duration websocketIdleTimeout = Duration.ofMinutes(10);

    public Builder bind(String host, int port) {
      this.host = Objects.requireNonNull(host);
      this.port = port;
      return this;
    }

    /** Serves {@code registry} on {@code path} ("/rpc/v1"). */
    public Builder endpoint(String path, RpcRegistry registry) {
      if (!path.startsWith("/")) {
        throw new IllegalArgumentException("endpoint path must start with '/': " + path);
      }
      endpoints.put(path, Objects.requireNonNull(registry));
      return this;
    }

    public Builder mapper(ObjectMapper mapper) {
      this.mapper = Objects.requireNonNull(mapper);
      return this;
    }

    public Builder auth(RpcAuthPolicy auth) {
      this.auth = Objects.requireNonNull(auth);
      return this;
    }

    /**
     * Handles requests to paths that are not RPC endpoints (e.g. health checks, piece transfers).
     */
    public Builder fallback(Handler fallback) {
      this.fallback = fallback;
      return this;
    }

    public Builder maxRequestBytes(long bytes) {
      this.maxRequestBytes = bytes;
      return this;
    }

    public Builder maxQueuedBytesPerConnection(long bytes) {
      this.maxQueuedBytesPerConnection = bytes;
      return this;
    }

    public Builder maxConcurrentCalls(int calls) {
      this.maxConcurrentCalls = calls;
      return this;
    }

    public Builder websocketIdleTimeout(Duration timeout) {
      this.websocketIdleTimeout = Objects.requireNonNull(timeout);
      return this;
    }

    public RpcServer build() {
      if (endpoints.isEmpty()) {
        throw new IllegalStateException("an RPC server needs at least one endpoint");
      }
      if (auth == null) {
        throw new IllegalStateException("an RPC server needs an auth policy (RpcAuthPolicy)");
      }
      return new RpcServer(this);
    }
  }
}
