package venus.market.devnet.actors;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import venus.market.devnet.state.ActorKind;
import venus.market.devnet.state.ActorRecord;
import venus.market.devnet.state.ByteKey;
import venus.market.devnet.state.DealRecord;
import venus.market.devnet.state.EscrowRecord;
import venus.market.devnet.state.MinerRecord;
import venus.market.devnet.state.StateTree;
import venus.market.devnet.vm.ActorError;

/**
 * Storage market actor (f05) rules, following builtin-actors' market actor: escrow balances,
 * PublishStorageDeals with per-deal validation (invalid deals are dropped, not the batch), deal
 * activation by a proven sector, per-epoch payments, expiry and activation timeouts.
 *
 * <p>Simplification, documented in the README: payments are settled every epoch rather than on the
 * daily deal-update schedule, and verified deals are always dropped (the devnet has no DataCap).
 */
public final class MarketActor {
  private static final Logger LOG = LoggerFactory.getLogger(MarketActor.class);
  private final StateTree state;

  public MarketActor(StateTree state) {
    this.state = state;
  }

  /** AddBalance: credits the message value to the escrow of {@code targetId}. */
  public void addBalance(long callerId, long targetId, BigInteger value) {
    if (value.signum() <= 0) {
      throw ActorError.illegalArgument("balance to add must be greater than zero was: " + value);
    }
    requireSignable(callerId);
    escrowTarget(targetId);
    EscrowRecord e = state.escrowOf(targetId);
    state.escrow().put(targetId, new EscrowRecord(e.escrow().add(value), e.locked()));
  }

  /**
   * WithdrawBalance: takes up to {@code amount} of unlocked escrow from {@code targetId} and sends
   * it to the recipient (the owner for a miner, the account itself for a client).
   *
   * @return the amount actually withdrawn
   */
  public BigInteger withdrawBalance(long callerId, long targetId, BigInteger amount) {
    if (amount.signum() < 0) {
      throw ActorError.illegalArgument("negative amount: " + amount);
    }
    long recipient = targetId;
    Set<Long> approved = Set.of(targetId);
    ActorRecord target = escrowTarget(targetId);
    if (target.kind() == ActorKind.MINER) {
      MinerRecord m = state.miners().get(targetId).orElseThrow();
      recipient = m.owner();
      approved = Set.of(m.owner(), m.worker());
    }
    if (!approved.contains(callerId)) {
      throw ActorError.forbidden("caller t0" + callerId + " is not allowed to withdraw for t0" + targetId);
    }
    EscrowRecord e = state.escrowOf(targetId);
    BigInteger available = e.available().max(BigInteger.ZERO);
    BigInteger out = amount.min(available);
    state.escrow().put(targetId, new EscrowRecord(e.escrow().subtract(out), e.locked()));
    transfer(BuiltinIds.MARKET, recipient, out);
    return out;
  }

