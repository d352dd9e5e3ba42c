package venus.market.devnet.state;

/**
 * Builtin actor types the devnet knows. {@code codeName} is the builtin-actors manifest name; the
 * devnet's code CIDs are identity CIDs of {@code "fil/<actors version>/<name>"} (the form actors v7
 * and earlier used) rather than hashes of WASM bundles, which a dev chain does not run.
 */
public enum ActorKind {
  SYSTEM("system"),
  INIT("init"),
  REWARD("reward"),
  CRON("cron"),
  POWER("storagepower"),
  MARKET("storagemarket"),
  VERIFREG("verifiedregistry"),
  DATACAP("datacap"),
  ACCOUNT("account"),
  MINER("storageminer");

  private final String codeName;

  ActorKind(String codeName) {
    this.codeName = codeName;
  }

  public String codeName() {
    return codeName;
  }

  /** Accounts are the only signable principals (builtin-actors CALLER_TYPES_SIGNABLE). */
  public boolean isSignable() {
    return this == ACCOUNT;
  }
}
