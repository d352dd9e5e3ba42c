package venus.market.core.jsonrpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.eclipse.jetty.websocket.api.annotations.OnWebSocketClose;
import org.eclipse.jetty.websocket.api.annotations.OnWebSocketError;
import org.eclipse.jetty.websocket.api.annotations.OnWebSocketMessage;
import org.eclipse.jetty.websocket.api.annotations.OnWebSocketOpen;
import org.eclipse.jetty.websocket.api.annotations.WebSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One server-side websocket connection, speaking go-jsonrpc's websocket dialect: calls run
 * concurrently, {@code xrpc.cancel [id]} cancels a call or channel, and channel results are pushed
 * as {@code xrpc.ch.val [chanId, value]} then {@code xrpc.ch.close [chanId]} notifications. Public
 * only because Jetty binds the annotated methods through a public MethodHandles lookup; not an API.
 */
@WebSocket
public final class RpcWebSocketEndpoint implements ChannelHost {
  private static final Logger LOG = LoggerFactory.getLogger(RpcWebSocketEndpoint.class);
  static final String CANCEL = "xrpc.cancel";
  static final String CH_VAL = "xrpc.ch.val";
  static final String CH_CLOSE = "xrpc.ch.close";

  private final RpcDispatcher dispatcher;
  private final ObjectMapper mapper;
  private final Set<Permission> perms;
  private final ExecutorService executor;
  private final long maxQueuedBytes;

  private final Object sendLock = new Object();
  private final ArrayDeque<String> outbound = new ArrayDeque<>();
  private long queuedBytes;
  private boolean sending;
  private volatile boolean closed;
  private volatile Session session;

  private final AtomicLong channelIds = new AtomicLong();
  private final Map<Long, ServerChannel> channels = new ConcurrentHashMap<>();
  private final Map<String, Long> channelByRequest = new ConcurrentHashMap<>();
  private final Map<String, Future<?>> inflight = new ConcurrentHashMap<>();

  RpcWebSocketEndpoint(
      RpcDispatcher dispatcher,
      Set<Permission> perms,
      ExecutorService executor,
      long maxQueuedBytes) {
    this.dispatcher = dispatcher;
    this.mapper = dispatcher.mapper();
    this.perms = perms;
    this.executor = executor;
    this.maxQueuedBytes = maxQueuedBytes;
  }

  @OnWebSocketOpen
  public void onOpen(Session s) {
    this.session = s;
  }

  @OnWebSocketMessage
  public void onText(Session s, String message) {
    RpcDispatcher.ParseResult parsed = dispatcher.parse(message);
    if (parsed.error() != null) {
      send(parsed.error().body());
      return;
    }
    JsonNode tree = parsed.tree();
    if (tree.isObject()) {
      JsonNode method = tree.get("method");
      if (method == null) {
        // A response frame: this side never calls the client, so there is nothing waiting for it.
        LOG.debug("ignoring a response frame on a server websocket");
        return;
      }
      String name = method.asText();
      if (CANCEL.equals(name)) {
        cancel(tree.get("params"));
        return;
      }
      if (CH_VAL.equals(name) || CH_CLOSE.equals(name)) {
        LOG.debug("ignoring {}: client-to-server channels are not supported", name);
        return;
      }
    }
    String key = tree.isObject() && tree.hasNonNull("id") ? tree.get("id").toString() : null;
    try {
      Future<?> f =
          executor.submit(
              () -> {
                try {
                  RpcDispatcher.Reply reply = dispatcher.handle(tree, perms, this);
                  if (reply.body() != null) {
                    send(reply.body());
                  }
                  reply.afterSend().run();
                } catch (RuntimeException e) {
                  LOG.warn("websocket rpc handling failed", e);
                } finally {
                  if (key != null) {
                    inflight.remove(key);
                  }
                }
              });
      if (key != null) {
        inflight.put(key, f);
        if (f.isDone()) {
          inflight.remove(key, f);
        }
      }
    } catch (RejectedExecutionException e) {
      ObjectNode err = mapper.createObjectNode();
      err.put("jsonrpc", "2.0");
      err.set("id", tree.isObject() && tree.has("id") ? tree.get("id") : mapper.nullNode());
      err.putObject("error")
          .put("code", RpcErrorCodes.INTERNAL_ERROR)
          .put("message", "server busy: too many concurrent calls");
      send(err);
    }
  }

  @OnWebSocketClose
  public void onClose(int statusCode, String reason) {
    shutdown();
  }

  @OnWebSocketError
  public void onError(Throwable cause) {
    LOG.debug("websocket error", cause);
    shutdown();
  }

  private void cancel(JsonNode params) {
    if (params == null || !params.isArray() || params.isEmpty()) {
      LOG.debug("xrpc.cancel without a request id");
      return;
    }
    String key = params.get(0).toString();
    Long chan = channelByRequest.get(key);
    if (chan != null) {
      ServerChannel ch = channels.get(chan);
      if (ch != null) {
        ch.close();
      }
    }
    Future<?> f = inflight.remove(key);
    if (f != null) {
      f.cancel(true);
    }
  }

