package venus.market.p2p.host;

import io.netty.channel.Channel;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import venus.market.p2p.mux.StreamMemory;
import venus.market.p2p.peer.PeerId;

/**
 * Admission of inbound connections and inbound stream handlers against {@link HostConfig#maxInboundConnections} and
 * {@link InboundLimits}. Every decision is made on the event loop before anything is spent on the connection or
 * stream (no thread, no buffer), so a flood costs the host one counter update per refusal.
 */
final class InboundGuard {

  private static final Logger LOG = LoggerFactory.getLogger(InboundGuard.class);
  /** A flood would otherwise write one log line per refused connection or stream. */
  private static final long LOG_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);

  private final int maxInbound;
  private final InboundLimits limits;
  private final AtomicInteger inbound = new AtomicInteger();
  private final AtomicInteger handshaking = new AtomicInteger();
  private final AtomicInteger handlers = new AtomicInteger();
  private final AtomicInteger peakHandlers = new AtomicInteger();
  private final KeyedCounter<InetAddress> handshakesByAddress = new KeyedCounter<>();
  private final KeyedCounter<InetAddress> connectionsByAddress = new KeyedCounter<>();
  private final KeyedCounter<InetAddress> handlersByAddress = new KeyedCounter<>();
  private final KeyedCounter<PeerId> handlersByPeer = new KeyedCounter<>();
  private final Refusals overTotal = new Refusals();
  private final Refusals handshakesPerAddress = new Refusals();
  private final Refusals connectionsPerAddress = new Refusals();
  private final Refusals streamsTotal = new Refusals();
  private final Refusals streamsPerPeer = new Refusals();
  private final Refusals streamsPerAddress = new Refusals();
  private final AtomicLong buffered = new AtomicLong();
  private final AtomicLong peakBuffered = new AtomicLong();
  private final Refusals memoryTotal = new Refusals();
  private final Refusals memoryPerConnection = new Refusals();
  private final KeyedCounter<InetAddress> bufferedByAddress = new KeyedCounter<>();
  private final Refusals memoryPerAddress = new Refusals();

  InboundGuard(HostConfig config) {
    this.maxInbound = config.maxInboundConnections();
    this.limits = config.inboundLimits();
  }

  /**
   * A connection was accepted: true if it may start its upgrade. Its slots are given back when {@code upgrade}
   * completes (the handshake slot) and when the channel closes (the connection slot); false means the caller closes it.
   */
  boolean admit(Channel ch, CompletableFuture<Connection> upgrade) {
    InetAddress key = addressKey(ch.remoteAddress());
    if (inbound.incrementAndGet() > maxInbound) {
      inbound.decrementAndGet();
      overTotal.refuse("refusing inbound connection from {}: {} inbound connections (the limit)", ch.remoteAddress(),
          maxInbound);
      return false;
    }
    if (key != null && connectionsByAddress.count(key) >= limits.connectionsPerAddress()) {
      inbound.decrementAndGet();
      connectionsPerAddress.refuse("refusing inbound connection from {}: {} established connections from {} (the limit)",
          ch.remoteAddress(), limits.connectionsPerAddress(), describe(key));
      return false;
    }
    if (key != null && !handshakesByAddress.tryAcquire(key, limits.handshakesPerAddress())) {
      inbound.decrementAndGet();
      handshakesPerAddress.refuse("refusing inbound connection from {}: {} connections from {} still in the handshake "
          + "(the limit)", ch.remoteAddress(), limits.handshakesPerAddress(), describe(key));
      return false;
    }
    handshaking.incrementAndGet();
    AtomicBoolean upgrading = new AtomicBoolean(true);
    Runnable handshakeOver = () -> {
      if (upgrading.compareAndSet(true, false)) {
        handshaking.decrementAndGet();
        if (key != null) {
          handshakesByAddress.release(key);
        }
      }
    };
    upgrade.whenComplete((c, e) -> handshakeOver.run());
    ch.closeFuture().addListener(f -> {
      handshakeOver.run();
      inbound.decrementAndGet();
    });
    return true;
  }

  /** An inbound connection finished its upgrade: false if its address already holds its share (close it). */
  boolean established(Connection c) {
    InetAddress key = addressKey(c.channel().remoteAddress());
    if (key == null) {
      return true;
    }
    if (!connectionsByAddress.tryAcquire(key, limits.connectionsPerAddress())) {
      connectionsPerAddress.refuse("closing inbound connection from {} ({}): {} established connections from {} "
          + "(the limit)", c.channel().remoteAddress(), c.remotePeer(), limits.connectionsPerAddress(), describe(key));
      return false;
    }
    c.channel().closeFuture().addListener(f -> connectionsByAddress.release(key));
    return true;
  }

  /**
   * An inbound stream arrived on {@code c}: the action that gives its handler slot back, or null if the stream must
   * be refused (reset) because the peer, its address or the host has every handler busy.
   */
  Runnable admitStream(Connection c) {
    PeerId peer = c.remotePeer();
    if (!handlersByPeer.tryAcquire(peer, limits.streamHandlersPerPeer())) {
      streamsPerPeer.refuse("resetting inbound stream from {}: {} of its streams are being served (the limit per peer)",
          peer, limits.streamHandlersPerPeer());
      return null;
    }
    InetAddress key = addressKey(c.channel().remoteAddress());
    if (key != null && !handlersByAddress.tryAcquire(key, limits.streamHandlersPerAddress())) {
      handlersByPeer.release(peer);
      streamsPerAddress.refuse("resetting inbound stream from {}: {} streams from {} are being served (the limit per "
          + "address)", peer, limits.streamHandlersPerAddress(), describe(key));
      return null;
    }
    int now = handlers.incrementAndGet();
    if (now > limits.streamHandlers()) {
      handlers.decrementAndGet();
      handlersByPeer.release(peer);
      if (key != null) {
        handlersByAddress.release(key);
      }
      streamsTotal.refuse("resetting inbound stream from {}: {} inbound streams are being served (the host's limit)",
          peer, limits.streamHandlers());
      return null;
    }
    peakHandlers.accumulateAndGet(now, Math::max);
    AtomicBoolean held = new AtomicBoolean(true);
    return () -> {
      if (held.compareAndSet(true, false)) {
        handlers.decrementAndGet();
        handlersByPeer.release(peer);
        if (key != null) {
          handlersByAddress.release(key);
        }
      }
    };
  }

  /**
   * The memory budget of connection {@code c}'s streams: its own cap, its address's share (inbound connections only,
   * like the other per-address caps) and the host-wide cap. A refused reservation takes nothing from any of them and
   * is counted and logged here; the session resets the stream. Every release goes through the same object, so what
   * the connection and its address hold always equals what its streams buffer. Runs on the event loop, never blocks.
   */
  StreamMemory memory(Connection c) {
    PeerId peer = c.remotePeer();
    InetAddress key = c.outbound() ? null : addressKey(c.channel().remoteAddress());
    AtomicLong held = new AtomicLong();
    long perConnection = limits.bufferedBytesPerConnection();
    long perAddress = limits.bufferedBytesPerAddress();
    long hostWide = limits.bufferedBytes();
    return new StreamMemory() {
      @Override
      public boolean reserve(int n) {
        if (held.addAndGet(n) > perConnection) {
          held.addAndGet(-n);
          memoryPerConnection.refuse("resetting stream from {}: its connection holds more than {} bytes received and "
              + "not yet read (the limit per connection)", peer, perConnection);
          return false;
        }
        if (key != null && !bufferedByAddress.tryAdd(key, n, perAddress)) {
          held.addAndGet(-n);
          memoryPerAddress.refuse("resetting stream from {}: connections from {} hold more than {} bytes received and "
              + "not yet read (the limit per address)", peer, describe(key), perAddress);
          return false;
        }
        long now = buffered.addAndGet(n);
        if (now > hostWide) {
          buffered.addAndGet(-n);
          if (key != null) {
            bufferedByAddress.subtract(key, n);
          }
          held.addAndGet(-n);
          memoryTotal.refuse("resetting stream from {}: streams hold more than {} bytes received and not yet read "
              + "(the host's limit)", peer, hostWide);
          return false;
        }
        peakBuffered.accumulateAndGet(now, Math::max);
        return true;
      }

      @Override
      public void release(long n) {
        if (n > 0) {
          held.addAndGet(-n);
          if (key != null) {
            bufferedByAddress.subtract(key, n);
          }
          buffered.addAndGet(-n);
        }
      }
    };
  }

  InboundStats stats() {
    return new InboundStats(inbound.get(), handshaking.get(), overTotal.count.get(), handshakesPerAddress.count.get(),
        connectionsPerAddress.count.get(), handlers.get(), peakHandlers.get(), streamsTotal.count.get(),
        streamsPerPeer.count.get(), streamsPerAddress.count.get(), buffered.get(), peakBuffered.get(),
        memoryTotal.count.get(), memoryPerConnection.count.get(), memoryPerAddress.count.get());
  }

  /**
   * The key the per-address caps count under: the IPv4 address, or the IPv6 /64 (one machine usually owns a whole
   * /64, so per-/128 counting would cap nothing); null for what is exempt or not an IP socket.
   */
  InetAddress addressKey(SocketAddress remote) {
    if (!(remote instanceof InetSocketAddress isa) || isa.getAddress() == null) {
      return null;
    }
    InetAddress a = isa.getAddress();
    if (a.isLoopbackAddress() && !limits.limitLoopback()) {
      return null;
    }
    if (a instanceof Inet6Address) {
      byte[] b = a.getAddress();
      Arrays.fill(b, 8, 16, (byte) 0);
      try {
        return InetAddress.getByAddress(b);
      } catch (UnknownHostException e) {
        throw new IllegalStateException("16 bytes are an IPv6 address", e);
      }
    }
    return a;
  }

  private static String describe(InetAddress key) {
    return key instanceof Inet6Address ? key.getHostAddress() + "/64" : key.getHostAddress();
  }

  /**
   * A refusal counter whose log lines are rate-limited: at INFO the first, each time the count reaches a power of two
   * (so a burst shows its size in a dozen lines) and one at least every 10 s while refusals go on; the rest at DEBUG.
   */
  private static final class Refusals {
    final AtomicLong count = new AtomicLong();
    private final AtomicLong lastInfo = new AtomicLong(System.nanoTime() - LOG_EVERY_NANOS);

    void refuse(String format, Object... args) {
      long n = count.incrementAndGet();
      long now = System.nanoTime();
      long last = lastInfo.get();
      boolean powerOfTwo = (n & (n - 1)) == 0;
      if (powerOfTwo || now - last >= LOG_EVERY_NANOS && lastInfo.compareAndSet(last, now)) {
        Object[] withCount = Arrays.copyOf(args, args.length + 1);
        withCount[args.length] = n;
        LOG.info(format + "; {} refused so far", withCount);
      } else if (LOG.isDebugEnabled()) {
        LOG.debug(format, args);
      }
    }
  }
}
