package venus.market.devnet.actors;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import venus.market.devnet.state.ActorKind;
import venus.market.devnet.state.DealRecord;
import venus.market.devnet.state.MinerRecord;
import venus.market.devnet.state.SectorKey;
import venus.market.devnet.state.SectorRecord;
import venus.market.devnet.state.StateTree;
import venus.market.devnet.vm.ActorError;

/**
 * Storage miner actor rules the market stack exercises, after builtin-actors' miner actor.
 * Simplified for a dev chain (documented in the README): proofs are accepted when present and
 * sent by the worker or a control address; no pre-commit deposit or pledge; worker changes take
 * effect at once; no window PoSt, faults or power.
 */
public final class MinerActor {
  /** builtin-actors MAX_PEER_ID_LENGTH and MAX_MULTIADDR_DATA. */
  static final int MAX_PEER_ID_LENGTH = 128;
  static final int MAX_MULTIADDR_DATA = 1024;
  static final int MAX_SECTOR_NUMBER = Integer.MAX_VALUE;

  private final StateTree state;

  public MinerActor(StateTree state) {
    this.state = state;
  }

  public MinerRecord miner(long minerId) {
    return state.miners().get(minerId)
        .orElseThrow(() -> ActorError.notFound("t0" + minerId + " is not a miner actor"));
  }

  public void changePeerId(long caller, long minerId, byte[] peerId) {
    MinerRecord m = miner(minerId);
    requireControl(m, caller);
    if (peerId.length > MAX_PEER_ID_LENGTH) {
      throw ActorError.illegalArgument(
          "peer ID size of " + peerId.length + " exceeds maximum size of " + MAX_PEER_ID_LENGTH);
    }
    state.miners().put(minerId, m.withPeerId(peerId));
  }

  public void changeMultiaddrs(long caller, long minerId, List<byte[]> addrs) {
    MinerRecord m = miner(minerId);
    requireControl(m, caller);
    int total = 0;
    for (byte[] a : addrs) {
      if (a.length == 0) {
        throw ActorError.illegalArgument("invalid empty multiaddr");
      }
      total += a.length;
    }
    if (total > MAX_MULTIADDR_DATA) {
      throw ActorError.illegalArgument(
          "multiaddr size of " + total + " exceeds maximum of " + MAX_MULTIADDR_DATA);
    }
    state.miners().put(minerId, m.withMultiaddrs(addrs));
  }

  /** Only the owner may change the worker and control addresses; all must be account actors. */
  public void changeWorkerAddress(long caller, long minerId, long newWorker, List<Long> newControls) {
    MinerRecord m = miner(minerId);
    if (caller != m.owner()) {
      throw ActorError.forbidden("caller t0" + caller + " is not the owner t0" + m.owner());
    }
    requireAccount(newWorker, "worker");
    for (long c : newControls) {
      requireAccount(c, "control");
    }
    state.miners().put(minerId, m.withWorker(newWorker, newControls));
  }

