package venus.market.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import venus.market.core.storagemarket.SignedStorageAsk;
import venus.market.core.storagemarket.StorageDealStatus;
import venus.market.daemon.ask.AskProtocol;
import venus.market.p2p.crypto.Ed25519;
import venus.market.p2p.host.Host;
import venus.market.p2p.host.HostConfig;
import venus.market.p2p.multiaddr.Multiaddr;
import venus.market.p2p.peer.PeerId;

/**
 * While the node is down: asks the provider, every 500 ms, for its ask and its deals over the API and for its ask
 * over libp2p (a separate host), asserting each answer; the deals must stay where they were, not fail.
 */
final class OutageProbe {
  static final String PRICE = "20000000000000000";

  record Result(int rounds, Duration length) {}

  private OutageProbe() {}

  static void setAsk(ProviderProcess provider) {
    provider.rpc().call("MarketSetAsk", ProviderProcess.MINER, PRICE, PRICE, 86400L, 512L, 8L << 20);
  }

  static Result probe(ProviderProcess provider, Duration length, List<String> deals, StorageDealStatus state)
      throws Exception {
    JsonNode listen = provider.rpc().call("NetAddrsListen");
    PeerId peer = PeerId.parse(listen.get("ID").asText());
    List<Multiaddr> addrs = new ArrayList<>();
    listen.get("Addrs").forEach(a -> addrs.add(Multiaddr.parse(a.asText())));
    Host other = new Host(HostConfig.defaults(Ed25519.generate()).withListenAddrs(List.of()));
    int rounds = 0;
    long start = System.nanoTime();
    try {
      other.start();
      long end = start + length.toNanos();
      while (System.nanoTime() < end) {
        JsonNode ask = provider.rpc().call("MarketGetAsk", ProviderProcess.MINER);
        assertThat(ask.get("Ask").get("Price").asText()).isEqualTo(PRICE);
        for (String c : deals) {
          assertThat(provider.state(c)).as("deal %s while the node is down", c).isEqualTo(state);
        }
        SignedStorageAsk signed = AskProtocol.query(other, peer, addrs, DealSeeder.miner(), false).orElseThrow();
        assertThat(signed.ask().price().atto()).isEqualTo(new BigInteger(PRICE));
        rounds++;
        Poll.sleep(Duration.ofMillis(500));
      }
    } finally {
      other.close();
    }
    return new Result(rounds, Duration.ofNanos(System.nanoTime() - start));
  }
}
