package venus.market.client.deals;

import java.io.IOException;
import venus.market.client.net.MarketProtocols;
import venus.market.client.net.ProviderPeer;
import venus.market.client.node.ChainNode;
import venus.market.core.MarketException;
import venus.market.core.address.Address;
import venus.market.core.storagemarket.SignedStorageAsk;
import venus.market.core.wallet.SignatureVerifier;

/**
 * Fetches a miner's storage ask over /fil/storage/ask/1.1.0 from the peer registered on chain, and checks that the
 * miner's worker key signed it (a provider cannot quote prices for a miner it does not control).
 */
public final class AskQuery {
  private final ChainNode node;
  private final MarketProtocols protocols;

  public AskQuery(ChainNode node, MarketProtocols protocols) {
    this.node = node;
    this.protocols = protocols;
  }

  public SignedStorageAsk query(Address miner) throws IOException {
    return query(ProviderPeer.resolve(node, miner));
  }

  public SignedStorageAsk query(ProviderPeer peer) throws IOException {
    SignedStorageAsk ask = protocols.queryAsk(peer)
        .orElseThrow(() -> new MarketException("provider " + peer.peerId() + " has no storage ask for miner "
            + peer.miner() + " (the provider sets it with 'venus-market storage-deals set-ask')"));
    MarketProtocols.requireMiner(ask, peer.miner());
    Address worker = node.stateMinerInfo(peer.miner()).worker();
    Address workerKey = worker.isId() ? accountKey(worker) : worker;
    boolean ok = ask.ask().signingBytesCandidates().stream()
        .anyMatch(b -> SignatureVerifier.verify(ask.signature(), workerKey, b));
    if (!ok) {
      throw new MarketException("the ask from " + peer.peerId() + " for " + peer.miner()
          + " is not signed by the miner's worker " + worker);
    }
    return ask;
  }

  private Address accountKey(Address id) {
    return node.stateAccountKey(id);
  }
}
