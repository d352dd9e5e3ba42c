package venus.market.daemon.deals;

import java.util.Locale;

/**
 * What happened to a provider deal; named after go-fil-markets' storagemarket.ProviderEvent constants
 * ({@link #goName()}, e.g. "ProviderEventDealPublished") so logs and history read the same as lotus/droplet's.
 * The allowed from-states and the resulting state of each event are in {@link DealTransitions}.
 */
public enum ProviderEvent {
  /** A proposal arrived and is being validated. */
  OPEN,
  /** A call to the chain node / messager / sealer failed. */
  NODE_ERRORED,
  /** Validation or the accept decision rejected the deal. */
  DEAL_REJECTED,
  /** The rejection response went out to the client. */
  REJECTION_SENT,
  /** Validation passed; the deal waits for the accept decision (filters, policy). */
  DEAL_DECIDING,
  /** Accepted; the provider waits for data (online transfer or offline import). */
  DATA_REQUESTED,
  DATA_TRANSFER_FAILED,
  DATA_TRANSFER_INITIATED,
  DATA_TRANSFER_RESTARTED,
  /** Record only: the transfer made no progress for a while. */
  DATA_TRANSFER_STALLED,
  DATA_TRANSFER_CANCELLED,
  DATA_TRANSFER_COMPLETED,
  /**
   * Record only: bytes received so far. Not a go-fil-markets event (go tracks progress in the data-transfer
   * channel); ours so progress survives a restart.
   */
  DATA_TRANSFER_PROGRESS,
  DATA_VERIFICATION_FAILED,
  /** The data's commP matched the proposal's piece CID (online path after transfer, offline path after import). */
  VERIFIED_DATA,
  /** The provider collateral top-up message was sent. */
  FUNDING_INITIATED,
  /** Provider escrow covers the collateral. */
  FUNDED,
  TRACK_FUNDS_FAILED,
  /** Record only: funds reserved for this deal. */
  FUNDS_RESERVED,
  /** Record only: reserved funds released. */
  FUNDS_RELEASED,
  /** The deal joined a PublishStorageDeals message (publish CID known). */
  DEAL_PUBLISH_INITIATED,
  DEAL_PUBLISH_ERROR,
  SEND_RESPONSE_FAILED,
  /** The publish message landed; the deal has an on-chain deal ID. */
  DEAL_PUBLISHED,
  FILE_STORE_ERRORED,
  DEAL_HANDOFF_FAILED,
  /** Record only: registering the piece for retrieval failed (the deal goes on). */
  PIECE_STORE_ERRORED,
  /** The piece went to the sealer. */
  DEAL_HANDED_OFF,
  DEAL_PRECOMMIT_FAILED,
  /** The sector holding the deal is pre-committed. */
  DEAL_PRECOMMITTED,
  DEAL_ACTIVATION_FAILED,
  /** The market actor reports the deal active (sector proven). */
  DEAL_ACTIVATED,
  /** Clean-up after activation finished. */
  FINALIZED,
  DEAL_SLASHED,
  DEAL_EXPIRED,
  DEAL_COMPLETION_FAILED,
  /** Failing-state clean-up is done; the deal ends in Error. */
  FAILED,
  /** The daemon restarted with this deal in flight. */
  RESTART,
  AWAIT_TRANSFER_RESTART_TIMEOUT,
  /**
   * Extension (venus-market keeps no event for it): a sealer API call recorded piece status, sector or offset; the
   * deal state stays.
   */
  SEALER_UPDATED,
  /** Extension: a sealer gave the deal back (ReleaseDeals); it is assignable again from AwaitingPreCommit. */
  DEAL_RELEASED,
  /** Extension: an operator set the state directly (UpdateStorageDealStatus); the only event outside the table. */
  STATE_OVERRIDDEN;

  private final String goName;

  ProviderEvent() {
    StringBuilder sb = new StringBuilder("ProviderEvent");
    for (String part : name().split("_")) {
      sb.append(part.charAt(0)).append(part.substring(1).toLowerCase(Locale.ROOT));
    }
    this.goName = sb.toString();
  }

  /** The go-fil-markets constant name, e.g. "ProviderEventDealPublished". */
  public String goName() {
    return goName;
  }
}
