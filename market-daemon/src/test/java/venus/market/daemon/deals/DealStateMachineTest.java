package venus.market.daemon.deals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static venus.market.core.storagemarket.StorageDealStatus.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import venus.market.core.multiformats.Cid;
import venus.market.core.multiformats.Multicodec;
import venus.market.core.multiformats.Multihash;
import venus.market.core.storagemarket.StorageDealStatus;

class DealStateMachineTest {
  private final KvDealStore store = new KvDealStore(new TestDeals.MemKv());
  private final DealStateMachine machine = new DealStateMachine(store, TestDeals.steppingClock());

  @Test
  void onlineHappyPathToExpiryWithHistoryAndFields() {
    Cid cid = machine.open(TestDeals.proposal(1), "from 12D3KooW").proposalCid();
    assertThat(cid).isEqualTo(TestDeals.proposal(1).proposalCid());
    Cid publish = Cid.v1(Multicodec.DAG_CBOR, Multihash.sha256(new byte[] {1}));
    step(cid, ProviderEvent.DEAL_DECIDING, ACCEPT_WAIT);
    step(cid, ProviderEvent.DATA_REQUESTED, WAITING_FOR_DATA);
    step(cid, ProviderEvent.DATA_TRANSFER_INITIATED, TRANSFERRING);
    ProviderDeal d = machine.apply(cid, ProviderEvent.DATA_TRANSFER_PROGRESS, "", x -> x.withTransferredBytes(1024));
    assertThat(d.state()).isEqualTo(TRANSFERRING);
    assertThat(d.transferredBytes()).isEqualTo(1024);
    step(cid, ProviderEvent.DATA_TRANSFER_COMPLETED, VERIFY_DATA);
    d = machine.apply(cid, ProviderEvent.VERIFIED_DATA, "commP ok", x -> x.withPiecePath("/pieces/p1"));
    assertThat(d.state()).isEqualTo(RESERVE_PROVIDER_FUNDS);
    step(cid, ProviderEvent.FUNDING_INITIATED, PROVIDER_FUNDING);
    step(cid, ProviderEvent.FUNDED, PUBLISH);
    d = machine.apply(cid, ProviderEvent.DEAL_PUBLISH_INITIATED, "", x -> x.withPublishCid(publish));
    assertThat(d.state()).isEqualTo(PUBLISHING);
    d = machine.apply(cid, ProviderEvent.DEAL_PUBLISHED, "", x -> x.withDealId(77));
    assertThat(d.state()).isEqualTo(STAGED);
    step(cid, ProviderEvent.DEAL_HANDED_OFF, AWAITING_PRE_COMMIT);
    step(cid, ProviderEvent.DEAL_PRECOMMITTED, SEALING);
    step(cid, ProviderEvent.DEAL_ACTIVATED, FINALIZING);
    step(cid, ProviderEvent.FINALIZED, ACTIVE);
    d = step(cid, ProviderEvent.DEAL_EXPIRED, EXPIRED);

    assertThat(d.isTerminal()).isTrue();
    assertThat(d.dealId()).isEqualTo(77);
    assertThat(d.piecePath()).isEqualTo("/pieces/p1");
    assertThat(d.publishCid()).isEqualTo(publish);
    assertThat(d.transferredBytes()).isEqualTo(1024);
    assertThat(d.message()).isEmpty();
    assertThat(d.updatedAt()).isAfter(d.createdAt());
    assertThat(store.get(cid)).contains(d);

    List<DealTransition> h = machine.history(cid);
    assertThat(h).extracting(DealTransition::to).containsExactly(VALIDATING, ACCEPT_WAIT, WAITING_FOR_DATA,
        TRANSFERRING, TRANSFERRING, VERIFY_DATA, RESERVE_PROVIDER_FUNDS, PROVIDER_FUNDING, PUBLISH, PUBLISHING,
        STAGED, AWAITING_PRE_COMMIT, SEALING, FINALIZING, ACTIVE, EXPIRED);
    assertThat(h.get(0).from()).isEqualTo(UNKNOWN);
    assertThat(h.get(0).event()).isEqualTo(ProviderEvent.OPEN);
    assertThat(h.get(0).note()).isEqualTo("from 12D3KooW");
    for (int i = 1; i < h.size(); i++) {
      assertThat(h.get(i).from()).isEqualTo(h.get(i - 1).to());
      assertThat(h.get(i).time()).isAfter(h.get(i - 1).time());
    }
    assertThat(h.get(h.size() - 1).time()).isEqualTo(d.updatedAt());
    assertThat(machine.resumable()).isEmpty();
  }

