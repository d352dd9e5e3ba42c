package venus.market.p2p.host;

/**
 * What inbound peers may hold at once, beyond the host-wide connection limit ({@link HostConfig#maxInboundConnections}).
 * An "address" is an IPv4 address or an IPv6 /64 (one machine usually owns a whole /64). Excess connections are closed
 * on accept and excess streams reset at once, before any thread is spent on them; {@link Host#inboundStats} counts both.
 *
 * @param handshakesPerAddress inbound connections from one address still in the upgrade (multistream, Noise, muxer),
 *     which may last up to the handshake deadline
 * @param connectionsPerAddress established inbound connections from one address
 * @param streamHandlers inbound streams being negotiated or served at once, host-wide; each holds a worker thread
 * @param streamHandlersPerPeer the same for one remote peer, over all its connections
 * @param streamHandlersPerAddress the same for one remote address: peer IDs cost nothing to make, addresses do
 * @param limitLoopback false exempts 127.0.0.0/8 and ::1 from the per-address caps (tests; a client on the same
 *     machine). Per-peer and host-wide caps always apply.
 * @param bufferedBytes bytes received on streams (any connection, either muxer) and not yet read, host-wide; a data
 *     frame that would exceed it gets its stream reset
 * @param bufferedBytesPerConnection the same for one connection, so that one peer cannot take the whole budget
 * @param bufferedBytesPerAddress the same for all inbound connections from one address, so that one machine opening
 *     many connections cannot take the whole budget either (subject to {@code limitLoopback} like the other
 *     per-address caps)
 */
public record InboundLimits(int handshakesPerAddress, int connectionsPerAddress, int streamHandlers,
    int streamHandlersPerPeer, int streamHandlersPerAddress, boolean limitLoopback, long bufferedBytes,
    long bufferedBytesPerConnection, long bufferedBytesPerAddress) {

  /**
   * go-libp2p's resource manager allows a connection 32 MiB and the system 128 MiB plus an eighth of the machine's
   * memory. A peer within its handler cap buffers at most 64 x 256 KiB = 16 MiB on yamux; mplex, which has no flow
   * control, is what these bound (without them 1024 handlers x 4 MiB = 4 GiB).
   */
  public static final long DEFAULT_BUFFERED_BYTES = 256L << 20;
  public static final long DEFAULT_BUFFERED_BYTES_PER_CONNECTION = 32L << 20;
  /**
   * A quarter of the host-wide budget: without it 8 connections at 32 MiB from one address fill the 256 MiB and every
   * honest stream is refused; with it that takes 4 addresses, which cost an attacker more than connections do.
   */
  public static final long DEFAULT_BUFFERED_BYTES_PER_ADDRESS = 64L << 20;

  public InboundLimits {
    if (handshakesPerAddress < 1 || connectionsPerAddress < 1 || streamHandlers < 1 || streamHandlersPerPeer < 1
        || streamHandlersPerAddress < 1 || bufferedBytes < 1 || bufferedBytesPerConnection < 1
        || bufferedBytesPerAddress < 1) {
      throw new IllegalArgumentException("inbound limits must be at least 1: " + this);
    }
  }

  /** The stream and connection caps with the default memory budget. */
  public InboundLimits(int handshakesPerAddress, int connectionsPerAddress, int streamHandlers,
      int streamHandlersPerPeer, int streamHandlersPerAddress, boolean limitLoopback) {
    this(handshakesPerAddress, connectionsPerAddress, streamHandlers, streamHandlersPerPeer, streamHandlersPerAddress,
        limitLoopback, DEFAULT_BUFFERED_BYTES, DEFAULT_BUFFERED_BYTES_PER_CONNECTION,
        DEFAULT_BUFFERED_BYTES_PER_ADDRESS);
  }

  /**
   * go-libp2p's resource manager allows 8 connections per IPv4 address (loopback unlimited), 64 inbound streams per
   * peer and protocol, and a system-wide 1024 inbound streams per GiB it may use. A storage provider rarely sees
   * several clients behind one NAT, so 8 handshakes and 16 connections per address leave room for retries and
   * reconnects; 64 handlers per peer covers a client proposing many deals in parallel.
   */
  public static InboundLimits defaults() {
    return new InboundLimits(8, 16, 1024, 64, 128, true);
  }

  public InboundLimits withLimitLoopback(boolean limit) {
    return new InboundLimits(handshakesPerAddress, connectionsPerAddress, streamHandlers, streamHandlersPerPeer,
        streamHandlersPerAddress, limit, bufferedBytes, bufferedBytesPerConnection, bufferedBytesPerAddress);
  }

  public InboundLimits withBufferedBytes(long hostWide, long perConnection, long perAddress) {
    return new InboundLimits(handshakesPerAddress, connectionsPerAddress, streamHandlers, streamHandlersPerPeer,
        streamHandlersPerAddress, limitLoopback, hostWide, perConnection, perAddress);
  }
}
