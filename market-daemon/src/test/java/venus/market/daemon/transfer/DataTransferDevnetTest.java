package venus.market.daemon.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import venus.market.core.market.ClientDealProposal;
import venus.market.core.multiformats.Cid;
import venus.market.core.piece.PaddedPieceSize;
import venus.market.core.storagemarket.StorageDealStatus;
import venus.market.daemon.deals.DealTransfer;
import venus.market.daemon.deals.DealTransition;
import venus.market.daemon.deals.ProviderDeal;
import venus.market.daemon.deals.ProviderEvent;
import venus.market.devnet.Devnet;
import venus.market.devnet.DevnetOptions;
import venus.market.p2p.crypto.Ed25519;
import venus.market.p2p.host.Host;
import venus.market.p2p.host.HostConfig;
import venus.market.p2p.multiaddr.Multiaddr;

/**
 * Online deals put into WaitingForData through the pipeline, with real signed proposals on a real devnet, pulling
 * real CARs from a Jetty server (or a libp2p peer) on 127.0.0.1, through verification into the piece store and on to
 * funds and publishing.
 */
class DataTransferDevnetTest {
  static final String TOKEN = "Bearer deal-token-" + UUID.randomUUID();
  @TempDir static Path shared;
  @TempDir Path tmp;
  static Devnet devnet;
  static CarHttpServer server;
  static TestCar car;
  static TestCar other;

  @BeforeAll
  static void start() throws Exception {
    devnet = Devnet.start(shared.resolve("chain"), DevnetOptions.forTests());
    server = new CarHttpServer();
    car = TestCar.generate(shared.resolve("cars"), "a", 3 * 1024 * 1024 + 999, 1);
    other = TestCar.generate(shared.resolve("cars"), "b", 3 * 1024 * 1024 + 999, 2);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    devnet.close();
  }

  static TransferOptions fast() {
    return HttpPullTest.fast();
  }

  TransferHarness harness(long maxStaging) throws Exception {
    return new TransferHarness(devnet, tmp.resolve("market"), maxStaging, null, fast());
  }

  /** Offers the car at a fresh path; returns the path. */
  static String offer(TestCar c) {
    String path = "/deals/" + UUID.randomUUID();
    server.offers.offer(path, c.car(), TOKEN);
    return path;
  }

  static List<CarOffers.Served> requests(String path) {
    return server.offers.requests().stream().filter(r -> r.path().equals(path)).toList();
  }

  /** A proposal for the car at its natural piece size. */
  static ClientDealProposal proposalFor(TransferHarness h, TestCar c, String label) {
    return h.proposal(c.pieceCid(c.naturalSize()), c.naturalSize().bytes(), label);
  }

  Cid openHttp(TransferHarness h, ClientDealProposal p, String path, long size) throws Exception {
    return h.openOnline(p, DealTransfer.TYPE_HTTP, server.url(path), Map.of("Authorization", TOKEN), size);
  }

  void assertStored(TransferHarness h, Cid cid, TestCar c) throws Exception {
    ProviderDeal d = h.deal(cid);
    Cid piece = d.proposal().proposal().pieceCID();
    assertThat(h.pieces.size(piece)).hasValue(c.size());
    assertThat(d.piecePath()).isEqualTo(h.pieces.location(piece));
    assertThat(Files.mismatch(Path.of(d.piecePath()), c.car())).isEqualTo(-1);
    assertThat(d.transferredBytes()).isEqualTo(c.size());
    assertThat(d.inboundPath()).isEmpty(); // the staged copy is gone; PiecePath is where the data is
    assertThat(h.staged()).isEmpty();
    assertThat(h.transfers.staging().reservedBytes()).isZero();
  }

  @Test
  void anHttpDealIsPulledVerifiedStoredAndPublished() throws Exception {
    try (TransferHarness h = harness(0)) {
      h.fundClient();
      String path = offer(car);
      // a piece size above the CAR's natural one: the client padded commP up, as lotus/boost do
      PaddedPieceSize size = new PaddedPieceSize(car.naturalSize().bytes() * 2);
      Cid cid = openHttp(h, h.proposal(car.pieceCid(size), size.bytes(), "happy"), path, car.size());
      h.toPublish(cid);
      assertStored(h, cid, car);
      assertThat(requests(path)).containsExactly(new CarOffers.Served(path, 0, 200, car.size()));
      List<DealTransition> history = h.pipeline.deals().history(cid);
      assertThat(history).extracting(DealTransition::event).containsSubsequence(ProviderEvent.DATA_REQUESTED,
          ProviderEvent.DATA_TRANSFER_INITIATED, ProviderEvent.DATA_TRANSFER_PROGRESS,
          ProviderEvent.DATA_TRANSFER_COMPLETED, ProviderEvent.VERIFIED_DATA, ProviderEvent.FUNDS_RESERVED);
      assertThat(history).filteredOn(t -> t.event() == ProviderEvent.DATA_TRANSFER_PROGRESS)
          .allSatisfy(t -> assertThat(t.note()).startsWith("received ").contains(" of " + car.size() + " bytes"))
          .hasSizeBetween(2, 25);
      assertThat(history.toString()).doesNotContain(TOKEN);

      h.publishing.publisher().publishAll();
      ProviderDeal publishing = h.await(cid, StorageDealStatus.PUBLISHING);
      h.land(publishing.publishCid());
      ProviderDeal done = h.await(cid, StorageDealStatus.AWAITING_PRE_COMMIT);
      assertThat(done.dealId()).isNotNegative();
      assertThat(done.piecePath()).isEqualTo(h.pieces.location(car.pieceCid(size)));
    }
  }

