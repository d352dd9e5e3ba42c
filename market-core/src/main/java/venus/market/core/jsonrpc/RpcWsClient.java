package venus.market.core.jsonrpc;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JSON-RPC over one websocket (java.net.http), with go-jsonrpc channel subscriptions: the reply to
 * a channel method is the channel id, values arrive as {@code xrpc.ch.val}, the end as {@code
 * xrpc.ch.close}, and closing a subscription sends {@code xrpc.cancel [requestId]}. No automatic
 * reconnect: a lost connection fails pending calls and closes every subscription, and the owner
 * decides whether to connect again.
 */
public final class RpcWsClient implements RpcCaller, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RpcWsClient.class);

  private final ObjectMapper mapper;
  private final Duration timeout;
  private final long maxMessageChars;
  private final AtomicLong ids = new AtomicLong();
  private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
  private final Map<Long, ClientChannel> channels = new ConcurrentHashMap<>();
  private final ScheduledThreadPoolExecutor delivery;
  private final Object sendLock = new Object();
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile WebSocket ws;
  private volatile String closeReason = "connection closed";

  private RpcWsClient(ObjectMapper mapper, Duration timeout, long maxMessageChars) {
    this.mapper = mapper;
    this.timeout = timeout;
    this.maxMessageChars = maxMessageChars;
    this.delivery =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "rpc-ws-delivery");
              t.setDaemon(true);
              return t;
            });
  }

  /** Connects to {@code uri} (ws://host:port/rpc/v1) with a 30 s keep-alive ping. */
  public static RpcWsClient connect(URI uri, String token, ObjectMapper mapper, Duration timeout) {
    return connect(uri, token, mapper, timeout, Duration.ofSeconds(30), 256L << 20);
  }

  public static RpcWsClient connect(
      ApiInfo info, String version, ObjectMapper mapper, Duration timeout) {
    return connect(info.wsUrl(version), info.token(), mapper, timeout);
  }

  /**
   * @param pingInterval how often to ping (keeps idle subscriptions through idle timeouts); zero
   *     disables
   * @param maxMessageChars largest incoming message accepted; a bigger one closes the connection
   */
  public static RpcWsClient connect(
      URI uri,
      String token,
      ObjectMapper mapper,
      Duration timeout,
      Duration pingInterval,
      long maxMessageChars) {
    Objects.requireNonNull(uri, "uri");
    RpcWsClient client =
        new RpcWsClient(
            Objects.requireNonNull(mapper), Objects.requireNonNull(timeout), maxMessageChars);
    WebSocket.Builder b =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .build()
            .newWebSocketBuilder()
            .connectTimeout(timeout);
    if (token != null && !token.isEmpty()) {
      b.header("Authorization", "Bearer " + token);
    }
    try {
      client.ws =
          b.buildAsync(uri, client.new Reader())
              .get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      client.delivery.shutdownNow();
      Throwable cause = e.getCause();
      if (cause instanceof WebSocketHandshakeException hs) {
        int status = hs.getResponse().statusCode();
        if (status == 401) {
          throw new RpcUnauthorizedException(
              "websocket upgrade to "
                  + uri
                  + " refused: 401 Unauthorized (token missing, forged or expired)",
              hs);
        }
        throw new RpcTransportException(
            "websocket upgrade to " + uri + " refused: HTTP " + status, hs);
      }
      throw new RpcTransportException("cannot connect to " + uri + ": " + cause, cause);
    } catch (TimeoutException e) {
      client.delivery.shutdownNow();
      throw new RpcTransportException("cannot connect to " + uri + " within " + timeout, e);
    } catch (InterruptedException e) {
      client.delivery.shutdownNow();
      Thread.currentThread().interrupt();
      throw new RpcTransportException("interrupted while connecting to " + uri, e);
    }
    if (!pingInterval.isZero() && !pingInterval.isNegative()) {
      long ms = pingInterval.toMillis();
      client.delivery.scheduleWithFixedDelay(client::ping, ms, ms, TimeUnit.MILLISECONDS);
    }
    return client;
  }

  @Override
  public <T> T call(String method, Class<T> resultType, Object... params) {
    return call(method, mapper.constructType(resultType), params);
  }

  @Override
  public <T> T call(String method, TypeReference<T> resultType, Object... params) {
    return call(method, mapper.constructType(resultType), params);
  }

  @Override
  public <T> T call(String method, JavaType resultType, Object... params) {
    long id = ids.incrementAndGet();
    JsonNode reply = roundTrip(id, method, params, null);
    return RpcReplies.resultOf(mapper, reply, resultType, method);
  }

  public <T> RpcSubscription subscribe(
      String method, Class<T> valueType, ChannelListener<T> listener, Object... params) {
    return subscribe(method, mapper.constructType(valueType), listener, params);
  }

  public <T> RpcSubscription subscribe(
      String method, TypeReference<T> valueType, ChannelListener<T> listener, Object... params) {
    return subscribe(method, mapper.constructType(valueType), listener, params);
  }

  /**
   * Calls a channel method; values are decoded as {@code valueType} and handed to {@code listener}.
   */
  public <T> RpcSubscription subscribe(
      String method, JavaType valueType, ChannelListener<T> listener, Object... params) {
    long id = ids.incrementAndGet();
    ClientChannel ch = new ClientChannel(id, valueType, listener);
    JsonNode reply = roundTrip(id, method, params, ch);
    RpcReplies.resultOf(mapper, reply, mapper.constructType(Long.class), method);
    return ch;
  }

  private JsonNode roundTrip(long id, String method, Object[] params, ClientChannel channel) {
    if (closed.get()) {
      throw new RpcTransportException(method + ": " + closeReason);
    }
    CompletableFuture<JsonNode> future = new CompletableFuture<>();
    pending.put(id, new Pending(future, channel));
    if (closed.get()) {
      // lost() may have drained the pending map just before the put above.
      pending.remove(id);
      throw new RpcTransportException(method + ": " + closeReason);
    }
    try {
      ObjectNode req;
      try {
        req = RpcReplies.request(mapper, id, method, params);
      } catch (IllegalArgumentException e) {
        throw new RpcTransportException(
            "cannot encode the params of " + method + ": " + e.getMessage(), e);
      }
      sendText(req);
      return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new RpcTransportException(method + ": no reply within " + timeout, e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      throw c instanceof RpcException re ? re : new RpcTransportException(method + ": " + c, c);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RpcTransportException(method + ": interrupted", e);
    } finally {
      pending.remove(id);
    }
  }

  private void sendText(JsonNode frame) {
    String text;
    try {
      text = mapper.writeValueAsString(frame);
    } catch (JacksonException e) {
      throw new RpcTransportException("cannot encode a request: " + e.getOriginalMessage(), e);
    }
    // java.net.http allows one outstanding text send at a time.
    synchronized (sendLock) {
      try {
        ws.sendText(text, true).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (ExecutionException | TimeoutException e) {
        throw new RpcTransportException("websocket send failed: " + e, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new RpcTransportException("interrupted while sending", e);
      }
    }
  }

  private void ping() {
    WebSocket w = ws;
    if (w != null && !closed.get()) {
      try {
        w.sendPing(ByteBuffer.allocate(0));
      } catch (IllegalStateException e) {
        LOG.trace("previous ping still outstanding");
      }
    }
  }

  private void onFrame(String text) {
    JsonNode frame;
    try {
      frame = mapper.readTree(text);
    } catch (JacksonException e) {
      LOG.warn("unparsable websocket frame from server: {}", e.getOriginalMessage());
      return;
    }
    if (frame == null || !frame.isObject()) {
      LOG.warn("websocket frame from server is not an object");
      return;
    }
    JsonNode method = frame.get("method");
    if (method != null) {
      String name = method.asText();
      JsonNode params = frame.path("params");
      long chanId = params.path(0).asLong(-1);
      if (RpcWebSocketEndpoint.CH_VAL.equals(name)) {
        ClientChannel ch = channels.get(chanId);
        if (ch == null) {
          LOG.warn("xrpc.ch.val: no subscription with channel id {}", chanId);
        } else {
          ch.deliver(params.get(1));
        }
      } else if (RpcWebSocketEndpoint.CH_CLOSE.equals(name)) {
        ClientChannel ch = channels.remove(chanId);
        if (ch != null) {
          ch.ended();
        }
      } else {
        LOG.debug("ignoring server-to-client call {}", name);
      }
      return;
    }
    JsonNode id = frame.get("id");
    if (id == null || !id.canConvertToLong()) {
      LOG.warn(
          "websocket reply without a usable id: {}",
          frame.path("error").path("message").asText(""));
      return;
    }
    Pending p = pending.remove(id.asLong());
    if (p == null) {
      LOG.debug("reply for unknown or timed-out request {}", id);
      return;
    }
    JsonNode result = frame.get("result");
    if (p.channel() != null && result != null && result.canConvertToLong()) {
      // Register before completing: values for this channel may be the very next frames.
      p.channel().bind(result.asLong());
      channels.put(result.asLong(), p.channel());
    }
    p.future().complete(frame);
  }

  private void lost(String reason) {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    closeReason = reason;
    RpcTransportException e = new RpcTransportException(reason);
    List<Pending> waiting = new ArrayList<>(pending.values());
    pending.clear();
    waiting.forEach(p -> p.future().completeExceptionally(e));
    List<ClientChannel> open = new ArrayList<>(channels.values());
    channels.clear();
    open.forEach(ClientChannel::ended);
    delivery.execute(delivery::shutdown);
  }

  public boolean isOpen() {
    return !closed.get();
  }

  @Override
  public void close() {
    WebSocket w = ws;
    lost("client closed");
    if (w != null) {
      try {
        w.sendClose(WebSocket.NORMAL_CLOSURE, "").get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (ExecutionException | TimeoutException e) {
        w.abort();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        w.abort();
      }
    }
  }

  private record Pending(CompletableFuture<JsonNode> future, ClientChannel channel) {}

  private final class ClientChannel implements RpcSubscription {
    private final long requestId;
    private final JavaType valueType;
    private final ChannelListener<Object> listener;
    private volatile long channelId = -1;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final AtomicBoolean ended = new AtomicBoolean();

    @SuppressWarnings("unchecked")
    ClientChannel(long requestId, JavaType valueType, ChannelListener<?> listener) {
      this.requestId = requestId;
      this.valueType = valueType;
      this.listener = (ChannelListener<Object>) Objects.requireNonNull(listener, "listener");
    }

    void bind(long id) {
      this.channelId = id;
    }

    void deliver(JsonNode value) {
      delivery.execute(
          () -> {
            // Values queued before the close frame are still delivered; only the user's close()
            // drops them.
            if (cancelled.get()) {
              return;
            }
            Object decoded;
            try {
              decoded = mapper.treeToValue(value, valueType);
            } catch (JacksonException | IllegalArgumentException e) {
              LOG.warn(
                  "channel {}: cannot decode a value as {}: {}",
                  channelId,
                  valueType.getRawClass().getSimpleName(),
                  e.getMessage());
              return;
            }
            try {
              listener.onValue(decoded);
            } catch (RuntimeException e) {
              LOG.warn("channel {} listener failed", channelId, e);
            }
          });
    }

    void ended() {
      if (!ended.compareAndSet(false, true)) {
        return;
      }
      try {
        delivery.execute(this::notifyClose);
      } catch (java.util.concurrent.RejectedExecutionException e) {
        notifyClose();
      }
    }

    private void notifyClose() {
      try {
        listener.onClose();
      } catch (RuntimeException e) {
        LOG.warn("channel {} close listener failed", channelId, e);
      }
    }

    @Override
    public long channelId() {
      return channelId;
    }

    @Override
    public boolean isClosed() {
      return cancelled.get() || ended.get();
    }

    @Override
    public void close() {
      if (!cancelled.compareAndSet(false, true) || ended.get() || closed.get()) {
        return;
      }
      ObjectNode cancel = mapper.createObjectNode();
      cancel.put("jsonrpc", "2.0");
      cancel.put("method", RpcWebSocketEndpoint.CANCEL);
      cancel.putArray("params").add(requestId);
      try {
        sendText(cancel);
      } catch (RpcTransportException e) {
        LOG.debug("could not send xrpc.cancel for channel {}: {}", channelId, e.getMessage());
      }
    }
  }

  /** Reassembles fragmented text messages and hands complete frames to {@link #onFrame}. */
  private final class Reader implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      if (partial.length() + data.length() > maxMessageChars) {
        partial.setLength(0);
        lost("server sent a message larger than " + maxMessageChars + " characters");
        webSocket.abort();
        return null;
      }
      partial.append(data);
      if (last) {
        String text = partial.toString();
        partial.setLength(0);
        try {
          onFrame(text);
        } catch (RuntimeException e) {
          LOG.warn("websocket frame handling failed", e);
        }
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      lost(
          "websocket closed by server ("
              + statusCode
              + (reason.isEmpty() ? "" : " " + reason)
              + ")");
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      lost("websocket connection lost: " + error);
    }
  }
}
