package venus.market.daemon.deals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static venus.market.core.storagemarket.StorageDealStatus.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import venus.market.core.multiformats.Cid;
import venus.market.core.storagemarket.StorageDealStatus;

/**
 * The table against an independent listing of go-fil-markets' provider FSM (providerstates/provider_fsm.go),
 * then every pair the listing does not allow is driven through the state machine and must be rejected
 * without a write.
 */
class DealTransitionsTest {

  /** (event, from) -> to, written out by hand from the Go FSM plus our documented deviations. */
  private static Map<String, StorageDealStatus> expected() {
    Map<String, StorageDealStatus> m = new HashMap<>();
    put(m, ProviderEvent.OPEN, UNKNOWN, VALIDATING);
    for (StorageDealStatus s : StorageDealStatus.values()) {
      if (s != UNKNOWN && s != ERROR && s != EXPIRED && s != SLASHED) {
        put(m, ProviderEvent.NODE_ERRORED, s, FAILING);
        put(m, ProviderEvent.RESTART, s, s);
      }
    }
    put(m, ProviderEvent.RESTART, VALIDATING, ERROR);
    put(m, ProviderEvent.RESTART, ACCEPT_WAIT, ERROR);
    put(m, ProviderEvent.RESTART, REJECTING, ERROR);
    put(m, ProviderEvent.RESTART, TRANSFERRING, PROVIDER_TRANSFER_AWAIT_RESTART);
    put(m, ProviderEvent.DEAL_REJECTED, VALIDATING, REJECTING);
    put(m, ProviderEvent.DEAL_REJECTED, VERIFY_DATA, REJECTING);
    put(m, ProviderEvent.DEAL_REJECTED, ACCEPT_WAIT, REJECTING);
    put(m, ProviderEvent.REJECTION_SENT, REJECTING, FAILING);
    put(m, ProviderEvent.DEAL_DECIDING, VALIDATING, ACCEPT_WAIT);
    put(m, ProviderEvent.DATA_REQUESTED, ACCEPT_WAIT, WAITING_FOR_DATA);
    put(m, ProviderEvent.DATA_TRANSFER_FAILED, TRANSFERRING, FAILING);
    put(m, ProviderEvent.DATA_TRANSFER_FAILED, PROVIDER_TRANSFER_AWAIT_RESTART, FAILING);
    put(m, ProviderEvent.DATA_TRANSFER_INITIATED, WAITING_FOR_DATA, TRANSFERRING);
    put(m, ProviderEvent.DATA_TRANSFER_INITIATED, PROVIDER_TRANSFER_AWAIT_RESTART, TRANSFERRING);
    put(m, ProviderEvent.DATA_TRANSFER_RESTARTED, WAITING_FOR_DATA, TRANSFERRING);
    put(m, ProviderEvent.DATA_TRANSFER_RESTARTED, PROVIDER_TRANSFER_AWAIT_RESTART, TRANSFERRING);
    put(m, ProviderEvent.DATA_TRANSFER_RESTARTED, TRANSFERRING, TRANSFERRING);
    put(m, ProviderEvent.DATA_TRANSFER_STALLED, TRANSFERRING, TRANSFERRING);
    put(m, ProviderEvent.DATA_TRANSFER_STALLED, PROVIDER_TRANSFER_AWAIT_RESTART, PROVIDER_TRANSFER_AWAIT_RESTART);
    put(m, ProviderEvent.DATA_TRANSFER_PROGRESS, TRANSFERRING, TRANSFERRING);
    put(m, ProviderEvent.DATA_TRANSFER_CANCELLED, WAITING_FOR_DATA, FAILING);
    put(m, ProviderEvent.DATA_TRANSFER_CANCELLED, TRANSFERRING, FAILING);
    put(m, ProviderEvent.DATA_TRANSFER_CANCELLED, PROVIDER_TRANSFER_AWAIT_RESTART, FAILING);
    put(m, ProviderEvent.DATA_TRANSFER_COMPLETED, TRANSFERRING, VERIFY_DATA);
    put(m, ProviderEvent.DATA_TRANSFER_COMPLETED, PROVIDER_TRANSFER_AWAIT_RESTART, VERIFY_DATA);
    put(m, ProviderEvent.DATA_VERIFICATION_FAILED, VERIFY_DATA, FAILING);
    put(m, ProviderEvent.VERIFIED_DATA, VERIFY_DATA, RESERVE_PROVIDER_FUNDS);
    put(m, ProviderEvent.VERIFIED_DATA, WAITING_FOR_DATA, RESERVE_PROVIDER_FUNDS);
    put(m, ProviderEvent.FUNDING_INITIATED, RESERVE_PROVIDER_FUNDS, PROVIDER_FUNDING);
    put(m, ProviderEvent.FUNDED, PROVIDER_FUNDING, PUBLISH);
    put(m, ProviderEvent.FUNDED, RESERVE_PROVIDER_FUNDS, PUBLISH);
    put(m, ProviderEvent.TRACK_FUNDS_FAILED, RESERVE_PROVIDER_FUNDS, FAILING);
    put(m, ProviderEvent.FUNDS_RESERVED, RESERVE_PROVIDER_FUNDS, RESERVE_PROVIDER_FUNDS);
    put(m, ProviderEvent.FUNDS_RELEASED, PUBLISHING, PUBLISHING);
    put(m, ProviderEvent.FUNDS_RELEASED, FAILING, FAILING);
    put(m, ProviderEvent.DEAL_PUBLISH_INITIATED, PUBLISH, PUBLISHING);
    put(m, ProviderEvent.DEAL_PUBLISH_ERROR, PUBLISHING, FAILING);
    put(m, ProviderEvent.SEND_RESPONSE_FAILED, ACCEPT_WAIT, FAILING);
    put(m, ProviderEvent.SEND_RESPONSE_FAILED, REJECTING, FAILING);
    put(m, ProviderEvent.DEAL_PUBLISHED, PUBLISHING, STAGED);
    put(m, ProviderEvent.FILE_STORE_ERRORED, STAGED, FAILING);
    put(m, ProviderEvent.FILE_STORE_ERRORED, AWAITING_PRE_COMMIT, FAILING);
    put(m, ProviderEvent.FILE_STORE_ERRORED, SEALING, FAILING);
    put(m, ProviderEvent.FILE_STORE_ERRORED, ACTIVE, FAILING);
    put(m, ProviderEvent.DEAL_HANDOFF_FAILED, STAGED, FAILING);
    put(m, ProviderEvent.PIECE_STORE_ERRORED, STAGED, STAGED);
    put(m, ProviderEvent.DEAL_HANDED_OFF, STAGED, AWAITING_PRE_COMMIT);
    put(m, ProviderEvent.DEAL_PRECOMMIT_FAILED, AWAITING_PRE_COMMIT, FAILING);
    put(m, ProviderEvent.DEAL_PRECOMMITTED, AWAITING_PRE_COMMIT, SEALING);
    put(m, ProviderEvent.DEAL_ACTIVATION_FAILED, SEALING, FAILING);
    put(m, ProviderEvent.DEAL_ACTIVATED, AWAITING_PRE_COMMIT, FINALIZING);
    put(m, ProviderEvent.DEAL_ACTIVATED, SEALING, FINALIZING);
    put(m, ProviderEvent.FINALIZED, FINALIZING, ACTIVE);
    put(m, ProviderEvent.DEAL_SLASHED, ACTIVE, SLASHED);
    put(m, ProviderEvent.DEAL_EXPIRED, ACTIVE, EXPIRED);
    put(m, ProviderEvent.DEAL_COMPLETION_FAILED, ACTIVE, ERROR);
    put(m, ProviderEvent.FAILED, FAILING, ERROR);
    put(m, ProviderEvent.AWAIT_TRANSFER_RESTART_TIMEOUT, PROVIDER_TRANSFER_AWAIT_RESTART, FAILING);
    // Extensions for the sealer API: record-only updates of handed-off deals, and giving a deal back.
    // STATE_OVERRIDDEN has no entry: it bypasses the table (DealStateMachine.override).
    for (StorageDealStatus s : new StorageDealStatus[] {AWAITING_PRE_COMMIT, SEALING, FINALIZING, ACTIVE}) {
      put(m, ProviderEvent.SEALER_UPDATED, s, s);
    }
    put(m, ProviderEvent.DEAL_RELEASED, AWAITING_PRE_COMMIT, AWAITING_PRE_COMMIT);
    put(m, ProviderEvent.DEAL_RELEASED, SEALING, AWAITING_PRE_COMMIT);
    return m;
  }

