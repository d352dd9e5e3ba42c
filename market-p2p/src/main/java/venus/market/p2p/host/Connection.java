package venus.market.p2p.host;

import io.netty.channel.Channel;
import java.util.concurrent.CompletableFuture;
import venus.market.p2p.crypto.PubKey;
import venus.market.p2p.multiaddr.Multiaddr;
import venus.market.p2p.mux.MuxSession;
import venus.market.p2p.peer.PeerId;
import venus.market.p2p.protocol.IdentifyInfo;

/** An upgraded (Noise + muxer) connection to one authenticated peer. */
public final class Connection {

  private final Channel channel;
  private final PeerId remotePeer;
  private final PubKey remoteKey;
  private final Multiaddr remoteAddr;
  private final boolean outbound;
  private final MuxSession session;
  private final CompletableFuture<IdentifyInfo> identify = new CompletableFuture<>();

  Connection(Channel channel, PeerId remotePeer, PubKey remoteKey, Multiaddr remoteAddr, boolean outbound, MuxSession session) {
    this.channel = channel;
    this.remotePeer = remotePeer;
    this.remoteKey = remoteKey;
    this.remoteAddr = remoteAddr;
    this.outbound = outbound;
    this.session = session;
  }

  public PeerId remotePeer() {
    return remotePeer;
  }

  public PubKey remoteKey() {
    return remoteKey;
  }

  /** The peer's address as we see it (for inbound connections, its ephemeral port). */
  public Multiaddr remoteAddr() {
    return remoteAddr;
  }

  public boolean outbound() {
    return outbound;
  }

  /** The negotiated muxer id ({@code /yamux/1.0.0} or {@code /mplex/6.7.0}). */
  public String muxer() {
    return session.protocolId();
  }

  public MuxSession session() {
    return session;
  }

  /** What the peer told us through identify; completes exceptionally if it has no identify handler. */
  public CompletableFuture<IdentifyInfo> identify() {
    return identify;
  }

  public boolean isOpen() {
    return session.isOpen();
  }

  public void close() {
    session.close();
  }

  Channel channel() {
    return channel;
  }

  @Override
  public String toString() {
    return (outbound ? "outbound" : "inbound") + " connection to " + remotePeer + " at " + remoteAddr + " over " + muxer();
  }
}
