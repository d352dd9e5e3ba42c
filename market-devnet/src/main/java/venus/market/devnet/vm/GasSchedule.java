package venus.market.devnet.vm;

import java.math.BigInteger;

/**
 * The devnet's gas model: simple, deterministic and consistent (estimation equals execution).
 * <ul>
 *   <li>gas used = {@link #BASE_GAS} + {@link #GAS_PER_PARAM_BYTE} × params length + {@link
 *       #GAS_PER_ACTOR_CALL} when a method other than Send (0) runs;
 *   <li>the base fee is fixed at {@link #BASE_FEE} attoFIL per gas (lotus' minimum base fee);
 *   <li>the sender pays gas used × (base fee + min(premium, fee cap − base fee)); the base fee part
 *       is burnt (sent to f099), the premium part goes to the block's miner actor;
 *   <li>a message whose gas limit is below its gas used fails with SysErrOutOfGas and pays for its
 *       whole gas limit; a message whose fee cap is below the base fee waits in the pool.
 * </ul>
 */
public final class GasSchedule {
  private GasSchedule() {}

  public static final long BASE_GAS = 1_000_000;
  public static final long GAS_PER_PARAM_BYTE = 1_000;
  public static final long GAS_PER_ACTOR_CALL = 2_000_000;
  public static final BigInteger BASE_FEE = BigInteger.valueOf(100);
  /** What GasEstimateMessageGas suggests as premium, in attoFIL per gas. */
  public static final BigInteger DEFAULT_PREMIUM = BigInteger.valueOf(100_000);
  /** Block gas limit (as mainnet), which bounds how many messages one tipset takes. */
  public static final long BLOCK_GAS_LIMIT = 10_000_000_000L;

  public static long gasUsed(long method, int paramsLength) {
    return BASE_GAS + GAS_PER_PARAM_BYTE * paramsLength + (method == 0 ? 0 : GAS_PER_ACTOR_CALL);
  }

  /** Gas limit GasEstimateMessageGas returns: gas used plus 25% (lotus' default overestimation). */
  public static long estimateLimit(long method, int paramsLength) {
    return gasUsed(method, paramsLength) * 5 / 4;
  }

  /** Fee cap GasEstimateMessageGas returns: room for the base fee to rise, plus the premium. */
  public static BigInteger estimateFeeCap(BigInteger premium) {
    return BASE_FEE.multiply(BigInteger.valueOf(4)).add(premium);
  }

  public static BigInteger effectivePremium(BigInteger feeCap, BigInteger premium) {
    return premium.min(feeCap.subtract(BASE_FEE)).max(BigInteger.ZERO);
  }
}
