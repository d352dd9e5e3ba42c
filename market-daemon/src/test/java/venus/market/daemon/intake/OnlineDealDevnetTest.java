package venus.market.daemon.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import venus.market.core.amount.TokenAmount;
import venus.market.core.market.ClientDealProposal;
import venus.market.core.market.DealLabel;
import venus.market.core.market.DealProposal;
import venus.market.core.piece.PaddedPieceSize;
import venus.market.core.storagemarket.BoostDealStatusResponse;
import venus.market.core.storagemarket.DealParams;
import venus.market.core.storagemarket.DealResponse;
import venus.market.core.storagemarket.StorageDealStatus;
import venus.market.core.storagemarket.Transfer;
import venus.market.daemon.deals.ProviderDeal;
import venus.market.daemon.transfer.CarHttpServer;
import venus.market.daemon.transfer.CarOffers;
import venus.market.daemon.transfer.TestCar;

/**
 * An online deal end to end on the real daemon: a boost-style client proposes over mk/1.2.0 with an http transfer,
 * intake accepts it, the provider pulls the CAR from the client's server on 127.0.0.1 with the bearer token, verifies
 * commP, stores the piece and moves on to funds; the client sees the progress in status/1.2.0.
 */
class OnlineDealDevnetTest {
  @TempDir Path tmp;

  @Test
  void anAcceptedHttpDealIsPulledVerifiedAndStoredByTheDaemon() throws Exception {
    TestCar car = TestCar.generate(tmp.resolve("cars"), "online", 30_000, 3);
    PaddedPieceSize size = car.naturalSize(); // 32 KiB: the ask's price for 180 days fits the client's 1 FIL escrow
    try (IntakeDevnet net = new IntakeDevnet(tmp.resolve("net")); CarHttpServer server = new CarHttpServer()) {
      String path = "/deals/" + UUID.randomUUID();
      String token = "Bearer " + UUID.randomUUID();
      server.offers.offer(path, car.car(), token);
      long start = net.head() + 2 * 2880;
      DealProposal p = new DealProposal(car.pieceCid(size), size.bytes(), false, net.clientAddr(), net.miner(),
          DealLabel.ofString("online"), start, start + 180 * 2880L, IntakeDevnet.askPrice(size.bytes()),
          net.minCollateral(size.bytes()), TokenAmount.ZERO);
      ClientDealProposal cdp = net.signed(p);
      byte[] params = ("{\"URL\":\"" + server.url(path) + "\",\"Headers\":{\"Authorization\":\"" + token + "\"}}")
          .getBytes(StandardCharsets.UTF_8);
      DealParams deal = new DealParams(UUID.randomUUID(), false, cdp, car.root(),
          new Transfer("http", "", params, car.size()), false, false);
      DealResponse r = net.propose(deal);
      assertThat(r.accepted()).as(r.message()).isTrue();

      Set<StorageDealStatus> verified = Set.of(StorageDealStatus.RESERVE_PROVIDER_FUNDS,
          StorageDealStatus.PROVIDER_FUNDING, StorageDealStatus.PUBLISH);
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      ProviderDeal d = net.deal(cdp.proposalCid());
      while (!verified.contains(d.state()) && !d.isTerminal() && System.nanoTime() < deadline) {
        Thread.sleep(20);
        d = net.deal(cdp.proposalCid());
      }
      assertThat(d.state()).as(d.message()).isIn(verified);
      assertThat(net.daemon.pieceStore().size(p.pieceCID())).hasValue(car.size());
      assertThat(d.piecePath()).isEqualTo(net.daemon.pieceStore().location(p.pieceCID()));
      assertThat(server.offers.requests()).containsExactly(new CarOffers.Served(path, 0, 200, car.size()));

      BoostDealStatusResponse st = net.status(deal.dealUUID(), net.clientAddr());
      assertThat(st.nBytesReceived()).isEqualTo(car.size());
      assertThat(st.dealStatus().status()).isEqualTo("Transferred");
    }
  }
}
