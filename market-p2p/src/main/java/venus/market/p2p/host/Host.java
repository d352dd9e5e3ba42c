package venus.market.p2p.host;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import venus.market.core.MarketException;
import venus.market.p2p.LengthPrefixed;
import venus.market.p2p.P2pException;
import venus.market.p2p.P2pStream;
import venus.market.p2p.StreamDeadline;
import venus.market.p2p.StreamHandler;
import venus.market.p2p.multiaddr.Multiaddr;
import venus.market.p2p.multiaddr.Protocol;
import venus.market.p2p.multistream.MultistreamSelect;
import venus.market.p2p.mux.MuxedStream;
import venus.market.p2p.peer.PeerId;
import venus.market.p2p.protocol.IdentifyInfo;

/**
 * A libp2p host over TCP: listens, dials (reusing connections), serves registered protocols and opens streams.
 * Stream handlers and identify run on worker threads; Netty event loops only move bytes.
 */
public final class Host implements Closeable {

  public static final String PING_PROTOCOL = "/ipfs/ping/1.0.0";
  private static final Logger LOG = LoggerFactory.getLogger(Host.class);
  private static final int PING_SIZE = 32;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final HostConfig config;
  private final PeerId peerId;
  private final EventLoopGroup group;
  private final ExecutorService workers;
  private final ConnectionUpgrader upgrader;
  private final Map<String, StreamHandler> handlers = new ConcurrentHashMap<>();
  private final List<String> handlerOrder = new CopyOnWriteArrayList<>();
  private final Map<PeerId, Set<Connection>> connections = new ConcurrentHashMap<>();
  private final Map<PeerId, CompletableFuture<Connection>> pendingDials = new ConcurrentHashMap<>();
  private final List<Channel> servers = new CopyOnWriteArrayList<>();
  private final List<Multiaddr> boundAddrs = new CopyOnWriteArrayList<>();
  private final InboundGuard guard;
  private volatile boolean closed;

