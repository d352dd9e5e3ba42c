package venus.market.daemon.deals;

import static venus.market.core.storagemarket.StorageDealStatus.ACCEPT_WAIT;
import static venus.market.core.storagemarket.StorageDealStatus.ACTIVE;
import static venus.market.core.storagemarket.StorageDealStatus.AWAITING_PRE_COMMIT;
import static venus.market.core.storagemarket.StorageDealStatus.ERROR;
import static venus.market.core.storagemarket.StorageDealStatus.EXPIRED;
import static venus.market.core.storagemarket.StorageDealStatus.FAILING;
import static venus.market.core.storagemarket.StorageDealStatus.FINALIZING;
import static venus.market.core.storagemarket.StorageDealStatus.PROVIDER_FUNDING;
import static venus.market.core.storagemarket.StorageDealStatus.PROVIDER_TRANSFER_AWAIT_RESTART;
import static venus.market.core.storagemarket.StorageDealStatus.PUBLISH;
import static venus.market.core.storagemarket.StorageDealStatus.PUBLISHING;
import static venus.market.core.storagemarket.StorageDealStatus.REJECTING;
import static venus.market.core.storagemarket.StorageDealStatus.RESERVE_PROVIDER_FUNDS;
import static venus.market.core.storagemarket.StorageDealStatus.SEALING;
import static venus.market.core.storagemarket.StorageDealStatus.SLASHED;
import static venus.market.core.storagemarket.StorageDealStatus.STAGED;
import static venus.market.core.storagemarket.StorageDealStatus.TRANSFERRING;
import static venus.market.core.storagemarket.StorageDealStatus.UNKNOWN;
import static venus.market.core.storagemarket.StorageDealStatus.VALIDATING;
import static venus.market.core.storagemarket.StorageDealStatus.VERIFY_DATA;
import static venus.market.core.storagemarket.StorageDealStatus.WAITING_FOR_DATA;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import venus.market.core.storagemarket.StorageDealStatus;

/**
 * The provider deal transition table, (state, event) to next state, following go-fil-markets'
 * storagemarket/impl/providerstates ProviderEvents. Differences, on purpose:
 * <ul>
 *   <li>NodeErrored and Restart do not apply to terminal deals (go accepts NodeErrored "from any", which would
 *       pull an Error/Expired/Slashed deal back into Failing; a finished deal must stay finished).</li>
 *   <li>Record-only events (go's ToJustRecord / ToNoChange) map a state to itself; they are written to the
 *       history like any other transition.</li>
 * </ul>
 */
public final class DealTransitions {
  /** go-fil-markets ProviderFinalityStates: nothing happens to these deals any more, so restart skips them. */
  public static final Set<StorageDealStatus> TERMINAL = Collections.unmodifiableSet(EnumSet.of(ERROR, SLASHED, EXPIRED));

  private static final Map<ProviderEvent, Map<StorageDealStatus, StorageDealStatus>> TABLE =
      new EnumMap<>(ProviderEvent.class);