  private static void put(Map<String, StorageDealStatus> m, ProviderEvent e, StorageDealStatus from,
      StorageDealStatus to) {
    m.put(e + "@" + from, to);
  }

  @Test
  void tableMatchesTheGoProviderFsmForEveryStateAndEvent() {
    Map<String, StorageDealStatus> expected = expected();
    for (ProviderEvent e : ProviderEvent.values()) {
      for (StorageDealStatus s : StorageDealStatus.values()) {
        assertThat(DealTransitions.next(s, e)).as("%s in %s", e.goName(), s.goName())
            .isEqualTo(Optional.ofNullable(expected.get(e + "@" + s)));
      }
    }
  }

  @Test
  void terminalStatesHaveNoWayOut() {
    for (StorageDealStatus s : List.of(ERROR, EXPIRED, SLASHED)) {
      assertThat(DealTransitions.isTerminal(s)).isTrue();
      for (ProviderEvent e : ProviderEvent.values()) {
        assertThat(DealTransitions.next(s, e)).as("%s in %s", e, s).isEmpty();
      }
    }
    assertThat(DealTransitions.isTerminal(FAILING)).isFalse();
  }

  @Test
  void goNamesOfEvents() {
    assertThat(ProviderEvent.DEAL_PUBLISHED.goName()).isEqualTo("ProviderEventDealPublished");
    assertThat(ProviderEvent.DEAL_PRECOMMITTED.goName()).isEqualTo("ProviderEventDealPrecommitted");
    assertThat(ProviderEvent.AWAIT_TRANSFER_RESTART_TIMEOUT.goName())
        .isEqualTo("ProviderEventAwaitTransferRestartTimeout");
  }

