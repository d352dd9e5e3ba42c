package venus.market.daemon.intake;

import venus.market.core.amount.Epochs;
import venus.market.core.market.DealProposal;
import venus.market.daemon.config.DealPolicy;

/**
 * The operator's acceptance decision (lotus/droplet BasicDealFilter), run after validation: the Consider* switches,
 * the piece CID blocklist, the seal window (ExpectedSealDuration) and MaxDealStartDelay. Messages as lotus words them.
 */
public final class AcceptancePolicy {
  private AcceptancePolicy() {}

  /** Throws the rejection if the miner's policy refuses this deal at chain height {@code head}. */
  public static void check(DealPolicy policy, DealProposal p, boolean offline, long head) {
    if (!offline && !policy.considerOnlineStorageDeals()) {
      throw new DealRejectedException("miner is not considering online storage deals");
    }
    if (offline && !policy.considerOfflineStorageDeals()) {
      throw new DealRejectedException("miner is not considering offline storage deals");
    }
    if (p.verifiedDeal() && !policy.considerVerifiedStorageDeals()) {
      throw new DealRejectedException("miner is not accepting verified storage deals");
    }
    if (!p.verifiedDeal() && !policy.considerUnverifiedStorageDeals()) {
      throw new DealRejectedException("miner is not accepting unverified storage deals");
    }
    String piece = p.pieceCID().toString();
    for (String blocked : policy.pieceCidBlocklist()) {
      if (blocked.equals(piece)) {
        throw new DealRejectedException("miner has blocklisted piece CID " + piece);
      }
    }
    long earliest = head + Epochs.fromDuration(policy.expectedSealDuration());
    if (p.startEpoch() < earliest) {
      throw new DealRejectedException("cannot seal a sector before " + p.startEpoch()
          + " (the earliest start this miner accepts is epoch " + earliest + ")");
    }
    long latest = earliest + Epochs.fromDuration(policy.maxDealStartDelay());
    if (p.startEpoch() > latest) {
      throw new DealRejectedException("deal start epoch is too far in the future: " + p.startEpoch() + " > " + latest);
    }
  }
}
