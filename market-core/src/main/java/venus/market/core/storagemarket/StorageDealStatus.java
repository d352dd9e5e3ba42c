package venus.market.core.storagemarket;

import java.util.Optional;

/**
 * go-fil-markets storagemarket.StorageDealStatus, in iota order: {@link #code()} is the number on the wire and in
 * droplet's database, {@link #goName()} the name CLIs print verbatim ("StorageDealWaitingForData").
 */
public enum StorageDealStatus {
  UNKNOWN,
  PROPOSAL_NOT_FOUND,
  PROPOSAL_REJECTED,
  PROPOSAL_ACCEPTED,
  STAGED,
  SEALING,
  FINALIZING,
  ACTIVE,
  EXPIRED,
  SLASHED,
  REJECTING,
  FAILING,
  FUNDS_RESERVED,
  CHECK_FOR_ACCEPTANCE,
  VALIDATING,
  ACCEPT_WAIT,
  START_DATA_TRANSFER,
  TRANSFERRING,
  WAITING_FOR_DATA,
  VERIFY_DATA,
  RESERVE_PROVIDER_FUNDS,
  RESERVE_CLIENT_FUNDS,
  PROVIDER_FUNDING,
  CLIENT_FUNDING,
  PUBLISH,
  PUBLISHING,
  ERROR,
  PROVIDER_TRANSFER_AWAIT_RESTART,
  CLIENT_TRANSFER_RESTART,
  AWAITING_PRE_COMMIT,
  TRANSFER_QUEUED;

  private static final StorageDealStatus[] BY_CODE = values();

  private final String goName;

  StorageDealStatus() {
    StringBuilder sb = new StringBuilder("StorageDeal");
    for (String part : name().split("_")) {
      sb.append(part.charAt(0)).append(part.substring(1).toLowerCase(java.util.Locale.ROOT));
    }
    this.goName = sb.toString();
  }

  /** The uint64 on the wire. */
  public long code() {
    return ordinal();
  }

  /** The go-fil-markets name, e.g. "StorageDealProviderTransferAwaitRestart". */
  public String goName() {
    return goName;
  }

  /** The status with this code, if known (newer peers may send codes this version does not know). */
  public static Optional<StorageDealStatus> fromCode(long code) {
    return code >= 0 && code < BY_CODE.length ? Optional.of(BY_CODE[(int) code]) : Optional.empty();
  }

  /** The go-fil-markets name of a code, or "" for an unknown code (Go's map lookup yields ""). */
  public static String nameOf(long code) {
    return fromCode(code).map(StorageDealStatus::goName).orElse("");
  }

  /** The status with this Go name. */
  public static Optional<StorageDealStatus> fromGoName(String name) {
    for (StorageDealStatus s : BY_CODE) {
      if (s.goName.equals(name)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
