package venus.market.daemon.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import venus.market.core.market.ClientDealProposal;
import venus.market.core.market.DealLabel;
import venus.market.core.market.DealProposal;
import venus.market.core.multiformats.Cid;
import venus.market.core.piece.CommPHasher;
import venus.market.core.piece.PaddedPieceSize;
import venus.market.core.piece.PieceCid;
import venus.market.core.storagemarket.DealResponse;
import venus.market.core.storagemarket.StorageDealStatus;
import venus.market.core.unixfs.CarGenerator;
import venus.market.daemon.api.ApiJson;
import venus.market.daemon.api.MarketApi;
import venus.market.daemon.deals.DealTransition;
import venus.market.daemon.deals.ProviderDeal;
import venus.market.daemon.deals.ProviderEvent;

/**
 * The guide's offline deal on the provider side, every step real: a client host proposes over mk/1.2.0 with the
 * piece CID of its CAR (padded to the proposal's size), the daemon accepts it into WaitingForData, the operator
 * imports the CAR (DealsImportData), and the deal is funded and published on the devnet with its piece in storage.
 */
class OfflineDealImportDevnetTest {
  private static final long SIZE = 8192;

  @TempDir Path tmp;

  @Test
  void anOfflineDealProposedOverLibp2pIsImportedAndPublished() throws Exception {
    try (IntakeDevnet net = new IntakeDevnet(tmp)) {
      byte[] raw = new byte[3000];
      new Random(42).nextBytes(raw);
      Path file = Files.write(tmp.resolve("data.bin"), raw);
      Path car = tmp.resolve("data.car");
      Cid root;
      try (OutputStream out = Files.newOutputStream(car)) {
        root = new CarGenerator().generate(file, out).root();
      }
      CommPHasher h = new CommPHasher(new PaddedPieceSize(SIZE));
      Files.copy(car, h);
      Cid piece = PieceCid.v1(h.digest());

      long start = net.head() + 2 * 2880;
      DealProposal p = new DealProposal(piece, SIZE, false, net.clientAddr(), net.miner(),
          DealLabel.ofString(root.toString()), start, start + 180 * 2880L, IntakeDevnet.askPrice(SIZE),
          net.minCollateral(SIZE), venus.market.core.amount.TokenAmount.ZERO);
      ClientDealProposal cdp = net.signed(p);
      DealResponse r = net.propose(IntakeDevnet.offline(cdp));
      assertThat(r.accepted()).as(r.message()).isTrue();
      Cid deal = cdp.proposalCid();
      assertThat(net.deal(deal).state()).isEqualTo(StorageDealStatus.WAITING_FOR_DATA);

      net.rpc(MarketApi.full(MarketApi.DEALS_IMPORT_DATA), Object.class, new ApiJson.CidJson(deal.toString()),
          car.toString());

      Path stored = tmp.resolve("pieces").resolve(piece.toString());
      assertThat(Files.readAllBytes(stored)).isEqualTo(Files.readAllBytes(car));
      mineUntil(net, deal, StorageDealStatus.PUBLISH, false);
      // Asked each round: the deal enters Publish a moment before the publisher queues it, and a request in between
      // finds the queue empty (seen under load).
      ProviderDeal published = mineUntil(net, deal, StorageDealStatus.AWAITING_PRE_COMMIT, true);
      assertThat(published.publishCid()).isNotNull();
      com.fasterxml.jackson.databind.JsonNode onChain = new venus.market.core.jsonrpc.RpcClient(net.devnet.apiUrl(),
          net.devnet.adminToken(), new com.fasterxml.jackson.databind.ObjectMapper(), Duration.ofSeconds(30))
          .call("Filecoin.StateMarketStorageDeal", com.fasterxml.jackson.databind.JsonNode.class,
              published.dealId(), null);
      assertThat(onChain.get("Proposal").get("PieceCID").get("/").asText()).isEqualTo(piece.toString());
      assertThat(onChain.get("Proposal").get("Label").asText()).isEqualTo(root.toString());
      assertThat(published.piecePath()).isEqualTo(stored.toString());
      assertThat(net.daemon.deals().history(deal)).extracting(DealTransition::event).containsSubsequence(
          ProviderEvent.DATA_REQUESTED, ProviderEvent.VERIFIED_DATA, ProviderEvent.FUNDS_RESERVED,
          ProviderEvent.DEAL_PUBLISH_INITIATED, ProviderEvent.DEAL_PUBLISHED, ProviderEvent.DEAL_HANDED_OFF);
    }
  }

  /**
   * Mines a tipset every 200 ms until the deal is in {@code state}; the daemon's watcher polls on its own. With
   * {@code publishNow}, each round also asks the publisher to publish what it holds.
   */
  private static ProviderDeal mineUntil(IntakeDevnet net, Cid deal, StorageDealStatus state, boolean publishNow)
      throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (System.nanoTime() < deadline) {
      ProviderDeal d = net.deal(deal);
      if (d.state() == state) {
        return d;
      }
      assertThat(d.state()).as(d.message()).isNotIn(StorageDealStatus.FAILING, StorageDealStatus.ERROR);
      if (publishNow) {
        net.rpc(MarketApi.full(MarketApi.MARKET_PUBLISH_PENDING_DEALS), Object.class);
      }
      net.devnet.mineTipset();
      Thread.sleep(200);
    }
    throw new AssertionError("deal " + deal + " still in " + net.deal(deal).state().goName() + ", expected "
        + state.goName());
  }
}
