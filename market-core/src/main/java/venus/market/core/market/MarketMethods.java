package venus.market.core.market;

/**
 * Method numbers of the storage market actor (f05). The small numbers are the builtin methods; the large ones are
 * FRC-0042 exported numbers that accept the same parameters from any caller (EVM contracts included).
 */
public final class MarketMethods {

  /** ID address of the storage market actor. */
  public static final long ACTOR_ID = 5;

  public static final long CONSTRUCTOR = 1;
  /** Params: the Address whose escrow to credit, bare (not in a tuple); message value = amount. */
  public static final long ADD_BALANCE = 2;
  /** Params: {@link WithdrawBalanceParams}; return: the amount withdrawn (bare BigInt). */
  public static final long WITHDRAW_BALANCE = 3;
  /** Params: {@link PublishStorageDealsParams}; return: {@link PublishStorageDealsReturn}. */
  public static final long PUBLISH_STORAGE_DEALS = 4;
  public static final long VERIFY_DEALS_FOR_ACTIVATION = 5;
  /** ActivateDeals before actors v13, BatchActivateDeals from v13. */
  public static final long BATCH_ACTIVATE_DEALS = 6;
  public static final long ON_MINER_SECTORS_TERMINATE = 7;
  /** Was ComputeDataCommitment; removed in actors v13. */
  public static final long DEPRECATED_1 = 8;
  public static final long CRON_TICK = 9;

  public static final long ADD_BALANCE_EXPORTED = 822473126L;
  public static final long WITHDRAW_BALANCE_EXPORTED = 2280458852L;
  public static final long PUBLISH_STORAGE_DEALS_EXPORTED = 2236929350L;
  /** Params: Address; return: tuple [Balance, Locked] ({@link MarketBalance}). */
  public static final long GET_BALANCE_EXPORTED = 726108461L;
  public static final long GET_DEAL_ACTIVATION_EXPORTED = 2567238399L;
  public static final long SECTOR_CONTENT_CHANGED = 2034386435L;

  private MarketMethods() {}
}