  /** PreCommitSector / PreCommitSectorBatch2: records sectors, checking their deals and commD. */
  public void preCommitSectors(
      long caller, long minerId, long epoch, List<PreCommitInput> sectors, UnsealedCidCalculator commD) {
    MinerRecord m = miner(minerId);
    requireControl(m, caller);
    if (sectors.isEmpty()) {
      throw ActorError.illegalArgument("batch empty");
    }
    Set<Long> numbers = new HashSet<>();
    for (PreCommitInput p : sectors) {
      if (p.sectorNumber() < 0 || p.sectorNumber() > MAX_SECTOR_NUMBER) {
        throw ActorError.illegalArgument("sector number " + p.sectorNumber() + " out of range");
      }
      if (!numbers.add(p.sectorNumber())
          || state.sectors().get(new SectorKey(minerId, p.sectorNumber())).isPresent()) {
        throw ActorError.illegalArgument("sector " + p.sectorNumber() + " already allocated");
      }
      if (p.sealProof() != m.sealProofType()) {
        throw ActorError.illegalArgument(
            "sector seal proof " + p.sealProof() + " must match miner seal proof type " + m.sealProofType());
      }
      if (p.sealedCid() == null) {
        throw ActorError.illegalArgument("sealed CID undefined");
      }
      if (p.expiration() <= epoch) {
        throw ActorError.illegalArgument(
            "sector expiration " + p.expiration() + " must be after the current epoch " + epoch);
      }
      List<PieceRef> pieces = new ArrayList<>();
      long total = 0;
      for (long dealId : p.dealIds()) {
        DealRecord d = state.deals().get(dealId)
            .orElseThrow(() -> ActorError.notFound("no such deal " + dealId));
        if (d.providerId() != minerId) {
          throw ActorError.forbidden("deal " + dealId + " has provider t0" + d.providerId());
        }
        if (d.isActive() || sectorHoldingDeal(minerId, dealId)) {
          throw ActorError.illegalArgument("deal " + dealId + " is already in a sector");
        }
        if (epoch > d.startEpoch()) {
          throw ActorError.illegalArgument("deal " + dealId + " start epoch has already elapsed");
        }
        if (d.endEpoch() > p.expiration()) {
          throw ActorError.illegalArgument(
              "deal " + dealId + " ends at " + d.endEpoch() + " after the sector expiration " + p.expiration());
        }
        total += d.pieceSize();
        pieces.add(new PieceRef(d.pieceCid(), d.pieceSize()));
      }
      if (total > m.sectorSize()) {
        throw ActorError.illegalArgument("deals too large to fit in sector " + total + " > " + m.sectorSize());
      }
      if (!p.dealIds().isEmpty()) {
        byte[] expected = commD.compute(m.sectorSize(), pieces);
        if (p.unsealedCid() == null || !Arrays.equals(expected, p.unsealedCid())) {
          throw ActorError.illegalArgument(
              "unsealed CID of sector " + p.sectorNumber() + " does not match the commitment of its deals");
        }
      }
      // Without deal ids the declared commD is checked against the piece manifest at ProveCommitSectors3.
    }
    for (PreCommitInput p : sectors) {
      state.sectors().put(new SectorKey(minerId, p.sectorNumber()), new SectorRecord(
          minerId, p.sectorNumber(), p.sealProof(), p.sealedCid(), p.unsealedCid(), p.dealIds(),
          p.sealRandEpoch(), p.expiration(), epoch, -1));
    }
  }

  /** ProveCommitSector: a well-formed proof from the worker activates the sector and its deals. */
  public void proveCommitSector(
      long caller, long minerId, long epoch, long sectorNumber, byte[] proof, MarketActor market) {
    MinerRecord m = miner(minerId);
    requireControl(m, caller);
    SectorKey key = new SectorKey(minerId, sectorNumber);
    SectorRecord s = state.sectors().get(key)
        .orElseThrow(() -> ActorError.notFound("no pre-committed sector " + sectorNumber));
    if (s.isProven()) {
      throw ActorError.illegalArgument("sector " + sectorNumber + " is already proven");
    }
    if (proof == null || proof.length == 0) {
      throw ActorError.illegalArgument("empty proof for sector " + sectorNumber);
    }
    if (epoch <= s.preCommitEpoch()) {
      throw ActorError.forbidden("too early to prove sector " + sectorNumber + ": pre-committed at " + s.preCommitEpoch());
    }
    market.activateDeals(minerId, sectorNumber, s.expiration(), s.dealIds(), epoch);
    state.sectors().put(key, s.activatedAt(epoch));
  }