  static {
    on(ProviderEvent.OPEN, UNKNOWN, VALIDATING);
    for (StorageDealStatus s : StorageDealStatus.values()) {
      if (!TERMINAL.contains(s) && s != UNKNOWN) {
        on(ProviderEvent.NODE_ERRORED, s, FAILING);
      }
    }
    on(ProviderEvent.DEAL_REJECTED, VALIDATING, REJECTING);
    on(ProviderEvent.DEAL_REJECTED, VERIFY_DATA, REJECTING);
    on(ProviderEvent.DEAL_REJECTED, ACCEPT_WAIT, REJECTING);
    on(ProviderEvent.REJECTION_SENT, REJECTING, FAILING);
    on(ProviderEvent.DEAL_DECIDING, VALIDATING, ACCEPT_WAIT);
    on(ProviderEvent.DATA_REQUESTED, ACCEPT_WAIT, WAITING_FOR_DATA);

    on(ProviderEvent.DATA_TRANSFER_FAILED, TRANSFERRING, FAILING);
    on(ProviderEvent.DATA_TRANSFER_FAILED, PROVIDER_TRANSFER_AWAIT_RESTART, FAILING);
    on(ProviderEvent.DATA_TRANSFER_INITIATED, WAITING_FOR_DATA, TRANSFERRING);
    on(ProviderEvent.DATA_TRANSFER_INITIATED, PROVIDER_TRANSFER_AWAIT_RESTART, TRANSFERRING);
    on(ProviderEvent.DATA_TRANSFER_RESTARTED, WAITING_FOR_DATA, TRANSFERRING);
    on(ProviderEvent.DATA_TRANSFER_RESTARTED, PROVIDER_TRANSFER_AWAIT_RESTART, TRANSFERRING);
    on(ProviderEvent.DATA_TRANSFER_RESTARTED, TRANSFERRING, TRANSFERRING);
    on(ProviderEvent.DATA_TRANSFER_STALLED, TRANSFERRING, TRANSFERRING);
    on(ProviderEvent.DATA_TRANSFER_STALLED, PROVIDER_TRANSFER_AWAIT_RESTART, PROVIDER_TRANSFER_AWAIT_RESTART);
    on(ProviderEvent.DATA_TRANSFER_PROGRESS, TRANSFERRING, TRANSFERRING);
    on(ProviderEvent.DATA_TRANSFER_CANCELLED, WAITING_FOR_DATA, FAILING);
    on(ProviderEvent.DATA_TRANSFER_CANCELLED, TRANSFERRING, FAILING);
    on(ProviderEvent.DATA_TRANSFER_CANCELLED, PROVIDER_TRANSFER_AWAIT_RESTART, FAILING);
    on(ProviderEvent.DATA_TRANSFER_COMPLETED, TRANSFERRING, VERIFY_DATA);
    on(ProviderEvent.DATA_TRANSFER_COMPLETED, PROVIDER_TRANSFER_AWAIT_RESTART, VERIFY_DATA);

    on(ProviderEvent.DATA_VERIFICATION_FAILED, VERIFY_DATA, FAILING);
    // WaitingForData -> ReserveProviderFunds is the offline path: the operator imports the data and commP is
    // checked during the import itself.
    on(ProviderEvent.VERIFIED_DATA, VERIFY_DATA, RESERVE_PROVIDER_FUNDS);
    on(ProviderEvent.VERIFIED_DATA, WAITING_FOR_DATA, RESERVE_PROVIDER_FUNDS);

    on(ProviderEvent.FUNDING_INITIATED, RESERVE_PROVIDER_FUNDS, PROVIDER_FUNDING);
    on(ProviderEvent.FUNDED, PROVIDER_FUNDING, PUBLISH);
    on(ProviderEvent.FUNDED, RESERVE_PROVIDER_FUNDS, PUBLISH);
    on(ProviderEvent.TRACK_FUNDS_FAILED, RESERVE_PROVIDER_FUNDS, FAILING);
    on(ProviderEvent.FUNDS_RESERVED, RESERVE_PROVIDER_FUNDS, RESERVE_PROVIDER_FUNDS);
    on(ProviderEvent.FUNDS_RELEASED, PUBLISHING, PUBLISHING);
    on(ProviderEvent.FUNDS_RELEASED, FAILING, FAILING);

    on(ProviderEvent.DEAL_PUBLISH_INITIATED, PUBLISH, PUBLISHING);
    on(ProviderEvent.DEAL_PUBLISH_ERROR, PUBLISHING, FAILING);
    on(ProviderEvent.SEND_RESPONSE_FAILED, ACCEPT_WAIT, FAILING);
    on(ProviderEvent.SEND_RESPONSE_FAILED, REJECTING, FAILING);
    on(ProviderEvent.DEAL_PUBLISHED, PUBLISHING, STAGED);

    for (StorageDealStatus s : EnumSet.of(STAGED, AWAITING_PRE_COMMIT, SEALING, ACTIVE)) {
      on(ProviderEvent.FILE_STORE_ERRORED, s, FAILING);
    }
    on(ProviderEvent.DEAL_HANDOFF_FAILED, STAGED, FAILING);
    on(ProviderEvent.PIECE_STORE_ERRORED, STAGED, STAGED);
    on(ProviderEvent.DEAL_HANDED_OFF, STAGED, AWAITING_PRE_COMMIT);
    on(ProviderEvent.DEAL_PRECOMMIT_FAILED, AWAITING_PRE_COMMIT, FAILING);
    on(ProviderEvent.DEAL_PRECOMMITTED, AWAITING_PRE_COMMIT, SEALING);
    on(ProviderEvent.DEAL_ACTIVATION_FAILED, SEALING, FAILING);
    // Straight from AwaitingPreCommit too: a deal can be pre-committed and proven between two chain checks.
    on(ProviderEvent.DEAL_ACTIVATED, AWAITING_PRE_COMMIT, FINALIZING);
    on(ProviderEvent.DEAL_ACTIVATED, SEALING, FINALIZING);
    on(ProviderEvent.FINALIZED, FINALIZING, ACTIVE);
    on(ProviderEvent.DEAL_SLASHED, ACTIVE, SLASHED);
    on(ProviderEvent.DEAL_EXPIRED, ACTIVE, EXPIRED);
    on(ProviderEvent.DEAL_COMPLETION_FAILED, ACTIVE, ERROR);

    on(ProviderEvent.FAILED, FAILING, ERROR);

    // The sealer API records piece status / sector / offset on handed-off deals without moving them; a released deal
    // goes back to waiting for a sector.
    for (StorageDealStatus s : EnumSet.of(AWAITING_PRE_COMMIT, SEALING, FINALIZING, ACTIVE)) {
      on(ProviderEvent.SEALER_UPDATED, s, s);
    }
    on(ProviderEvent.DEAL_RELEASED, AWAITING_PRE_COMMIT, AWAITING_PRE_COMMIT);
    on(ProviderEvent.DEAL_RELEASED, SEALING, AWAITING_PRE_COMMIT);

    // Restart: deals that were waiting on the (now gone) client connection fail; an interrupted transfer waits
    // for the client to restart it; every other live deal resumes where it was.
    for (StorageDealStatus s : StorageDealStatus.values()) {
      if (!TERMINAL.contains(s) && s != UNKNOWN) {
        on(ProviderEvent.RESTART, s, s);
      }
    }
    on(ProviderEvent.RESTART, VALIDATING, ERROR);
    on(ProviderEvent.RESTART, ACCEPT_WAIT, ERROR);
    on(ProviderEvent.RESTART, REJECTING, ERROR);
    on(ProviderEvent.RESTART, TRANSFERRING, PROVIDER_TRANSFER_AWAIT_RESTART);
    on(ProviderEvent.AWAIT_TRANSFER_RESTART_TIMEOUT, PROVIDER_TRANSFER_AWAIT_RESTART, FAILING);
  }

  private DealTransitions() {}

  private static void on(ProviderEvent event, StorageDealStatus from, StorageDealStatus to) {
    TABLE.computeIfAbsent(event, e -> new EnumMap<>(StorageDealStatus.class)).put(from, to);
  }

  /** The state {@code event} leads to from {@code from}, or empty when the event is not allowed there. */
  public static Optional<StorageDealStatus> next(StorageDealStatus from, ProviderEvent event) {
    Map<StorageDealStatus, StorageDealStatus> row = TABLE.get(event);
    return row == null ? Optional.empty() : Optional.ofNullable(row.get(from));
  }

  /** The states {@code event} is allowed in. */
  public static Set<StorageDealStatus> allowedFrom(ProviderEvent event) {
    Map<StorageDealStatus, StorageDealStatus> row = TABLE.get(event);
    return row == null ? Set.of() : Collections.unmodifiableSet(row.keySet());
  }

  public static boolean isTerminal(StorageDealStatus state) {
    return TERMINAL.contains(state);
  }
}