  /** PublishStorageDeals; see the class comment and builtin-actors for the order of checks. */
  public PublishResult publishStorageDeals(
      long callerId, long epoch, List<DealInput> deals, SignatureVerifier verifier) {
    requireSignable(callerId);
    if (deals.isEmpty()) {
      throw ActorError.illegalArgument("Empty deals parameter");
    }
    long providerId = deals.get(0).providerId();
    if (providerId < 0) {
      throw ActorError.notFound("failed to resolve provider address of deal 0");
    }
    MinerRecord miner =
        state.miners().get(providerId)
            .orElseThrow(() -> ActorError.illegalArgument("deal provider is not a storage miner actor"));
    if (!miner.isWorkerOrControl(callerId)) {
      throw ActorError.forbidden(
          "caller t0" + callerId + " is not worker or control address of provider t0" + providerId);
    }
    Map<Long, BigInteger> clientLockup = new HashMap<>();
    BigInteger providerLockup = BigInteger.ZERO;
    Set<ByteKey> seen = new HashSet<>();
    Set<ByteKey> existing = new HashSet<>();
    state.deals().rows().values().forEach(d -> existing.add(new ByteKey(d.proposalCid())));
    List<Integer> valid = new ArrayList<>();
    for (int i = 0; i < deals.size(); i++) {
      DealInput d = deals.get(i);
      String invalid = validateDeal(d, epoch, verifier);
      if (invalid == null && d.providerId() != providerId) {
        invalid = "cannot publish deals from multiple providers in one batch";
      }
      if (invalid == null && d.clientId() < 0) {
        invalid = "failed to resolve proposal.client address";
      }
      BigInteger cl = null;
      BigInteger pl = null;
      if (invalid == null) {
        cl = clientLockup.getOrDefault(d.clientId(), BigInteger.ZERO).add(d.clientBalanceRequirement());
        if (state.escrowOf(d.clientId()).available().compareTo(cl) < 0) {
          invalid = "insufficient client funds to cover proposal cost";
        }
      }
      if (invalid == null) {
        pl = providerLockup.add(d.providerCollateral());
        if (state.escrowOf(providerId).available().compareTo(pl) < 0) {
          invalid = "insufficient provider funds to cover proposal cost";
        }
      }
      if (invalid == null) {
        ByteKey pcid = new ByteKey(d.onChainCid());
        if (existing.contains(pcid) || seen.contains(pcid)) {
          invalid = "cannot publish duplicate deal proposal";
        }
      }
      if (invalid == null && d.verified()) {
        invalid = "failed to acquire datacap: the devnet has no verified clients";
      }
      if (invalid != null) {
        LOG.info("invalid deal {}: {}", i, invalid);
        continue;
      }
      clientLockup.put(d.clientId(), cl);
      providerLockup = pl;
      seen.add(new ByteKey(d.onChainCid()));
      valid.add(i);
    }
    if (valid.isEmpty()) {
      throw ActorError.illegalArgument("All deal proposals invalid");
    }
    List<Long> ids = new ArrayList<>();
    for (int i : valid) {
      DealInput d = deals.get(i);
      lock(d.clientId(), d.clientBalanceRequirement());
      lock(providerId, d.providerCollateral());
      long id = state.nextDealId();
      state.deals().put(id, new DealRecord(
          id, d.onChainCbor(), d.onChainCid(), d.pieceCid(), d.pieceSize(), d.verified(),
          d.clientId(), providerId, d.startEpoch(), d.endEpoch(), d.pricePerEpoch(),
          d.providerCollateral(), d.clientCollateral(), -1, -1, -1, -1));
      ids.add(id);
    }
    return new PublishResult(ids, valid);
  }

  /** builtin-actors validate_deal: null when valid, else the reason. */
  private static String validateDeal(DealInput d, long epoch, SignatureVerifier verifier) {
    if (d.clientKeyAddress() == null
        || !verifier.verify(d.clientKeyAddress(), d.signature(), d.signedBytes())) {
      return "signature proposal invalid";
    }
    if (d.labelLength() > MarketPolicy.DEAL_MAX_LABEL_SIZE) {
      return "deal label can be at most " + MarketPolicy.DEAL_MAX_LABEL_SIZE + " bytes, is " + d.labelLength();
    }
    if (!MarketPolicy.isValidPieceSize(d.pieceSize())) {
      return "proposal piece size is invalid: " + d.pieceSize();
    }
    if (!d.pieceCidValid()) {
      return "proposal PieceCID undefined";
    }
    if (d.endEpoch() <= d.startEpoch()) {
      return "proposal end before proposal start";
    }
    if (epoch > d.startEpoch()) {
      return "Deal start epoch has already elapsed.";
    }
    if (d.duration() < MarketPolicy.MIN_DEAL_DURATION || d.duration() > MarketPolicy.MAX_DEAL_DURATION) {
      return "Deal duration out of bounds.";
    }
    if (d.pricePerEpoch().signum() < 0 || d.pricePerEpoch().compareTo(MarketPolicy.TOTAL_FILECOIN) > 0) {
      return "Storage price out of bounds.";
    }
    if (d.providerCollateral().compareTo(MarketPolicy.minProviderCollateral(d.pieceSize())) < 0
        || d.providerCollateral().compareTo(MarketPolicy.maxProviderCollateral()) > 0) {
      return "Provider collateral out of bounds.";
    }
    if (d.clientCollateral().signum() < 0 || d.clientCollateral().compareTo(MarketPolicy.TOTAL_FILECOIN) > 0) {
      return "Client collateral out of bounds.";
    }
    return null;
  }

