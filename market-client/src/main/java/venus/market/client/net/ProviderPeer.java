package venus.market.client.net;

import java.util.ArrayList;
import java.util.List;
import venus.market.client.node.ChainNode;
import venus.market.core.MarketException;
import venus.market.core.address.Address;
import venus.market.p2p.multiaddr.Multiaddr;
import venus.market.p2p.peer.PeerId;

/** Where a miner's market listens, as its owner registered on chain (actor set-peer-id / set-addrs). */
public record ProviderPeer(Address miner, PeerId peerId, List<Multiaddr> addrs) {

  public ProviderPeer {
    addrs = List.copyOf(addrs);
  }

  /** Reads StateMinerInfo; fails with the guide's wording when the miner has no peer ID or no addresses yet. */
  public static ProviderPeer resolve(ChainNode node, Address miner) {
    ChainNode.MinerPeer info = node.stateMinerInfo(miner);
    if (info.peerId().isEmpty()) {
      throw new MarketException("the miner hasn't initialized yet: " + miner
          + " has no peer ID on chain (the provider sets it with 'venus-market actor set-peer-id')");
    }
    List<Multiaddr> addrs = new ArrayList<>();
    for (byte[] b : info.multiaddrs()) {
      try {
        addrs.add(Multiaddr.fromBytes(b));
      } catch (RuntimeException e) {
        // a bad address on chain is skipped; the others may still work
      }
    }
    if (addrs.isEmpty()) {
      throw new MarketException("miner " + miner + " has no usable multiaddrs on chain (the provider sets them with "
          + "'venus-market actor set-addrs')");
    }
    return new ProviderPeer(miner, PeerId.parse(info.peerId()), addrs);
  }

  public List<String> addrStrings() {
    return addrs.stream().map(Multiaddr::toString).toList();
  }
}