  @Test
  void aDroppedConnectionResumesWithARangeAndFetchesOnlyTheRest() throws Exception {
    try (TransferHarness h = harness(0)) {
      String path = offer(car);
      long cut = 1_200_000;
      server.offers.dropOnceAfter(cut);
      Cid cid = openHttp(h, proposalFor(h, car, "drop"), path, car.size());
      h.awaitVerified(cid);
      assertStored(h, cid, car);
      assertThat(requests(path)).containsExactly(new CarOffers.Served(path, 0, 200, cut),
          new CarOffers.Served(path, cut, 206, car.size() - cut));
      // the retry is on record, so an operator sees why a transfer waits
      assertThat(h.pipeline.deals().history(cid)).anySatisfy(t -> {
        assertThat(t.event()).isEqualTo(ProviderEvent.DATA_TRANSFER_STALLED);
        assertThat(t.note()).startsWith("transfer interrupted at byte " + cut + " of " + car.size())
            .contains("retry 1 of 3");
      });
    }
  }

  @Test
  void aDaemonRestartMidTransferResumesFromTheRecordedOffset() throws Exception {
    String path = offer(car);
    TransferOptions patient = fast().withStallTimeout(Duration.ofSeconds(60));
    long pauseAt = car.size() * 2 / 5;
    CountDownLatch release = server.offers.pauseOnceAfter(pauseAt);
    Cid cid;
    long recorded;
    try (TransferHarness h = new TransferHarness(devnet, tmp.resolve("market"), 0, null, patient)) {
      cid = openHttp(h, proposalFor(h, car, "restart"), path, car.size());
      assertThat(server.offers.paused.await(60, TimeUnit.SECONDS)).isTrue();
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (h.deal(cid).transferredBytes() == 0 && System.nanoTime() < deadline) {
        TransferHarness.sleep();
      }
      h.transfers.close(); // the daemon stops mid-transfer
      recorded = h.deal(cid).transferredBytes();
      assertThat(h.deal(cid).state()).isEqualTo(StorageDealStatus.TRANSFERRING);
    } finally {
      release.countDown();
    }
    assertThat(recorded).isPositive().isLessThanOrEqualTo(pauseAt);
    try (TransferHarness h = new TransferHarness(devnet, tmp.resolve("market"), 0, null, patient)) {
      h.awaitVerified(cid);
      assertStored(h, cid, car);
      List<CarOffers.Served> reqs = requests(path);
      assertThat(reqs).hasSize(2);
      assertThat(reqs.get(1)).isEqualTo(new CarOffers.Served(path, recorded, 206, car.size() - recorded));
      assertThat(h.pipeline.deals().history(cid)).anySatisfy(t -> {
        assertThat(t.event()).isEqualTo(ProviderEvent.RESTART);
        assertThat(t.to()).isEqualTo(StorageDealStatus.PROVIDER_TRANSFER_AWAIT_RESTART);
      });
      assertThat(h.events(cid)).containsSubsequence(ProviderEvent.RESTART, ProviderEvent.DATA_TRANSFER_RESTARTED,
          ProviderEvent.DATA_TRANSFER_COMPLETED, ProviderEvent.VERIFIED_DATA);
    }
  }

