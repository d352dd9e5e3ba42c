package venus.market.core.miner;

/**
 * Miner actor method numbers a market stack uses (builtin-actors miner Method enum, go-state-types MethodsMiner).
 * Methods marked deprecated are rejected by current actors (nv24+); they are listed so old messages can be named.
 */
public final class MinerMethods {

  public static final long CONSTRUCTOR = 1;
  public static final long CONTROL_ADDRESSES = 2;
  /** Params: {@link ChangeWorkerAddressParams}. */
  public static final long CHANGE_WORKER_ADDRESS = 3;
  /** Params: {@link ChangePeerIDParams}. */
  public static final long CHANGE_PEER_ID = 4;
  public static final long SUBMIT_WINDOWED_POST = 5;
  /** Deprecated since actors v13; use {@link #PRE_COMMIT_SECTOR_BATCH2}. */
  public static final long PRE_COMMIT_SECTOR = 6;
  /** Deprecated (removed from current builtin-actors); use {@link #PROVE_COMMIT_SECTORS3}. */
  public static final long PROVE_COMMIT_SECTOR = 7;
  public static final long WITHDRAW_BALANCE = 16;
  /** Params: {@link ChangeMultiaddrsParams}. */
  public static final long CHANGE_MULTIADDRS = 18;
  public static final long CONFIRM_CHANGE_WORKER_ADDRESS = 21;
  public static final long CHANGE_OWNER_ADDRESS = 23;
  /** Deprecated since actors v13. */
  public static final long PRE_COMMIT_SECTOR_BATCH = 25;
  /** Deprecated in current builtin-actors. */
  public static final long PROVE_COMMIT_AGGREGATE = 26;
  /** Params: {@link PreCommitSectorBatchParams2}. The pre-commit method current actors accept. */
  public static final long PRE_COMMIT_SECTOR_BATCH2 = 28;
  public static final long CHANGE_BENEFICIARY = 30;
  public static final long GET_BENEFICIARY = 31;
  public static final long EXTEND_SECTOR_EXPIRATION2 = 32;
  /** Params: {@link ProveCommitSectors3Params}. The prove-commit method current actors accept (nv22+). */
  public static final long PROVE_COMMIT_SECTORS3 = 34;
  public static final long PROVE_REPLICA_UPDATES3 = 35;
  public static final long PROVE_COMMIT_SECTORS_NI = 36;

  public static final long CHANGE_WORKER_ADDRESS_EXPORTED = 3302309124L;
  public static final long CHANGE_PEER_ID_EXPORTED = 1236548004L;
  public static final long CHANGE_MULTIADDRS_EXPORTED = 1063480576L;
  public static final long GET_PEER_ID_EXPORTED = 2812875329L;
  public static final long GET_MULTIADDRS_EXPORTED = 1332909407L;

  private MinerMethods() {}
}