  @Test
  void everyIllegalTransitionIsRejectedWithoutWriting() {
    TestDeals.MemKv kv = new TestDeals.MemKv();
    KvDealStore store = new KvDealStore(kv);
    DealStateMachine machine = new DealStateMachine(store, TestDeals.fixedClock());
    // One stored deal per state (written straight into the store: most states are not reachable in one step).
    Map<StorageDealStatus, Cid> byState = new HashMap<>();
    int n = 0;
    for (StorageDealStatus s : StorageDealStatus.values()) {
      ProviderDeal d = ProviderDeal.received(TestDeals.proposal(n++), TestDeals.fixedClock().instant());
      store.commit(null, d.withState(s, d.createdAt()),
          new DealTransition(d.createdAt(), UNKNOWN, s, ProviderEvent.OPEN, "fixture"));
      byState.put(s, d.proposalCid());
    }
    int rejected = 0;
    List<String> failures = new ArrayList<>();
    for (StorageDealStatus s : StorageDealStatus.values()) {
      for (ProviderEvent e : ProviderEvent.values()) {
        if (DealTransitions.next(s, e).isPresent() || e == ProviderEvent.OPEN) {
          continue;
        }
        Cid cid = byState.get(s);
        int batches = kv.batches;
        assertThatThrownBy(() -> machine.apply(cid, e, "x"))
            .isInstanceOfSatisfying(IllegalDealTransitionException.class, ex -> {
              assertThat(ex.current()).isEqualTo(s);
              assertThat(ex.event()).isEqualTo(e);
              assertThat(ex.proposalCid()).isEqualTo(cid);
              assertThat(ex.getMessage()).contains(s.goName()).contains(e.goName()).contains(cid.toString());
            });
        if (kv.batches != batches || machine.get(cid).orElseThrow().state() != s) {
          failures.add(e + "@" + s);
        }
        rejected++;
      }
    }
    assertThat(failures).isEmpty();
    assertThat(rejected).isGreaterThan(ProviderEvent.values().length * 20);
    // OPEN on an existing deal is a duplicate proposal, never a reset.
    assertThatThrownBy(() -> machine.open(TestDeals.proposal(0), "again")).isInstanceOf(DealExistsException.class);
    assertThatThrownBy(() -> machine.apply(byState.get(VALIDATING), ProviderEvent.OPEN, ""))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