  @Test
  void dataThatDoesNotMatchThePieceCidFailsVerificationAndLeavesNothing() throws Exception {
    try (TransferHarness h = harness(0)) {
      assertThat(other.size()).isEqualTo(car.size());
      String path = offer(other);
      // the proposal is for car's piece; the server hands out other's bytes, same size
      Cid cid = openHttp(h, proposalFor(h, car, "wrong"), path, car.size());
      ProviderDeal failed = h.awaitError(cid);
      Cid expected = car.pieceCid(car.naturalSize());
      Cid actual = other.pieceCid(other.naturalSize());
      assertThat(failed.message()).contains("proposal CommP doesn't match calculated CommP")
          .contains(expected.toString()).contains(actual.toString());
      assertThat(h.events(cid)).contains(ProviderEvent.DATA_TRANSFER_COMPLETED,
          ProviderEvent.DATA_VERIFICATION_FAILED, ProviderEvent.FAILED);
      assertThat(h.pieces.has(expected)).isFalse();
      assertThat(h.pieces.has(actual)).isFalse();
      assertThat(h.staged()).isEmpty();
      assertThat(h.transfers.staging().reservedBytes()).isZero();
    }
  }

  @Test
  void aWrongTokenFailsTheDealWith401() throws Exception {
    try (TransferHarness h = harness(0)) {
      String path = offer(car);
      Cid cid = h.openOnline(proposalFor(h, car, "401"), DealTransfer.TYPE_HTTP, server.url(path),
          Map.of("Authorization", "Bearer not-the-token"), car.size());
      ProviderDeal failed = h.awaitError(cid);
      assertThat(failed.message()).contains("HTTP 401").contains("transfer token").doesNotContain("not-the-token");
      assertThat(requests(path)).hasSize(1);
      assertThat(h.staged()).isEmpty();
    }
  }

  @Test
  void anUnknownUrlFailsTheDealWith404() throws Exception {
    try (TransferHarness h = harness(0)) {
      Cid cid = openHttp(h, proposalFor(h, car, "404"), "/deals/unknown", car.size());
      ProviderDeal failed = h.awaitError(cid);
      assertThat(failed.message()).contains("HTTP 404").contains(server.url("/deals/unknown"));
      assertThat(h.staged()).isEmpty();
    }
  }

  @Test
  void aDealLargerThanTheStagingLimitIsRefusedWithoutFetching() throws Exception {
    try (TransferHarness h = harness(car.size() - 1)) {
      String path = offer(car);
      Cid cid = openHttp(h, proposalFor(h, car, "too-big"), path, car.size());
      ProviderDeal failed = h.awaitError(cid);
      assertThat(failed.message()).contains("needs " + car.size() + " bytes of staging space")
          .contains("MaxStagingDealsBytes is " + (car.size() - 1));
      assertThat(requests(path)).isEmpty();
    }
  }

  @Test
  void aDealWaitsForStagingSpaceUntilTheTransferAheadOfItIsDone() throws Exception {
    TransferOptions patient = fast().withStallTimeout(Duration.ofSeconds(2));
    try (TransferHarness h = new TransferHarness(devnet, tmp.resolve("market"), car.size() + 1000, null, patient)) {
      String first = offer(car);
      String second = offer(other);
      CountDownLatch release = server.offers.pauseOnceAfter(500_000);
      Cid a = openHttp(h, proposalFor(h, car, "first"), first, car.size());
      assertThat(server.offers.paused.await(60, TimeUnit.SECONDS)).isTrue();
      Cid b = openHttp(h, proposalFor(h, other, "second"), second, other.size());
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (!h.transfers.staging().waiting().contains(b) && System.nanoTime() < deadline) {
        TransferHarness.sleep();
      }
      assertThat(h.transfers.staging().waiting()).containsExactly(b);
      assertThat(h.deal(b).state()).isEqualTo(StorageDealStatus.WAITING_FOR_DATA);
      assertThat(requests(second)).isEmpty();
      release.countDown();
      h.awaitVerified(a);
      h.awaitVerified(b);
      assertThat(requests(second)).hasSize(1);
      assertThat(h.staged()).isEmpty();
    }
  }

  @Test
  void aLibp2pDealIsPulledFromTheClientPeer() throws Exception {
    try (Libp2pCarServer peer = new Libp2pCarServer();
        Host host = new Host(HostConfig.defaults(Ed25519.generate())
            .withListenAddrs(List.of(Multiaddr.parse("/ip4/127.0.0.1/tcp/0"))))) {
      host.start();
      String token = UUID.randomUUID().toString();
      peer.offer(token, car.car());
      try (TransferHarness h = new TransferHarness(devnet, tmp.resolve("market"), 0, host, fast())) {
        Cid cid = h.openOnline(proposalFor(h, car, "libp2p"), DealTransfer.TYPE_LIBP2P, peer.url(),
            Map.of("Authorization", Libp2pCarServer.basic(token)), car.size());
        h.awaitVerified(cid);
        assertStored(h, cid, car);
        assertThat(peer.offers.requests()).containsExactly(new CarOffers.Served(token, 0, 200, car.size()));
      }
    }
  }

