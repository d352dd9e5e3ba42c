package venus.market.daemon.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import venus.market.core.market.ClientDealProposal;
import venus.market.core.storagemarket.DealParams;
import venus.market.core.storagemarket.DealResponse;
import venus.market.core.storagemarket.StorageDealStatus;
import venus.market.daemon.deals.DealTransfer;
import venus.market.daemon.deals.DealTransition;
import venus.market.daemon.deals.ProviderDeal;
import venus.market.daemon.deals.ProviderEvent;

/** Accepted deals over mk/1.2.x on the real daemon and devnet: what is stored, in which state, and retries. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DealIntakeDevnetTest {
  IntakeDevnet net;

  @BeforeAll
  void start(@TempDir Path tmp) throws Exception {
    net = new IntakeDevnet(tmp);
  }

  @AfterAll
  void stop() {
    net.close();
  }

  static List<ProviderEvent> events(IntakeDevnet net, ProviderDeal d) {
    return net.daemon.deals().history(d.proposalCid()).stream().map(DealTransition::event).toList();
  }

  @Test
  void anOnlineHttpDealIsStoredInWaitingForDataWithEverythingTheTransferNeeds() throws Exception {
    ClientDealProposal cdp = net.signed(net.proposal(1));
    DealParams params = IntakeDevnet.http(cdp, 4321);
    DealResponse r = net.propose(BoostDealProtocol.V120, params);
    assertThat(r.message()).isEmpty();
    assertThat(r.accepted()).isTrue();

    // The transfer stage may already have taken the deal on (its URL leads nowhere), so the state is checked
    // through the history: intake's part ends in WaitingForData.
    ProviderDeal d = net.deal(cdp.proposalCid());
    assertThat(d.proposal().toCbor()).isEqualTo(cdp.toCbor());
    assertThat(d.dealUuid()).isEqualTo(params.dealUUID());
    assertThat(d.protocol()).isEqualTo(BoostDealProtocol.V120);
    assertThat(d.clientPeerId()).isEqualTo(net.client.peerId().toString());
    assertThat(d.transfer().type()).isEqualTo(DealTransfer.TYPE_HTTP);
    assertThat(d.transfer().params()).isEqualTo(new String(params.transfer().params(), StandardCharsets.UTF_8));
    assertThat(d.transfer().size()).isEqualTo(4321);
    assertThat(d.payloadCid()).isEqualTo(params.dealDataRoot());
    assertThat(d.payloadSize()).isEqualTo(4321);
    assertThat(d.fastRetrieval()).isTrue();
    assertThat(events(net, d).subList(0, 3)).containsExactly(ProviderEvent.OPEN, ProviderEvent.DEAL_DECIDING,
        ProviderEvent.DATA_REQUESTED);
    assertThat(net.daemon.deals().history(d.proposalCid()).subList(0, 3)).extracting(DealTransition::to)
        .containsExactly(StorageDealStatus.VALIDATING, StorageDealStatus.ACCEPT_WAIT,
            StorageDealStatus.WAITING_FOR_DATA);
  }

  @Test
  void anOfflineDealOnMk121WaitsForImportWithAManualTransfer() throws Exception {
    ClientDealProposal cdp = net.signed(net.proposal(2));
    DealParams params = new DealParams(UUID.randomUUID(), true, cdp, IntakeDevnet.payload(cdp),
        venus.market.core.storagemarket.Transfer.NONE, true, true);
    DealResponse r = net.propose(BoostDealProtocol.V121, params);
    assertThat(r.accepted()).as(r.message()).isTrue();
    ProviderDeal d = net.deal(cdp.proposalCid());
    assertThat(d.state()).isEqualTo(StorageDealStatus.WAITING_FOR_DATA);
    assertThat(d.transfer()).isEqualTo(DealTransfer.MANUAL);
    assertThat(d.transfer().isOffline()).isTrue();
    assertThat(d.fastRetrieval()).isFalse(); // RemoveUnsealedCopy
    assertThat(d.protocol()).isEqualTo(BoostDealProtocol.V121);
  }

  @Test
  void aResentProposalGetsTheSameAnswerAndOpensNothingNew() throws Exception {
    ClientDealProposal cdp = net.signed(net.proposal(3));
    DealParams params = IntakeDevnet.offline(cdp);
    assertThat(net.propose(params).accepted()).isTrue();
    int stored = net.daemon.deals().resumable().size();
    DealResponse again = net.propose(params);
    assertThat(again.accepted()).isTrue();
    assertThat(again.message()).isEmpty();
    assertThat(net.daemon.deals().resumable()).hasSize(stored);
    assertThat(events(net, net.deal(cdp.proposalCid()))).containsOnlyOnce(ProviderEvent.OPEN);

    // the same proposal under another UUID is a second deal for the same signed proposal: refused
    DealParams otherUuid = new DealParams(UUID.randomUUID(), true, cdp, params.dealDataRoot(), params.transfer(),
        false, false);
    DealResponse dup = net.propose(otherUuid);
    assertThat(dup.accepted()).isFalse();
    assertThat(dup.message()).startsWith("deal proposal is identical to deal " + params.dealUUID());

    // a different proposal reusing the UUID: refused, and the first deal is untouched
    ClientDealProposal other = net.signed(net.proposal(4));
    DealParams sameUuid = new DealParams(params.dealUUID(), true, other, params.dealDataRoot(), params.transfer(),
        false, false);
    DealResponse clash = net.propose(sameUuid);
    assertThat(clash.accepted()).isFalse();
    assertThat(clash.message()).startsWith("deal has the same uuid as deal " + cdp.proposalCid());
    assertThat(net.daemon.deals().get(other.proposalCid())).isEmpty();
    assertThat(net.deal(cdp.proposalCid()).state()).isEqualTo(StorageDealStatus.WAITING_FOR_DATA);
  }

  @Test
  void theSameProposalSentConcurrentlyOpensOneDeal() throws Exception {
    ClientDealProposal cdp = net.signed(net.proposal(5));
    DealParams params = IntakeDevnet.offline(cdp);
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
    try {
      List<java.util.concurrent.Future<DealResponse>> answers = new java.util.ArrayList<>();
      for (int i = 0; i < 6; i++) {
        answers.add(pool.submit(() -> net.propose(params)));
      }
      for (var a : answers) {
        DealResponse r = a.get(60, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(r.accepted()).as(r.message()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(events(net, net.deal(cdp.proposalCid()))).containsOnlyOnce(ProviderEvent.OPEN);
  }
}
