package venus.market.daemon.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import venus.market.core.address.Address;
import venus.market.core.market.ClientDealProposal;
import venus.market.core.market.DealLabel;
import venus.market.core.market.DealProposal;
import venus.market.core.storagemarket.BoostDealStatusResponse;
import venus.market.core.storagemarket.DataRef;
import venus.market.core.storagemarket.DealParams;
import venus.market.core.storagemarket.DealResponse;
import venus.market.core.storagemarket.DealStatusResponse;
import venus.market.core.storagemarket.Proposal;
import venus.market.core.storagemarket.SignedResponse;
import venus.market.core.storagemarket.StorageDealStatus;
import venus.market.core.wallet.SignatureVerifier;
import venus.market.daemon.deals.DealTransfer;
import venus.market.daemon.deals.ProviderDeal;
import venus.market.p2p.P2pStream;

/**
 * go-fil-markets mk/1.1.x and 1.0.1 proposals (signed answers, offline only), both status protocols (only the client
 * may ask), a daemon restart, and hostile bytes on the deal protocol — against the real daemon and devnet.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DealProtocolsDevnetTest {
  IntakeDevnet net;
  int piece = 500;

  @BeforeAll
  void start(@TempDir Path tmp) throws Exception {
    net = new IntakeDevnet(tmp);
  }

  @AfterAll
  void stop() {
    net.close();
  }

  ClientDealProposal next() {
    return net.signed(net.proposal(piece++));
  }

  static Proposal legacy(ClientDealProposal cdp, String transferType) {
    return new Proposal(cdp, new DataRef(transferType, IntakeDevnet.payload(cdp), cdp.proposal().pieceCID(),
        cdp.proposal().pieceSize() / 128 * 127, 0), true);
  }

  boolean signedByWorker(SignedResponse r, byte[] signed) {
    return SignatureVerifier.verify(r.signature(), net.worker(), signed);
  }

  @Test
  void mk110AcceptsAManualDealWithAResponseSignedByTheWorker() throws Exception {
    ClientDealProposal cdp = next();
    SignedResponse r = net.proposeLegacy(LegacyDealProtocol.V110, legacy(cdp, DataRef.TRANSFER_MANUAL));
    assertThat(r.response().message()).isEmpty();
    assertThat(r.response().status()).contains(StorageDealStatus.WAITING_FOR_DATA);
    assertThat(r.response().proposal()).isEqualTo(cdp.proposalCid());
    assertThat(signedByWorker(r, r.response().signingBytes())).isTrue();
    ProviderDeal d = net.deal(cdp.proposalCid());
    assertThat(d.state()).isEqualTo(StorageDealStatus.WAITING_FOR_DATA);
    assertThat(d.transfer()).isEqualTo(DealTransfer.MANUAL);
    assertThat(d.dealUuid()).isNull();
    assertThat(d.protocol()).isEqualTo(LegacyDealProtocol.V110);
    assertThat(d.fastRetrieval()).isTrue();
    assertThat(d.payloadCid()).isEqualTo(IntakeDevnet.payload(cdp));

    // resent: same signed answer state, no second deal
    SignedResponse again = net.proposeLegacy(LegacyDealProtocol.V110, legacy(cdp, DataRef.TRANSFER_MANUAL));
    assertThat(again.response().status()).contains(StorageDealStatus.WAITING_FOR_DATA);
    assertThat(DealIntakeDevnetTest.events(net, d)).containsOnlyOnce(venus.market.daemon.deals.ProviderEvent.OPEN);
  }

  @Test
  void mk101TuplesWorkToo() throws Exception {
    ClientDealProposal cdp = next();
    SignedResponse r = net.proposeLegacy(LegacyDealProtocol.V101, legacy(cdp, DataRef.TRANSFER_MANUAL));
    assertThat(r.response().status()).as(r.response().message()).contains(StorageDealStatus.WAITING_FOR_DATA);
    assertThat(signedByWorker(r, r.response().signingBytesV101())).isTrue();
  }

  @Test
  void aGraphsyncProposalIsRefusedWithWhatWorksInstead() throws Exception {
    ClientDealProposal cdp = next();
    SignedResponse r = net.proposeLegacy(LegacyDealProtocol.V111, legacy(cdp, DataRef.TRANSFER_GRAPHSYNC));
    assertThat(r.response().status()).contains(StorageDealStatus.FAILING);
    assertThat(r.response().message()).isEqualTo("graphsync transfers are not supported; use an offline deal or a "
        + "boost (mk/1.2.0) client with http transfer");
    assertThat(signedByWorker(r, r.response().signingBytes())).isTrue();
  }

  @Test
  void aByteLabelIsRefusedOnMk110AndAcceptedOnMk111() throws Exception {
    DealProposal base = net.proposal(piece++);
    DealProposal bytes = new DealProposal(base.pieceCID(), base.pieceSize(), false, base.client(), base.provider(),
        DealLabel.ofBytes(new byte[] {1, 2, 3}), base.startEpoch(), base.endEpoch(), base.storagePricePerEpoch(),
        base.providerCollateral(), base.clientCollateral());
    ClientDealProposal cdp = net.signed(bytes);
    SignedResponse r110 = net.proposeLegacy(LegacyDealProtocol.V110, legacy(cdp, DataRef.TRANSFER_MANUAL));
    assertThat(r110.response().message()).startsWith("deal label must be a UTF-8 string on this protocol");

    DealProposal base2 = net.proposal(piece++);
    ClientDealProposal cdp2 = net.signed(new DealProposal(base2.pieceCID(), base2.pieceSize(), false, base2.client(),
        base2.provider(), DealLabel.ofBytes(new byte[] {1, 2, 3}), base2.startEpoch(), base2.endEpoch(),
        base2.storagePricePerEpoch(), base2.providerCollateral(), base2.clientCollateral()));
    SignedResponse r111 = net.proposeLegacy(LegacyDealProtocol.V111, legacy(cdp2, DataRef.TRANSFER_MANUAL));
    assertThat(r111.response().status()).as(r111.response().message()).contains(StorageDealStatus.WAITING_FOR_DATA);
    assertThat(net.deal(cdp2.proposalCid()).proposal().toCbor()).isEqualTo(cdp2.toCbor());
  }

  @Test
  void onlyTheClientLearnsTheStatusOfItsDeal() throws Exception {
    ClientDealProposal cdp = next();
    DealParams params = IntakeDevnet.http(cdp, 777);
    assertThat(net.propose(params).accepted()).isTrue();

    BoostDealStatusResponse mine = net.status(params.dealUUID(), net.clientAddr());
    assertThat(mine.error()).isEmpty();
    assertThat(mine.dealUUID()).isEqualTo(params.dealUUID());
    // the provider starts pulling an online deal as soon as it is accepted (this URL refuses, so it keeps retrying)
    assertThat(mine.dealStatus().sealingStatus()).isIn("StorageDealWaitingForData", "StorageDealTransferring");
    assertThat(mine.dealStatus().status()).isEqualTo("Accepted");
    assertThat(mine.dealStatus().error()).isEmpty();
    assertThat(mine.dealStatus().signedProposalCid()).isEqualTo(cdp.proposalCid());
    assertThat(mine.dealStatus().proposal()).isEqualTo(cdp.proposal());
    assertThat(mine.isOffline()).isFalse();
    assertThat(mine.transferSize()).isEqualTo(777);

    BoostDealStatusResponse stranger = net.status(params.dealUUID(), net.worker());
    assertThat(stranger.error()).isEqualTo("signature verification failed");
    assertThat(stranger.dealStatus()).isNull();

    UUID unknown = UUID.randomUUID();
    assertThat(net.status(unknown, net.clientAddr()).error()).isEqualTo("no storage deal found with deal UUID "
        + unknown);

    DealStatusResponse legacy = net.legacyStatus(cdp.proposalCid(), net.clientAddr());
    assertThat(legacy.dealState().state()).isIn(StorageDealStatus.WAITING_FOR_DATA.code(),
        StorageDealStatus.TRANSFERRING.code());
    assertThat(legacy.dealState().proposalCid()).isEqualTo(cdp.proposalCid());
    assertThat(legacy.dealState().proposal()).isEqualTo(cdp.proposal());
    assertThat(SignatureVerifier.verify(legacy.signature(), net.worker(), legacy.dealState().signingBytes())).isTrue();

    DealStatusResponse legacyStranger = net.legacyStatus(cdp.proposalCid(), net.worker());
    assertThat(legacyStranger.dealState().state()).isEqualTo(StorageDealStatus.ERROR.code());
    assertThat(legacyStranger.dealState().message()).isEqualTo("invalid deal status request signature");
    assertThat(legacyStranger.dealState().proposal()).isNull();
    assertThat(SignatureVerifier.verify(legacyStranger.signature(), net.worker(),
        legacyStranger.dealState().signingBytes())).isTrue();

    DealStatusResponse none = net.legacyStatus(net.next().proposalCid(), net.clientAddr());
    assertThat(none.dealState().message()).isEqualTo("no such proposal");
  }

  @Test
  void garbageOnTheDealProtocolClosesThatStreamAndNothingElse() throws Exception {
    // not CBOR at all (a reserved additional-info byte): the stream is reset without an answer
    try (P2pStream s = net.open(BoostDealProtocol.V120)) {
      // The reset may already arrive while writing (the daemon answers the first bad byte), so the write
      // belongs inside the assertion as much as the read.
      assertThatThrownBy(() -> {
        s.out().write(new byte[] {(byte) 0xff, (byte) 0xfe, 0x00, 0x01});
        s.out().flush();
        s.closeWrite();
        int b = s.in().read();
        if (b < 0) {
          throw new IOException("closed without an answer");
        }
      }).isInstanceOf(IOException.class);
    }
    // CBOR, but not DealParams: a rejection that says why
    byte[] emptyMap = {(byte) 0xa0};
    DealResponse r = DealResponse.decode(net.exchange(BoostDealProtocol.V120, emptyMap));
    assertThat(r.accepted()).isFalse();
    assertThat(r.message()).startsWith("failed to decode deal proposal: ");
    // a length claiming more than the limit: reset before reading it
    try (P2pStream s = net.open(BoostDealProtocol.V121)) {
      assertThatThrownBy(() -> {
        s.out().write(new byte[] {0x5a, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff});
        s.out().flush();
        if (s.in().read() < 0) {
          throw new IOException("closed without an answer");
        }
      }).isInstanceOf(IOException.class);
    }
    // the daemon still takes deals
    ClientDealProposal cdp = next();
    assertThat(net.propose(IntakeDevnet.offline(cdp)).accepted()).isTrue();
  }

  @Test
  void aRestartKeepsAcceptedDealsTheirStatusAndTheirAnswers() throws Exception {
    ClientDealProposal online = next();
    DealParams onlineParams = IntakeDevnet.http(online, 100);
    ClientDealProposal offline = next();
    DealParams offlineParams = IntakeDevnet.offline(offline);
    assertThat(net.propose(onlineParams).accepted()).isTrue();
    assertThat(net.propose(offlineParams).accepted()).isTrue();

    net.restartDaemon(c -> c);

    for (ClientDealProposal c : java.util.List.of(online, offline)) {
      ProviderDeal d = net.deal(c.proposalCid());
      assertThat(d.proposal().toCbor()).isEqualTo(c.toCbor());
    }
    assertThat(net.deal(offline.proposalCid()).state()).isEqualTo(StorageDealStatus.WAITING_FOR_DATA);
    // the online deal's pull (to a URL that refuses) started before the restart and resumes after it
    assertThat(net.deal(online.proposalCid()).state()).isIn(StorageDealStatus.WAITING_FOR_DATA,
        StorageDealStatus.TRANSFERRING, StorageDealStatus.PROVIDER_TRANSFER_AWAIT_RESTART);
    assertThat(net.deal(online.proposalCid()).transfer().params())
        .isEqualTo(new String(onlineParams.transfer().params(), java.nio.charset.StandardCharsets.UTF_8));
    assertThat(net.status(offlineParams.dealUUID(), net.clientAddr()).dealStatus().sealingStatus())
        .isEqualTo("StorageDealWaitingForData");
    // a client retrying after the restart is answered as before
    assertThat(net.propose(onlineParams).accepted()).isTrue();
  }

  @Test
  void anOperatorFilterDecidesAndItsOutputIsTheReason() throws Exception {
    net.restartDaemon(c -> c.withPolicy(c.policy().with(venus.market.daemon.config.PolicyKey.Filter,
        "in=$(cat); echo \"$in\" | grep -q '\"DealType\" : \"storage\"' || exit 3; "
            + "echo \"$in\" | grep -q 'reject-me' && { echo 'no thanks:' rejected; exit 1; }; exit 0")));
    try {
      DealProposal base = net.proposal(piece++);
      ClientDealProposal refused = net.signed(new DealProposal(base.pieceCID(), base.pieceSize(), false,
          base.client(), base.provider(), DealLabel.ofString("reject-me"), base.startEpoch(), base.endEpoch(),
          base.storagePricePerEpoch(), base.providerCollateral(), base.clientCollateral()));
      DealResponse no = net.propose(IntakeDevnet.offline(refused));
      assertThat(no.accepted()).isFalse();
      assertThat(no.message()).isEqualTo("no thanks: rejected\n");
      DealResponse yes = net.propose(IntakeDevnet.offline(next()));
      assertThat(yes.accepted()).as(yes.message()).isTrue();
    } finally {
      net.restartDaemon(c -> c.withPolicy(c.policy().with(venus.market.daemon.config.PolicyKey.Filter, "")));
    }
  }
}
