package venus.market.devnet.chain;

import java.math.BigInteger;
import java.util.List;
import venus.market.core.address.Address;
import venus.market.core.crypto.SigType;
import venus.market.devnet.actors.BuiltinIds;
import venus.market.devnet.state.ActorKind;
import venus.market.devnet.state.MinerRecord;
import venus.market.devnet.state.StateTree;
import venus.market.devnet.wallet.LocalWallet;

/**
 * Builds the genesis state of a new devnet: the singleton actors, four funded key accounts whose
 * keys go into the repo wallet (owner t0100 secp256k1, worker t0101 BLS, client t0102 secp256k1,
 * faucet t0103 secp256k1 — the wallet default), and miner t01000 (8 MiB sectors) owned by them.
 */
public final class Genesis {
  private Genesis() {}

  public static final long SECTOR_SIZE_8MIB = 8L << 20;
  /** abi.RegisteredSealProof_StackedDrg8MiBV1_1. */
  public static final long SEAL_PROOF_8MIB_V1_1 = 6;
  /** abi.RegisteredPoStProof_StackedDrgWindow8MiBV1_1. */
  public static final long WINDOW_POST_8MIB_V1_1 = 11;
  public static final BigInteger ACCOUNT_FUNDS = BigInteger.valueOf(10_000).multiply(BigInteger.TEN.pow(18));
  public static final BigInteger FAUCET_FUNDS = BigInteger.valueOf(1_000_000).multiply(BigInteger.TEN.pow(18));
  /** Meta keys under which the roles' key addresses are kept. */
  public static final List<String> ROLES = List.of("owner", "worker", "client", "faucet");

  /** Writes the genesis actors into {@code state}; the caller commits it as tipset 0. */
  public static void create(StateTree state, LocalWallet wallet) {
    state.createActorWithId(BuiltinIds.SYSTEM, ActorKind.SYSTEM, null);
    state.createActorWithId(BuiltinIds.INIT, ActorKind.INIT, null);
    state.createActorWithId(BuiltinIds.REWARD, ActorKind.REWARD, null);
    state.createActorWithId(BuiltinIds.CRON, ActorKind.CRON, null);
    state.createActorWithId(BuiltinIds.POWER, ActorKind.POWER, null);
    state.createActorWithId(BuiltinIds.MARKET, ActorKind.MARKET, null);
    state.createActorWithId(BuiltinIds.VERIFREG, ActorKind.VERIFREG, null);
    state.createActorWithId(BuiltinIds.DATACAP, ActorKind.DATACAP, null);
    state.createActorWithId(BuiltinIds.BURNT_FUNDS, ActorKind.ACCOUNT, null);
    SigType[] types = {SigType.SECP256K1, SigType.BLS, SigType.SECP256K1, SigType.SECP256K1};
    long[] ids = new long[ROLES.size()];
    Address faucet = null;
    for (int i = 0; i < ROLES.size(); i++) {
      Address a = wallet.newKey(types[i]);
      ids[i] = BuiltinIds.FIRST_ACCOUNT + i;
      state.createActorWithId(ids[i], ActorKind.ACCOUNT, a.bytes());
      state.addBalance(ids[i], ROLES.get(i).equals("faucet") ? FAUCET_FUNDS : ACCOUNT_FUNDS);
      state.putMetaBytes("role." + ROLES.get(i), a.bytes());
      if (ROLES.get(i).equals("faucet")) {
        faucet = a;
      }
    }
    wallet.setDefault(faucet);
    long miner = BuiltinIds.FIRST_MINER;
    state.createActorWithId(miner, ActorKind.MINER, null);
    state.miners().put(miner, new MinerRecord(miner, ids[0], ids[1], List.of(), null, List.of(),
        SECTOR_SIZE_8MIB, SEAL_PROOF_8MIB_V1_1, WINDOW_POST_8MIB_V1_1));
    state.putMetaLong(StateTree.NEXT_ACTOR_ID, miner + 1);
    // Deal ID 0 stays unused, as on a lotus devnet whose genesis pre-seals deals: the market stack reads 0 as "no
    // deal" (droplet's sealer API marks filler pieces with DealID 0; deal records hold 0 until published), so a
    // first user deal with ID 0 would never be sealed.
    state.putMetaLong(StateTree.NEXT_DEAL_ID, 1);
  }
}
