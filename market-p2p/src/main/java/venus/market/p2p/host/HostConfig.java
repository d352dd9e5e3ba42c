package venus.market.p2p.host;

import java.time.Duration;
import java.util.List;
import venus.market.p2p.crypto.PrivKey;
import venus.market.p2p.multiaddr.Multiaddr;
import venus.market.p2p.mplex.MplexSession;
import venus.market.p2p.mux.MuxSettings;
import venus.market.p2p.yamux.YamuxSession;

/**
 * Everything a {@link Host} needs, immutable. Start from {@link #defaults} and adjust with the {@code with…}
 * methods.
 *
 * @param muxers stream muxers in order of preference (yamux first; mplex only for old/JS peers)
 * @param maxMessageSize bound for length-prefixed messages the host reads (identify) and a hint for protocols
 * @param inboundLimits per-address connection caps and caps on concurrent inbound stream handlers
 */
public record HostConfig(PrivKey identity, List<Multiaddr> listenAddrs, String agentVersion, String protocolVersion,
    Duration dialTimeout, Duration handshakeTimeout, MuxSettings mux, int maxInboundConnections, int maxMessageSize,
    List<String> muxers, int ioThreads, InboundLimits inboundLimits) {

  public static HostConfig defaults(PrivKey identity) {
    return new HostConfig(identity, List.of(), "venus-market/0.1.0", "ipfs/0.1.0", Duration.ofSeconds(30),
        Duration.ofSeconds(20), MuxSettings.defaults(), 1024, 4 * 1024 * 1024,
        List.of(YamuxSession.PROTOCOL_ID, MplexSession.PROTOCOL_ID), 2, InboundLimits.defaults());
  }

  public HostConfig withListenAddrs(List<Multiaddr> addrs) {
    return new HostConfig(identity, List.copyOf(addrs), agentVersion, protocolVersion, dialTimeout, handshakeTimeout, mux,
        maxInboundConnections, maxMessageSize, muxers, ioThreads, inboundLimits);
  }

  public HostConfig withAgentVersion(String agent) {
    return new HostConfig(identity, listenAddrs, agent, protocolVersion, dialTimeout, handshakeTimeout, mux,
        maxInboundConnections, maxMessageSize, muxers, ioThreads, inboundLimits);
  }

  public HostConfig withTimeouts(Duration dial, Duration handshake, Duration stream) {
    MuxSettings m = new MuxSettings(mux.maxStreams(), mux.yamuxWindow(), mux.mplexMaxBuffered(), stream);
    return new HostConfig(identity, listenAddrs, agentVersion, protocolVersion, dial, handshake, m,
        maxInboundConnections, maxMessageSize, muxers, ioThreads, inboundLimits);
  }

  public HostConfig withLimits(int maxStreamsPerConnection, int maxInbound, int maxMessage) {
    MuxSettings m = new MuxSettings(maxStreamsPerConnection, mux.yamuxWindow(), mux.mplexMaxBuffered(), mux.streamTimeout());
    return new HostConfig(identity, listenAddrs, agentVersion, protocolVersion, dialTimeout, handshakeTimeout, m,
        maxInbound, maxMessage, muxers, ioThreads, inboundLimits);
  }

  public HostConfig withMuxers(List<String> preference) {
    return new HostConfig(identity, listenAddrs, agentVersion, protocolVersion, dialTimeout, handshakeTimeout, mux,
        maxInboundConnections, maxMessageSize, List.copyOf(preference), ioThreads, inboundLimits);
  }

  public HostConfig withInboundLimits(InboundLimits limits) {
    return new HostConfig(identity, listenAddrs, agentVersion, protocolVersion, dialTimeout, handshakeTimeout, mux,
        maxInboundConnections, maxMessageSize, muxers, ioThreads, limits);
  }
}
