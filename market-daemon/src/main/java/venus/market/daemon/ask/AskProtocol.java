package venus.market.daemon.ask;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import venus.market.core.address.Address;
import venus.market.core.cbor.CborException;
import venus.market.core.storagemarket.AskRequest;
import venus.market.core.storagemarket.AskResponse;
import venus.market.core.storagemarket.SignedStorageAsk;
import venus.market.daemon.net.CborFrames;
import venus.market.daemon.net.P2pHost;
import venus.market.p2p.P2pStream;
import venus.market.p2p.StreamDeadline;
import venus.market.p2p.host.Host;
import venus.market.p2p.multiaddr.Multiaddr;
import venus.market.p2p.peer.PeerId;

/**
 * {@code /fil/storage/ask/1.1.0} (CBOR maps) and {@code /fil/storage/ask/1.0.1} (tuples): one request
 * {@code {Miner}}, one response {@code {Ask: SignedStorageAsk|null}}, each a bare CBOR item.
 */
public final class AskProtocol {
  public static final String V110 = "/fil/storage/ask/1.1.0";
  public static final String V101 = "/fil/storage/ask/1.0.1";
  static final int MAX_MESSAGE_BYTES = 16 << 10;
  static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final Logger LOG = LoggerFactory.getLogger(AskProtocol.class);

  private AskProtocol() {}

  public static void register(P2pHost p2p, AskService asks) {
    p2p.handle(V110, stream -> serve(stream, asks::get, false, TIMEOUT));
    p2p.handle(V101, stream -> serve(stream, asks::get, true, TIMEOUT));
  }

  /**
   * Answers one request. {@code deadline} bounds the whole exchange (a peer trickling its request byte by byte is
   * cut there, see StreamDeadline); each read is bounded by it too.
   */
  static void serve(P2pStream stream, Function<Address, Optional<StoredAsk>> asks, boolean v101, Duration deadline)
      throws IOException {
    stream.setTimeout(deadline);
    StreamDeadline limit = StreamDeadline.start(stream, deadline, "ask request on " + (v101 ? V101 : V110));
    try {
      AskRequest request;
      try {
        byte[] req = CborFrames.readItem(stream.in(), MAX_MESSAGE_BYTES);
        request = v101 ? AskRequest.decodeV101(req) : AskRequest.decode(req);
      } catch (CborException e) {
        LOG.info("refusing ask request from {}: {}", stream.remotePeer(), e.getMessage());
        throw e;
      }
      Optional<StoredAsk> ask = asks.apply(request.miner());
      LOG.debug("ask request peer={} miner={} found={}", stream.remotePeer(), request.miner(), ask.isPresent());
      byte[] resp = v101 ? new AskResponse(ask.map(StoredAsk::signedV101).orElse(null)).toCborV101()
          : new AskResponse(ask.map(StoredAsk::signed).orElse(null)).toCbor();
      OutputStream out = stream.out();
      out.write(resp);
      out.flush();
      stream.closeWrite();
    } finally {
      limit.close();
    }
  }

  /** Client side: asks a provider for a miner's ask (empty if it has none). */
  public static Optional<SignedStorageAsk> query(Host host, PeerId provider, Collection<Multiaddr> addrs, Address miner,
      boolean v101) throws IOException {
    try (P2pStream s = host.newStream(provider, addrs, List.of(v101 ? V101 : V110))) {
      s.setTimeout(TIMEOUT);
      AskRequest request = new AskRequest(miner);
      s.out().write(v101 ? request.toCborV101() : request.toCbor());
      s.out().flush();
      s.closeWrite();
      byte[] resp = CborFrames.readItem(s.in(), MAX_MESSAGE_BYTES);
      AskResponse r = v101 ? AskResponse.decodeV101(resp) : AskResponse.decode(resp);
      return Optional.ofNullable(r.ask());
    }
  }
}