  /**
   * Activates the deals of a sector being proven (builtin validate_deal_can_activate: provider is
   * the miner, start epoch not elapsed, deal ends before the sector).
   */
  public void activateDeals(long minerId, long sectorNumber, long sectorExpiration, List<Long> dealIds, long epoch) {
    for (long id : dealIds) {
      DealRecord d = state.deals().get(id).orElseThrow(() -> ActorError.notFound("no such deal " + id));
      if (d.providerId() != minerId) {
        throw ActorError.forbidden("proposal has provider t0" + d.providerId() + ", must be t0" + minerId);
      }
      if (epoch > d.startEpoch()) {
        throw ActorError.illegalArgument(
            "proposal start epoch " + d.startEpoch() + " has already elapsed at " + epoch);
      }
      if (d.endEpoch() > sectorExpiration) {
        throw ActorError.illegalArgument(
            "proposal expiration " + d.endEpoch() + " exceeds sector expiration " + sectorExpiration);
      }
      if (d.isActive()) {
        throw ActorError.illegalArgument("deal " + id + " already activated");
      }
      state.deals().put(id, d.activated(sectorNumber, epoch));
    }
  }

  /**
   * End-of-epoch deal processing (the market actor's cron tick, run every epoch here): pays
   * providers for the elapsed epochs of active deals, settles expired deals, and removes deals whose
   * start epoch passed before activation, burning the provider's collateral.
   */
  public void cronTick(long epoch) {
    for (DealRecord d : List.copyOf(state.deals().rows().values())) {
      if (!d.isActive()) {
        if (epoch >= d.startEpoch()) {
          timeout(d);
        }
        continue;
      }
      long from = Math.max(d.lastUpdatedEpoch(), d.startEpoch());
      long to = Math.min(epoch, d.endEpoch());
      if (to > from) {
        BigInteger pay = d.pricePerEpoch().multiply(BigInteger.valueOf(to - from));
        moveLocked(d.clientId(), d.providerId(), pay);
        d = d.updatedAt(to);
        state.deals().put(d.dealId(), d);
      }
      if (epoch >= d.endEpoch()) {
        unlock(d.clientId(), d.clientCollateral());
        unlock(d.providerId(), d.providerCollateral());
        state.deals().remove(d.dealId());
      }
    }
  }

  private void timeout(DealRecord d) {
    unlock(d.clientId(), d.clientBalanceRequirementOf());
    EscrowRecord p = state.escrowOf(d.providerId());
    BigInteger slash = d.providerCollateral();
    state.escrow().put(d.providerId(),
        new EscrowRecord(p.escrow().subtract(slash), p.locked().subtract(slash)));
    transfer(BuiltinIds.MARKET, BuiltinIds.BURNT_FUNDS, slash);
    state.deals().remove(d.dealId());
    LOG.info("deal {} timed out: not activated by start epoch {}", d.dealId(), d.startEpoch());
  }

  private void moveLocked(long from, long to, BigInteger amount) {
    EscrowRecord f = state.escrowOf(from);
    state.escrow().put(from, new EscrowRecord(f.escrow().subtract(amount), f.locked().subtract(amount)));
    EscrowRecord t = state.escrowOf(to);
    state.escrow().put(to, new EscrowRecord(t.escrow().add(amount), t.locked()));
  }

  private void lock(long id, BigInteger amount) {
    EscrowRecord e = state.escrowOf(id);
    state.escrow().put(id, new EscrowRecord(e.escrow(), e.locked().add(amount)));
  }

  private void unlock(long id, BigInteger amount) {
    EscrowRecord e = state.escrowOf(id);
    state.escrow().put(id, new EscrowRecord(e.escrow(), e.locked().subtract(amount).max(BigInteger.ZERO)));
  }

  private void transfer(long from, long to, BigInteger amount) {
    if (amount.signum() == 0) {
      return;
    }
    state.addBalance(from, amount.negate());
    state.addBalance(to, amount);
  }

  private void requireSignable(long callerId) {
    ActorRecord caller = state.actor(callerId);
    if (!caller.kind().isSignable()) {
      throw ActorError.forbidden("caller t0" + callerId + " is not a signable principal");
    }
  }

  private ActorRecord escrowTarget(long id) {
    ActorRecord a = state.actors().get(id)
        .orElseThrow(() -> ActorError.illegalArgument("failed to resolve address t0" + id));
    if (a.kind() != ActorKind.ACCOUNT && a.kind() != ActorKind.MINER) {
      throw ActorError.illegalArgument("t0" + id + " cannot hold market escrow");
    }
    return a;
  }
}