  public Host(HostConfig config) {
    this.config = config;
    this.peerId = PeerId.fromPublicKey(config.identity().publicKey());
    this.group = new NioEventLoopGroup(config.ioThreads(), new DefaultThreadFactory("p2p-io", true));
    AtomicInteger n = new AtomicInteger();
    this.workers = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
      Thread t = new Thread(r, "p2p-stream-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    this.guard = new InboundGuard(config);
    this.upgrader = new ConnectionUpgrader(config, this::onConnection);
    setStreamHandler(IdentifyInfo.PROTOCOL_ID, this::serveIdentify);
    setStreamHandler(PING_PROTOCOL, Host::servePing);
  }

  public PeerId peerId() {
    return peerId;
  }

  public HostConfig config() {
    return config;
  }

  /** Binds every configured listen address (port 0 picks a free port; see {@link #listenAddrs}). */
  public void start() throws IOException {
    for (Multiaddr addr : config.listenAddrs()) {
      listen(addr);
    }
  }

  public Multiaddr listen(Multiaddr addr) throws IOException {
    InetSocketAddress sa = addr.toTcpSocketAddress();
    ServerBootstrap b = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
        .option(ChannelOption.SO_BACKLOG, 256)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            acceptInbound(ch);
          }
        });
    ChannelFuture f = b.bind(sa).awaitUninterruptibly();
    if (!f.isSuccess()) {
      // e.g. UnsupportedAddressTypeException (IPv6 under -Djava.net.preferIPv4Stack=true) has no message
      String why = f.cause().getMessage() != null ? f.cause().getMessage() : f.cause().getClass().getSimpleName();
      throw new IOException("cannot listen on " + addr + ": " + why, f.cause());
    }
    servers.add(f.channel());
    // Keep the requested address and family and take only the port: a JDK dual-stack socket bound to
    // 0.0.0.0 reports itself as [::], which would advertise IPv6 addresses for an IPv4 listener.
    int port = ((InetSocketAddress) f.channel().localAddress()).getPort();
    Multiaddr bound = Multiaddr.tcp(new InetSocketAddress(sa.getAddress(), port));
    boundAddrs.add(bound);
    LOG.info("libp2p host {} listening on {}", peerId, bound);
    return bound;
  }

  /** The bound listen addresses (without /p2p). */
  public List<Multiaddr> listenAddrs() {
    return List.copyOf(boundAddrs);
  }

  public void setStreamHandler(String protocol, StreamHandler handler) {
    if (handlers.put(protocol, handler) == null) {
      handlerOrder.add(protocol);
    }
  }

  public void removeStreamHandler(String protocol) {
    handlers.remove(protocol);
    handlerOrder.remove(protocol);
  }

  /** The protocols we serve, in registration order (what identify advertises). */
  public List<String> protocols() {
    return List.copyOf(handlerOrder);
  }

  public List<Connection> connections() {
    List<Connection> out = new ArrayList<>();
    connections.values().forEach(out::addAll);
    return out;
  }

  public Optional<Connection> connection(PeerId peer) {
    Set<Connection> set = connections.get(peer);
    if (set == null) {
      return Optional.empty();
    }
    return set.stream().filter(Connection::isOpen).findFirst();
  }

  /** Opens a stream to the peer of {@code addr} (which must end in /p2p/…), negotiating the first supported protocol. */
  public P2pStream newStream(Multiaddr addr, List<String> protocols) throws IOException {
    PeerId peer = addr.peerId().orElseThrow(() -> new P2pException("multiaddr " + addr + " has no /p2p/ peer ID"));
    return newStream(peer, List.of(addr), protocols);
  }

  /** Opens a stream, dialling {@code addrs} if there is no open connection to {@code peer}. */
  public P2pStream newStream(PeerId peer, Collection<Multiaddr> addrs, List<String> protocols) throws IOException {
    Connection c = connect(peer, addrs);
    return newStream(c, protocols);
  }

  public P2pStream newStream(Connection c, List<String> protocols) throws IOException {
    MuxedStream s = c.session().openStream();
    try {
      String p = MultistreamSelect.select(s, protocols);
      s.setProtocol(p);
      return s;
    } catch (IOException | RuntimeException e) {
      s.reset();
      throw e;
    }
  }

  /** Returns an open connection to {@code peer}, dialling the addresses in turn if needed. */
  public Connection connect(PeerId peer, Collection<Multiaddr> addrs) throws IOException {
    if (closed) {
      throw new IOException("host is closed");
    }
    if (peer.equals(peerId)) {
      throw new P2pException("refusing to dial ourselves (" + peer + ")");
    }
    Optional<Connection> existing = connection(peer);
    if (existing.isPresent()) {
      return existing.get();
    }
    CompletableFuture<Connection> mine = new CompletableFuture<>();
    CompletableFuture<Connection> pending = pendingDials.putIfAbsent(peer, mine);
    if (pending != null) {
      return await(pending, config.dialTimeout().plusSeconds(1), "dial to " + peer);
    }
    try {
      Connection c = dial(peer, addrs);
      mine.complete(c);
      return c;
    } catch (IOException | RuntimeException e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      pendingDials.remove(peer, mine);
    }
  }

  private Connection dial(PeerId peer, Collection<Multiaddr> addrs) throws IOException {
    List<String> errors = new ArrayList<>();
    for (Multiaddr addr : addrs) {
      Optional<PeerId> inAddr = addr.peerId();
      if (inAddr.isPresent() && !inAddr.get().equals(peer)) {
        errors.add(addr + ": belongs to " + inAddr.get());
        continue;
      }
      Multiaddr target = addr.withoutPeerId();
      if (target.components().size() != 2 || !target.has(Protocol.TCP)) {
        errors.add(addr + ": not a plain TCP address");
        continue;
      }
      try {
        return dialOne(peer, target.toTcpSocketAddress());
      } catch (IOException | MarketException e) {
        errors.add(addr + ": " + e.getMessage());
      }
    }
    throw new IOException("cannot connect to " + peer + (errors.isEmpty() ? ": no addresses" : ": " + String.join("; ", errors)));
  }

  private Connection dialOne(PeerId peer, InetSocketAddress target) throws IOException {
    CompletableFuture<Connection> result = new CompletableFuture<>();
    Bootstrap b = new Bootstrap().group(group).channel(NioSocketChannel.class)
        .option(ChannelOption.TCP_NODELAY, true)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) config.dialTimeout().toMillis())
        .handler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            upgrader.configure(ch, true, peer, result);
          }
        });
    ChannelFuture cf = b.connect(target);
    cf.addListener(f -> {
      if (!f.isSuccess()) {
        result.completeExceptionally(f.cause());
      }
    });
    Connection c = await(result, config.dialTimeout(), "dial to " + peer + " at " + target);
    return c;
  }

  private static <T> T await(CompletableFuture<T> f, Duration timeout, String what) throws IOException {
    try {
      return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      f.cancel(false);
      throw new SocketTimeoutException(what + " timed out after " + timeout.toMillis() + " ms");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted: " + what);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof IOException io) {
        throw io;
      }
      if (c instanceof MarketException m) {
        throw m;
      }
      throw new IOException(what + " failed: " + c, c);
    }
  }

  /** Round-trip time of one ping (32 random bytes echoed). */
  public Duration ping(PeerId peer, Collection<Multiaddr> addrs) throws IOException {
    try (P2pStream s = newStream(peer, addrs, List.of(PING_PROTOCOL))) {
      byte[] data = new byte[PING_SIZE];
      RANDOM.nextBytes(data);
      long t0 = System.nanoTime();
      s.out().write(data);
      byte[] back = s.in().readNBytes(PING_SIZE);
      long rtt = System.nanoTime() - t0;
      if (!Arrays.equals(data, back)) {
        throw new P2pException("ping to " + peer + ": reply differs from what was sent");
      }
      return Duration.ofNanos(rtt);
    }
  }

  /** What identify told us about a connected peer (waits up to the stream timeout). */
  public IdentifyInfo identify(PeerId peer) throws IOException {
    Connection c = connection(peer).orElseThrow(() -> new IOException("not connected to " + peer));
    return await(c.identify(), config.mux().streamTimeout(), "identify of " + peer);
  }

  // ---- inbound ----

  /** What the inbound caps ({@link HostConfig#maxInboundConnections}, {@link InboundLimits}) refused and hold. */
  public InboundStats inboundStats() {
    return guard.stats();
  }

  private void acceptInbound(SocketChannel ch) {
    if (closed) {
      ch.close();
      return;
    }
    CompletableFuture<Connection> upgrade = new CompletableFuture<>();
    if (!guard.admit(ch, upgrade)) {
      ch.close();
      return;
    }
    upgrader.configure(ch, false, null, upgrade);
  }

  private void onConnection(Connection c) {
    if (closed || (!c.outbound() && !guard.established(c))) {
      c.identify().completeExceptionally(new IOException("connection refused by " + peerId));
      c.close();
      return;
    }
    // Before any stream exists (we are on the event loop, inside the upgrade): every byte its streams buffer counts.
    c.session().setStreamMemory(guard.memory(c));
    connections.computeIfAbsent(c.remotePeer(), k -> ConcurrentHashMap.newKeySet()).add(c);
    c.channel().closeFuture().addListener(f -> {
      Set<Connection> set = connections.get(c.remotePeer());
      if (set != null) {
        set.remove(c);
        connections.remove(c.remotePeer(), Set.of());
      }
      c.identify().completeExceptionally(new IOException("connection closed"));
      LOG.debug("closed {}", c);
    });
    // Runs on the event loop: a stream over the caps is reset here, before a thread or buffer is spent on it
    // (go-libp2p's resource manager resets it the same way).
    c.session().setInboundStreamListener(s -> {
      Runnable release = guard.admitStream(c);
      if (release == null) {
        s.reset();
        return;
      }
      try {
        workers.execute(() -> {
          try {
            serveInbound(c, s);
          } finally {
            release.run();
          }
        });
      } catch (RuntimeException e) {
        release.run();
        s.reset();
      }
    });
    LOG.debug("established {}", c);
    workers.execute(() -> runIdentify(c));
  }

  private void serveInbound(Connection c, MuxedStream s) {
    String protocol = null;
    try {
      // A peer trickling its protocol proposal a byte per read timeout must not hold this thread for long.
      StreamDeadline deadline = StreamDeadline.start(s, config.handshakeTimeout(), "protocol negotiation");
      try {
        protocol = MultistreamSelect.listen(s, handlers::containsKey, handlerOrder);
      } finally {
        deadline.close();
      }
      s.setProtocol(protocol);
      StreamHandler h = handlers.get(protocol);
      if (h == null) {
        s.reset();
        return;
      }
      h.handle(s);
      s.close();
    } catch (IOException | RuntimeException e) {
      LOG.debug("stream {} from {} ({}) failed: {}", s.id(), c.remotePeer(), protocol, e.toString());
      s.reset();
    }
  }

  private void runIdentify(Connection c) {
    try (P2pStream s = newStream(c, List.of(IdentifyInfo.PROTOCOL_ID))) {
      // The responder may send several length-prefixed messages; merge them until it closes.
      java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
      byte[] m;
      while ((m = LengthPrefixed.read(s.in(), config.maxMessageSize())) != null) {
        if (all.size() + m.length > config.maxMessageSize()) {
          throw new P2pException("identify from " + c.remotePeer() + " exceeds " + config.maxMessageSize() + " bytes");
        }
        all.writeBytes(m);
      }
      IdentifyInfo info = IdentifyInfo.decode(all.toByteArray());
      if (info.publicKey() != null && !c.remotePeer().matches(info.publicKey())) {
        throw new P2pException("identify from " + c.remotePeer() + " carries another peer's key");
      }
      c.identify().complete(info);
      LOG.debug("identified {}: agent {}, {} protocols", c.remotePeer(), info.agentVersion(), info.protocols().size());
    } catch (IOException | RuntimeException e) {
      LOG.debug("identify of {} failed: {}", c.remotePeer(), e.toString());
      c.identify().completeExceptionally(e);
    }
  }

  private void serveIdentify(P2pStream s) throws IOException {
    Connection c = connection(s.remotePeer()).orElse(null);
    Multiaddr observed = c == null ? null : c.remoteAddr();
    List<Multiaddr> addrs = advertisedAddrs();
    IdentifyInfo info = new IdentifyInfo(config.protocolVersion(), config.agentVersion(), config.identity().publicKey(),
        addrs, observed, protocols());
    LengthPrefixed.write(s.out(), info.encode());
    s.closeWrite();
  }

  private List<Multiaddr> advertisedAddrs() {
    return List.copyOf(boundAddrs);
  }

  private static void servePing(P2pStream s) throws IOException {
    byte[] buf = new byte[PING_SIZE];
    while (true) {
      int n = s.in().readNBytes(buf, 0, PING_SIZE);
      if (n < PING_SIZE) {
        return;
      }
      s.out().write(buf);
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (Channel s : servers) {
      s.close().awaitUninterruptibly();
    }
    for (Connection c : connections()) {
      c.close();
    }
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
    workers.shutdownNow();
  }
}
