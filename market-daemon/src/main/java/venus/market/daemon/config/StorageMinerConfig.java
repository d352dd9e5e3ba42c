package venus.market.daemon.config;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One {@code [[StorageMiners]]} entry.
 *
 * @param addr miner actor address as written ("t01000" / "f01000")
 * @param account account name (venus-auth / gateway); "" if none
 * @param policy the effective policy: the global one with this miner's overrides applied
 * @param overrides the keys this miner sets itself (only these are written back)
 */
public record StorageMinerConfig(String addr, String account, DealPolicy policy, Set<PolicyKey> overrides) {
  public StorageMinerConfig {
    Objects.requireNonNull(addr, "addr");
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(policy, "policy");
    overrides = overrides.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(overrides));
  }

  /** A miner with no overrides, following the global policy. */
  public static StorageMinerConfig of(String addr, String account, DealPolicy global) {
    return new StorageMinerConfig(addr, account, global, Set.of());
  }

  /** Re-applies this miner's overrides on top of a (changed) global policy. */
  public StorageMinerConfig rebase(DealPolicy global) {
    DealPolicy p = global;
    for (PolicyKey k : overrides) {
      p = p.with(k, policy.get(k));
    }
    return new StorageMinerConfig(addr, account, p, overrides);
  }

  /** Sets one key for this miner only. */
  public StorageMinerConfig override(PolicyKey key, Object value) {
    EnumSet<PolicyKey> keys = overrides.isEmpty() ? EnumSet.noneOf(PolicyKey.class) : EnumSet.copyOf(overrides);
    keys.add(key);
    return new StorageMinerConfig(addr, account, policy.with(key, value), keys);
  }
}
