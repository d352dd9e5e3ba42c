package venus.market.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import venus.market.core.storagemarket.SignedStorageAsk;
import venus.market.core.storagemarket.StorageDealStatus;
import venus.market.daemon.ask.AskProtocol;
import venus.market.p2p.crypto.Ed25519;
import venus.market.p2p.host.Host;
import venus.market.p2p.host.HostConfig;
import venus.market.p2p.multiaddr.Multiaddr;
import venus.market.p2p.peer.PeerId;

/**
 * The node goes away for a while under a running provider (devnet killed, restarted {@link #OUTAGE} later): the
 * daemon keeps answering its API and the libp2p ask protocol the whole time, its deals wait (publish message in
 * flight, watcher retrying) instead of failing, and they finish once the node is back.
 */
class NodeOutageTest {
  static final Duration OUTAGE = Duration.ofSeconds(20);
  static final Duration STEP = Duration.ofSeconds(90);
  static final String PRICE = "20000000000000000";

  @TempDir Path tmp;
  DevnetProcess devnet;
  ProviderProcess provider;

  @AfterEach
  void tearDown() {
    if (provider != null) {
      provider.close();
    }
    if (devnet != null) {
      devnet.close();
    }
  }

  @Test
  void theDaemonServesAsksAndDealsThroughANodeOutageAndResumes() throws Exception {
    Path logs = Paths.get("target", "outage-logs");
    devnet = new DevnetProcess(tmp.resolve("devnet"), logs.resolve("devnet.log"), Duration.ofMillis(250)).start();
    provider = new ProviderProcess(tmp.resolve("market"), tmp.resolve("pieces"), logs.resolve("provider.log"), devnet,
        ProviderCrashTest.POLICY);
    DealSeeder seeder = new DealSeeder(devnet);
    seeder.fundClient(4);
    List<String> deals = DealSeeder.seed(provider.repo(), seeder.proposals(2, 4000));
    provider.start();
    provider.rpc().call("MarketSetAsk", ProviderProcess.MINER, PRICE, PRICE, 86400L, 512L, 8L << 20);
    for (String c : deals) {
      provider.await(c, StorageDealStatus.PUBLISH, STEP);
    }
    Poll.until("the publisher to hold both deals", STEP, Duration.ofMillis(50),
        () -> provider.rpc().call("MarketPendingDeals").get(0).get("Deals").size() == 2);
    provider.rpc().call("MarketPublishPendingDeals");
    for (String c : deals) {
      provider.await(c, StorageDealStatus.PUBLISHING, STEP);
    }

    devnet.kill();
    JsonNode listen = provider.rpc().call("NetAddrsListen");
    PeerId peer = PeerId.parse(listen.get("ID").asText());
    List<Multiaddr> addrs = new ArrayList<>();
    listen.get("Addrs").forEach(a -> addrs.add(Multiaddr.parse(a.asText())));
    Host other = new Host(HostConfig.defaults(Ed25519.generate()).withListenAddrs(List.of()));
    int rpcAnswers = 0;
    int p2pAnswers = 0;
    try {
      other.start();
      long end = System.nanoTime() + OUTAGE.toNanos();
      while (System.nanoTime() < end) {
        JsonNode ask = provider.rpc().call("MarketGetAsk", ProviderProcess.MINER);
        assertThat(ask.get("Ask").get("Price").asText()).isEqualTo(PRICE);
        for (String c : deals) {
          assertThat(provider.state(c)).as("deal %s while the node is down", c)
              .isEqualTo(StorageDealStatus.PUBLISHING);
        }
        rpcAnswers++;
        SignedStorageAsk signed = AskProtocol.query(other, peer, addrs, DealSeeder.miner(), false).orElseThrow();
        assertThat(signed.ask().price().atto()).isEqualTo(new BigInteger(PRICE));
        p2pAnswers++;
        Poll.sleep(Duration.ofMillis(500));
      }
    } finally {
      other.close();
    }
    devnet.start();
    for (String c : deals) {
      JsonNode d = provider.await(c, StorageDealStatus.AWAITING_PRE_COMMIT, STEP);
      assertThat(d.get("DealID").asLong()).isNotNegative();
    }
    assertThat(rpcAnswers).isGreaterThan(10);
    assertThat(p2pAnswers).isEqualTo(rpcAnswers);
    java.nio.file.Files.writeString(Paths.get("target", "outage-figures.md"), "Node outage of " + OUTAGE.toSeconds()
        + " s (devnet killed with 2 deals in Publishing): " + rpcAnswers + " API rounds (ask + deal states) and "
        + p2pAnswers + " libp2p ask queries answered during the outage; both deals reached AwaitingPreCommit after "
        + "the node came back.\n");
  }
}
