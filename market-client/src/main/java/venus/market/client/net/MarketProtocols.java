package venus.market.client.net;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import venus.market.core.address.Address;
import venus.market.core.cbor.CborEncodable;
import venus.market.core.storagemarket.AskRequest;
import venus.market.core.storagemarket.AskResponse;
import venus.market.core.storagemarket.BoostDealStatusRequest;
import venus.market.core.storagemarket.BoostDealStatusResponse;
import venus.market.core.storagemarket.DealParams;
import venus.market.core.storagemarket.DealResponse;
import venus.market.core.storagemarket.SignedStorageAsk;
import venus.market.p2p.P2pStream;
import venus.market.p2p.host.Host;

/**
 * The client ends of the storage-market protocols, one request and one bare-CBOR answer per stream:
 * {@code /fil/storage/ask/1.1.0}, boost's {@code /fil/storage/mk/1.2.0} proposal and {@code /fil/storage/status/1.2.0}.
 */
public final class MarketProtocols {
  public static final String ASK = "/fil/storage/ask/1.1.0";
  public static final String DEAL = "/fil/storage/mk/1.2.0";
  public static final String STATUS = "/fil/storage/status/1.2.0";
  private static final int MAX_ANSWER = 64 << 10;
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final Host host;

  public MarketProtocols(Host host) {
    this.host = host;
  }

  /** The miner's signed ask, empty when the provider has none for it. */
  public Optional<SignedStorageAsk> queryAsk(ProviderPeer p) throws IOException {
    byte[] answer = exchange(p, ASK, new AskRequest(p.miner()));
    return Optional.ofNullable(AskResponse.decode(answer).ask());
  }

  public DealResponse propose(ProviderPeer p, DealParams params) throws IOException {
    return DealResponse.decode(exchange(p, DEAL, params));
  }

  public BoostDealStatusResponse status(ProviderPeer p, BoostDealStatusRequest request) throws IOException {
    return BoostDealStatusResponse.decode(exchange(p, STATUS, request));
  }

  private byte[] exchange(ProviderPeer p, String protocol, CborEncodable request) throws IOException {
    try (P2pStream s = host.newStream(p.peerId(), p.addrs(), List.of(protocol))) {
      s.setTimeout(TIMEOUT);
      s.out().write(request.toCbor());
      s.out().flush();
      s.closeWrite();
      return CborFrames.readItem(s.in(), MAX_ANSWER);
    }
  }

  /** The miner address the ask belongs to must be the one asked for (a provider serving several miners). */
  public static void requireMiner(SignedStorageAsk ask, Address miner) {
    if (!ask.ask().miner().equals(miner)) {
      throw new venus.market.core.MarketException("provider answered with the ask of " + ask.ask().miner()
          + " instead of " + miner);
    }
  }
}