  /**
   * ProveCommitSectors3 (simplified): each listed sector must be pre-committed without deal ids, its
   * declared commD must match the manifest's pieces, and each market notification's deal must be this
   * miner's deal for that very piece. A failing sector aborts the message when
   * {@code requireActivationSuccess}, else it is reported in the returned fail list.
   *
   * @return indexes of the failed activations with their exit codes
   */
  public List<long[]> proveCommitSectors3(long caller, long minerId, long epoch, List<SectorActivation> activations,
      boolean proofsPresent, boolean requireActivationSuccess, MarketActor market, UnsealedCidCalculator commD) {
    MinerRecord m = miner(minerId);
    requireControl(m, caller);
    if (activations.isEmpty()) {
      throw ActorError.illegalArgument("batch empty");
    }
    if (!proofsPresent) {
      throw ActorError.illegalArgument("one non-empty proof per sector or an aggregate proof is required");
    }
    List<long[]> failed = new ArrayList<>();
    for (int i = 0; i < activations.size(); i++) {
      SectorActivation a = activations.get(i);
      String problem = checkActivation(m, epoch, a, commD);
      if (problem != null) {
        if (requireActivationSuccess) {
          throw ActorError.illegalArgument("sector " + a.sectorNumber() + ": " + problem);
        }
        failed.add(new long[] {i, venus.market.devnet.vm.ExitCode.USR_ILLEGAL_ARGUMENT});
        continue;
      }
      SectorKey key = new SectorKey(minerId, a.sectorNumber());
      SectorRecord s = state.sectors().get(key).orElseThrow();
      List<Long> deals = new ArrayList<>();
      a.pieces().forEach(p -> deals.addAll(p.dealIds()));
      market.activateDeals(minerId, a.sectorNumber(), s.expiration(), deals, epoch);
      state.sectors().put(key, new SectorRecord(s.minerId(), s.number(), s.sealProof(), s.sealedCid(),
          s.unsealedCid(), deals, s.sealRandEpoch(), s.expiration(), s.preCommitEpoch(), epoch));
    }
    return failed;
  }

  private String checkActivation(MinerRecord m, long epoch, SectorActivation a, UnsealedCidCalculator commD) {
    SectorRecord s = state.sectors().get(new SectorKey(m.id(), a.sectorNumber())).orElse(null);
    if (s == null || s.isProven()) {
      return "not a pre-committed sector";
    }
    if (!s.dealIds().isEmpty()) {
      return "pre-committed with deal ids; prove it with ProveCommitSector";
    }
    if (epoch <= s.preCommitEpoch()) {
      return "too early to prove: pre-committed at " + s.preCommitEpoch();
    }
    List<PieceRef> pieces = new ArrayList<>();
    for (SectorActivation.Piece p : a.pieces()) {
      pieces.add(new PieceRef(p.pieceCid(), p.size()));
      for (long id : p.dealIds()) {
        DealRecord d = state.deals().get(id).orElse(null);
        if (d == null || d.providerId() != m.id() || d.isActive()) {
          return "deal " + id + " is not an unactivated deal of this miner";
        }
        if (!Arrays.equals(d.pieceCid(), p.pieceCid()) || d.pieceSize() != p.size()) {
          return "deal " + id + " is for another piece";
        }
        if (epoch > d.startEpoch() || d.endEpoch() > s.expiration()) {
          return "deal " + id + " cannot be activated in this sector now";
        }
      }
    }
    byte[] expected = pieces.isEmpty() ? null : commD.compute(m.sectorSize(), pieces);
    if (!Arrays.equals(expected, s.unsealedCid())) {
      return "unsealed CID does not match the commitment of the manifest's pieces";
    }
    return null;
  }

  private boolean sectorHoldingDeal(long minerId, long dealId) {
    return state.sectors().rows().values().stream()
        .anyMatch(s -> s.minerId() == minerId && s.dealIds().contains(dealId));
  }

  private void requireControl(MinerRecord m, long caller) {
    if (caller != m.owner() && !m.isWorkerOrControl(caller)) {
      throw ActorError.forbidden(
          "caller t0" + caller + " is not the owner, worker or a control address of t0" + m.id());
    }
  }

  private void requireAccount(long id, String role) {
    if (state.actors().get(id).map(a -> a.kind() != ActorKind.ACCOUNT).orElse(true)) {
      throw ActorError.illegalArgument(role + " address t0" + id + " must be an account actor");
    }
  }
}
