package venus.market.p2p.host;

/**
 * What the host's inbound caps have done since it started (counters) and hold now (gauges).
 *
 * @param inboundConnections open inbound connections (upgrading or established)
 * @param handshaking inbound connections still in the upgrade
 * @param refusedOverTotal connections closed on accept: {@link HostConfig#maxInboundConnections} reached
 * @param refusedHandshakesPerAddress connections closed on accept: their address had {@link
 *     InboundLimits#handshakesPerAddress} upgrades under way
 * @param refusedConnectionsPerAddress connections closed on accept or right after the upgrade: their address had
 *     {@link InboundLimits#connectionsPerAddress} established connections
 * @param streamHandlers inbound streams being negotiated or served now
 * @param peakStreamHandlers the most there ever were at once
 * @param refusedStreamsTotal streams reset: {@link InboundLimits#streamHandlers} busy
 * @param refusedStreamsPerPeer streams reset: the peer had {@link InboundLimits#streamHandlersPerPeer} busy
 * @param refusedStreamsPerAddress streams reset: the address had {@link InboundLimits#streamHandlersPerAddress} busy
 * @param bufferedBytes bytes received on streams and not yet read now, over all connections
 * @param peakBufferedBytes the most there ever were
 * @param refusedStreamsMemory streams reset: a data frame would have exceeded {@link InboundLimits#bufferedBytes}
 * @param refusedStreamsConnectionMemory streams reset: a data frame would have exceeded {@link
 *     InboundLimits#bufferedBytesPerConnection}
 * @param refusedStreamsAddressMemory streams reset: a data frame would have exceeded {@link
 *     InboundLimits#bufferedBytesPerAddress}
 */
public record InboundStats(int inboundConnections, int handshaking, long refusedOverTotal,
    long refusedHandshakesPerAddress, long refusedConnectionsPerAddress, int streamHandlers, int peakStreamHandlers,
    long refusedStreamsTotal, long refusedStreamsPerPeer, long refusedStreamsPerAddress, long bufferedBytes,
    long peakBufferedBytes, long refusedStreamsMemory, long refusedStreamsConnectionMemory,
    long refusedStreamsAddressMemory) {}