  private void shutdown() {
    if (closed) {
      return;
    }
    closed = true;
    synchronized (sendLock) {
      outbound.clear();
      queuedBytes = 0;
    }
    inflight.values().forEach(f -> f.cancel(true));
    inflight.clear();
    for (ServerChannel ch : new ArrayList<>(channels.values())) {
      ch.close();
    }
  }

  @Override
  public Opened openChannel(JsonNode requestId, Opener opener) throws Exception {
    if (closed) {
      throw new RpcException("connection closing");
    }
    ServerChannel ch = new ServerChannel(channelIds.incrementAndGet(), requestId.toString());
    channels.put(ch.id, ch);
    channelByRequest.put(ch.requestKey, ch.id);
    AutoCloseable hook;
    try {
      hook = opener.open(ch);
    } catch (Exception | Error e) {
      channels.remove(ch.id);
      channelByRequest.remove(ch.requestKey);
      throw e;
    }
    ch.setHook(hook);
    return new Opened(ch.id, ch::activate);
  }

  private void send(JsonNode body) {
    String text;
    try {
      text = mapper.writeValueAsString(body);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      LOG.warn("cannot encode a websocket frame", e);
      return;
    }
    enqueue(text);
  }

  private void enqueue(String text) {
    boolean startPump;
    synchronized (sendLock) {
      if (closed) {
        return;
      }
      if (queuedBytes + text.length() > maxQueuedBytes) {
        LOG.warn("websocket client reads too slowly ({} bytes queued); closing", queuedBytes);
        Session s = session;
        if (s != null) {
          s.close(StatusCode.POLICY_VIOLATION, "client too slow", Callback.NOOP);
        }
        return;
      }
      outbound.add(text);
      queuedBytes += text.length();
      startPump = !sending;
      sending = true;
    }
    if (startPump) {
      pump();
    }
  }

  /**
   * Sends queued frames one at a time; a frame that completes inline continues the loop, not the
   * stack.
   */
  private void pump() {
    while (true) {
      String next;
      synchronized (sendLock) {
        next = outbound.poll();
        if (next == null || closed) {
          sending = false;
          return;
        }
        queuedBytes -= next.length();
      }
      Session s = session;
      if (s == null || !s.isOpen()) {
        synchronized (sendLock) {
          sending = false;
        }
        return;
      }
      AtomicInteger state =
          new AtomicInteger(); // 0 pending, 1 caller returned first, 2 completed inline
      s.sendText(
          next,
          Callback.from(
              () -> {
                if (!state.compareAndSet(0, 2)) {
                  pump();
                }
              },
              failure -> {
                LOG.debug("websocket send failed", failure);
                shutdown();
              }));
      if (state.compareAndSet(0, 1)) {
        return;
      }
    }
  }

  private String notification(String method, long chanId, JsonNode value) {
    ObjectNode n = mapper.createObjectNode();
    n.put("jsonrpc", "2.0");
    n.put("method", method);
    ArrayNode params = n.putArray("params");
    params.add(chanId);
    if (value != null) {
      params.add(value);
    }
    try {
      return mapper.writeValueAsString(n);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A channel's server end: buffers values until its id has been sent, then forwards them in order.
   */
  private final class ServerChannel implements ChannelSink {
    final long id;
    final String requestKey;
    private final List<String> pending = new ArrayList<>();
    private boolean active;
    private boolean closedFlag;
    private AutoCloseable hook;

    ServerChannel(long id, String requestKey) {
      this.id = id;
      this.requestKey = requestKey;
    }

    @Override
    public boolean send(Object value) {
      if (isClosed()) {
        return false;
      }
      String frame = notification(CH_VAL, id, mapper.valueToTree(value));
      synchronized (this) {
        if (closedFlag) {
          return false;
        }
        if (active) {
          enqueue(frame);
        } else {
          pending.add(frame);
        }
        return true;
      }
    }

    @Override
    public void close() {
      AutoCloseable toRun;
      synchronized (this) {
        if (closedFlag) {
          return;
        }
        closedFlag = true;
        if (active) {
          enqueue(notification(CH_CLOSE, id, null));
        }
        toRun = hook;
        hook = null;
      }
      channels.remove(id);
      channelByRequest.remove(requestKey);
      runHook(toRun);
    }

    @Override
    public synchronized boolean isClosed() {
      return closedFlag || closed;
    }

    void setHook(AutoCloseable h) {
      boolean runNow;
      synchronized (this) {
        runNow = closedFlag;
        if (!runNow) {
          hook = h;
        }
      }
      if (runNow) {
        runHook(h);
      }
    }

    synchronized void activate() {
      active = true;
      pending.forEach(RpcWebSocketEndpoint.this::enqueue);
      pending.clear();
      if (closedFlag) {
        enqueue(notification(CH_CLOSE, id, null));
      }
    }

    private void runHook(AutoCloseable h) {
      if (h == null) {
        return;
      }
      try {
        h.close();
      } catch (Exception e) {
        LOG.warn("closing channel {} failed", id, e);
      }
    }
  }
}