  @Test
  void offlinePathSkipsTransfer() {
    Cid cid = machine.open(TestDeals.proposal(2), "").proposalCid();
    step(cid, ProviderEvent.DEAL_DECIDING, ACCEPT_WAIT);
    step(cid, ProviderEvent.DATA_REQUESTED, WAITING_FOR_DATA);
    step(cid, ProviderEvent.VERIFIED_DATA, RESERVE_PROVIDER_FUNDS);
    step(cid, ProviderEvent.FUNDED, PUBLISH);
    assertThat(machine.history(cid)).hasSize(5);
  }

  @Test
  void rejectionAndFailureEndInErrorWithTheMessage() {
    Cid rejected = machine.open(TestDeals.proposal(3), "").proposalCid();
    ProviderDeal d = machine.apply(rejected, ProviderEvent.DEAL_REJECTED, "price too low");
    assertThat(d.state()).isEqualTo(REJECTING);
    assertThat(d.message()).isEqualTo("price too low");
    step(rejected, ProviderEvent.REJECTION_SENT, FAILING);
    d = step(rejected, ProviderEvent.FAILED, ERROR);
    assertThat(d.message()).isEqualTo("price too low");

    Cid failed = machine.open(TestDeals.proposal(4), "").proposalCid();
    step(failed, ProviderEvent.DEAL_DECIDING, ACCEPT_WAIT);
    step(failed, ProviderEvent.DATA_REQUESTED, WAITING_FOR_DATA);
    step(failed, ProviderEvent.VERIFIED_DATA, RESERVE_PROVIDER_FUNDS);
    step(failed, ProviderEvent.FUNDED, PUBLISH);
    step(failed, ProviderEvent.DEAL_PUBLISH_INITIATED, PUBLISHING);
    d = machine.apply(failed, ProviderEvent.DEAL_PUBLISH_ERROR, "exit code 16");
    assertThat(d.state()).isEqualTo(FAILING);
    assertThat(d.message()).isEqualTo("exit code 16");
    assertThat(machine.resumable()).extracting(ProviderDeal::proposalCid).containsExactly(failed);
    step(failed, ProviderEvent.FAILED, ERROR);
    assertThat(machine.resumable()).isEmpty();
    assertThat(store.listByState(ERROR)).extracting(ProviderDeal::proposalCid)
        .containsExactlyInAnyOrder(rejected, failed);
  }

  @Test
  void restartMovesInterruptedTransfersAndFailsUnansweredProposals() {
    Cid transferring = machine.open(TestDeals.proposal(5), "").proposalCid();
    step(transferring, ProviderEvent.DEAL_DECIDING, ACCEPT_WAIT);
    step(transferring, ProviderEvent.DATA_REQUESTED, WAITING_FOR_DATA);
    step(transferring, ProviderEvent.DATA_TRANSFER_INITIATED, TRANSFERRING);
    Cid validating = machine.open(TestDeals.proposal(6), "").proposalCid();
    for (ProviderDeal d : machine.resumable()) {
      machine.apply(d.proposalCid(), ProviderEvent.RESTART, "daemon restarted");
    }
    assertThat(machine.get(transferring).orElseThrow().state()).isEqualTo(PROVIDER_TRANSFER_AWAIT_RESTART);
    assertThat(machine.get(validating).orElseThrow().state()).isEqualTo(ERROR);
    step(transferring, ProviderEvent.DATA_TRANSFER_RESTARTED, TRANSFERRING);
  }

  @Test
  void unknownDealAndStateChangingUpdatesAreRefused() {
    Cid missing = TestDeals.proposal(9).proposalCid();
    assertThatThrownBy(() -> machine.apply(missing, ProviderEvent.FUNDED, ""))
        .isInstanceOf(DealNotFoundException.class).hasMessageContaining(missing.toString());
    Cid cid = machine.open(TestDeals.proposal(7), "").proposalCid();
    assertThatThrownBy(() -> machine.apply(cid, ProviderEvent.DEAL_DECIDING, "",
        d -> d.withState(ACTIVE, d.updatedAt()))).isInstanceOf(IllegalArgumentException.class);
    assertThat(machine.get(cid).orElseThrow().state()).isEqualTo(VALIDATING);
    assertThat(machine.history(cid)).hasSize(1);
  }

  private ProviderDeal step(Cid cid, ProviderEvent event, StorageDealStatus expected) {
    ProviderDeal d = machine.apply(cid, event, "");
    assertThat(d.state()).as(event.goName()).isEqualTo(expected);
    return d;
  }
}