  @Test
  void offlineDealsAreLeftForImportData() throws Exception {
    try (TransferHarness h = harness(0)) {
      ClientDealProposal p = proposalFor(h, car, "offline");
      ProviderDeal d = ProviderDeal.builder(p, java.time.Instant.now()).build();
      h.pipeline.open(d, "test");
      h.pipeline.apply(d.proposalCid(), ProviderEvent.DEAL_DECIDING, "test");
      h.pipeline.apply(d.proposalCid(), ProviderEvent.DATA_REQUESTED, "test");
      h.pipeline.kick(d.proposalCid());
      Thread.sleep(300);
      assertThat(h.deal(d.proposalCid()).state()).isEqualTo(StorageDealStatus.WAITING_FOR_DATA);
      assertThat(h.staged()).isEmpty();
    }
  }

  /** Walks a deal by hand to VerifyData with no transfer stages installed, as if the daemon stopped right there. */
  Cid inVerifyData(TestCar c, String label) throws Exception {
    try (TransferHarness h = new TransferHarness(devnet, tmp.resolve("market"), 0, null, fast(), false)) {
      String path = offer(c);
      Cid cid = openHttp(h, proposalFor(h, c, label), path, c.size());
      Path staged = h.stagingDir().resolve(cid + ".car");
      h.pipeline.apply(cid, ProviderEvent.DATA_TRANSFER_INITIATED, "test",
          d -> d.toBuilder().inboundPath(staged.toString()).build());
      Files.copy(c.car(), staged);
      h.pipeline.apply(cid, ProviderEvent.DATA_TRANSFER_COMPLETED, "test",
          d -> d.toBuilder().transferredBytes(c.size()).build());
      assertThat(h.deal(cid).state()).isEqualTo(StorageDealStatus.VERIFY_DATA);
      return cid;
    }
  }

  @Test
  void aRestartInVerifyDataHashesTheStagedFileAgain() throws Exception {
    Cid cid = inVerifyData(car, "verify-restart");
    try (TransferHarness h = harness(0)) {
      h.awaitVerified(cid);
      assertStored(h, cid, car);
      assertThat(h.events(cid)).containsSubsequence(ProviderEvent.DATA_TRANSFER_COMPLETED, ProviderEvent.RESTART,
          ProviderEvent.VERIFIED_DATA);
    }
  }

  @Test
  void aRestartAfterThePieceWasStoredAndStagingCleanedFinishesVerification() throws Exception {
    Cid cid = inVerifyData(car, "stored-restart");
    try (TransferHarness h = new TransferHarness(devnet, tmp.resolve("market"), 0, null, fast(), false)) {
      Path staged = Path.of(h.deal(cid).inboundPath());
      h.pieces.putFile(car.pieceCid(car.naturalSize()), staged);
      Files.delete(staged);
    }
    try (TransferHarness h = harness(0)) {
      h.awaitVerified(cid);
      assertStored(h, cid, car);
    }
  }

  @Test
  void stagingFilesNoLiveDealOwnsAreRemovedAtStart() throws Exception {
    Path market = tmp.resolve("market");
    Files.createDirectories(market.resolve(StagingArea.DIR_NAME));
    Path leftover = market.resolve(StagingArea.DIR_NAME).resolve("bafyreileftover.car");
    Files.writeString(leftover, "left by a crash");
    try (TransferHarness h = harness(0)) {
      assertThat(leftover).doesNotExist();
    }
  }

  @Test
  void oneClientGetsAtMostItsSimultaneousTransfers() throws Exception {
    TransferOptions patient = fast().withStallTimeout(Duration.ofSeconds(2));
    Path market = tmp.resolve("market");
    DataTransfers.Settings oneEach = new DataTransfers.Settings(market.resolve(StagingArea.DIR_NAME), 0, 4, 1);
    try (TransferHarness h = new TransferHarness(devnet, market, oneEach, null, patient, true)) {
      String first = offer(car);
      String second = offer(other);
      CountDownLatch release = server.offers.pauseOnceAfter(500_000);
      Cid a = openHttp(h, proposalFor(h, car, "client-1"), first, car.size());
      assertThat(server.offers.paused.await(60, TimeUnit.SECONDS)).isTrue();
      Cid b = openHttp(h, proposalFor(h, other, "client-2"), second, other.size());
      h.await(b, StorageDealStatus.TRANSFERRING);
      Thread.sleep(300); // b's pull would have sent its request by now if it had a slot
      assertThat(h.transfers.isRunning(b)).isTrue();
      assertThat(requests(second)).isEmpty();
      assertThat(h.deal(b).transferredBytes()).isZero();
      release.countDown();
      h.awaitVerified(a);
      h.awaitVerified(b);
      assertThat(requests(second)).hasSize(1);
    }
  }
}
