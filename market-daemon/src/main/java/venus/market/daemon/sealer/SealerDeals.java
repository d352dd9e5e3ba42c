package venus.market.daemon.sealer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import venus.market.core.address.Address;
import venus.market.core.market.DealProposal;
import venus.market.core.multiformats.Cid;
import venus.market.core.storagemarket.StorageDealStatus;
import venus.market.daemon.deals.DealPipeline;
import venus.market.daemon.deals.DealStore;
import venus.market.daemon.deals.ProviderDeal;
import venus.market.daemon.deals.ProviderEvent;

/**
 * The market side of the sealer protocol (venus-shared IMarket's sealer-facing methods): which handed-off deals a
 * sealer may take, assigning them to sectors, and the piece status / sector / offset the sealer reports. Deal states
 * stay with the chain tracker (AwaitingPreCommit → Sealing → Active from the chain); this class only records what the
 * sealer says, through {@link ProviderEvent#SEALER_UPDATED} and {@link ProviderEvent#DEAL_RELEASED}.
 *
 * <p>Every change that hands out deals is one atomic store write made under this object's lock, after re-reading
 * the deals: two sealers asking at once never receive the same deal, and a crash leaves either the whole assignment
 * or nothing.
 */
public final class SealerDeals {
  private static final Logger LOG = LoggerFactory.getLogger(SealerDeals.class);
  /** builtin-actors market policy: an allocation's term may exceed the deal's by this much (90 days). */
  static final long ALLOCATION_TERM_BUFFER = 90L * 2880;
  /** builtin-actors: the longest verified allocation term (5 years). */
  static final long MAX_ALLOCATION_TERM = 5L * 365 * 2880;
  private static final int PAGE = 500;

  private final DealPipeline pipeline;
  private final DealStore store;
  private final LongSupplier head;

  /**
   * @param head the chain height (deals whose start epoch has passed can no longer be sealed)
   */
  public SealerDeals(DealPipeline pipeline, DealStore store, LongSupplier head) {
    this.pipeline = pipeline;
    this.store = store;
    this.head = head;
  }

  /**
   * GetUnPackedDeals: deals a sealer could put in a sector, without reserving them (the 2022 venus-sealer then calls
   * UpdateDealOnPacking for each deal it packed). Smallest first.
   */
  public synchronized List<ProviderDeal> unpacked(Address miner, DealSpec spec) {
    DealSpec s = spec == null ? DealSpec.defaults() : spec;
    int max = s.maxPiece() > 0 ? s.maxPiece() : DealSpec.DEFAULT_MAX_PIECE;
    List<ProviderDeal> out = new ArrayList<>();
    for (ProviderDeal d : candidates(miner, s, head.getAsLong())) {
      if (out.size() == max) {
        break;
      }
      out.add(d);
    }
    return out;
  }

  /**
   * AssignUnPackedDeals: picks deals that fit a sector of {@code sectorSize} and marks them Assigned with their sector
   * and offset, atomically. With a sector number, a repeated call for a sector that already holds deals returns that
   * assignment again (the sealer retried after a lost reply or a market restart), so no deal is left assigned to a
   * sector whose sealer never learnt about it.
   *
   * @param sectorNumber the sector (v2.2+ API), or null for the 2022 form that names only the miner
   * @return the slots in sector order, fillers included; empty when nothing fits
   */
  public synchronized List<PiecePacker.Slot> assign(Address miner, Long sectorNumber, long sectorSize,
      DealSpec spec) {
    DealSpec s = spec == null ? DealSpec.defaults() : spec;
    if (sectorNumber != null) {
      List<PiecePacker.Slot> held = new ArrayList<>();
      for (ProviderDeal d : handedOff(miner)) {
        String ps = PieceStatus.of(d.pieceStatus());
        if (d.sectorNumber() == sectorNumber && (ps.equals(PieceStatus.ASSIGNED) || ps.equals(PieceStatus.PACKING))) {
          held.add(new PiecePacker.Slot(d.offset(), d.proposal().proposal().pieceSize(), d));
        }
      }
      if (!held.isEmpty()) {
        LOG.info("sector {} of {} already holds deals {}; returning that assignment again", sectorNumber, miner,
            held.stream().map(x -> x.deal().dealId()).toList());
        return PiecePacker.layout(held, sectorSize);
      }
    }
    List<PiecePacker.Slot> slots = PiecePacker.pack(candidates(miner, s, head.getAsLong()), sectorSize, s);
    Map<Cid, UnaryOperator<ProviderDeal>> updates = new LinkedHashMap<>();
    long sector = sectorNumber == null ? 0 : sectorNumber;
    for (PiecePacker.Slot slot : slots) {
      if (!slot.isFiller()) {
        long offset = slot.offset();
        updates.put(slot.deal().proposalCid(), d -> {
          requireFree(d);
          return d.toBuilder().pieceStatus(PieceStatus.ASSIGNED).sectorNumber(sector).offset(offset).build();
        });
      }
    }
    if (updates.isEmpty()) {
      return List.of();
    }
    List<ProviderDeal> assigned = pipeline.applyAll(updates, ProviderEvent.SEALER_UPDATED,
        "assigned to sector " + sector + " of " + miner);
    Map<Cid, ProviderDeal> byCid = new LinkedHashMap<>();
    assigned.forEach(d -> byCid.put(d.proposalCid(), d));
    List<PiecePacker.Slot> out = new ArrayList<>();
    for (PiecePacker.Slot slot : slots) {
      out.add(slot.isFiller() ? slot : new PiecePacker.Slot(slot.offset(), slot.size(),
          byCid.get(slot.deal().proposalCid())));
    }
    LOG.info("assigned deals {} to sector {} of {}", assigned.stream().map(ProviderDeal::dealId).toList(), sector,
        miner);
    return out;
  }

  /** MarkDealsAsPacking: reserves the deals (Assigned, no sector yet), all or none; a deal already taken is refused. */
  public synchronized void markPacking(Address miner, List<Long> dealIds) {
    Map<Cid, UnaryOperator<ProviderDeal>> updates = new LinkedHashMap<>();
    for (long id : dealIds) {
      updates.put(find(miner, id).proposalCid(), d -> {
        requireFree(d);
        return d.toBuilder().pieceStatus(PieceStatus.ASSIGNED).build();
      });
    }
    if (!updates.isEmpty()) {
      pipeline.applyAll(updates, ProviderEvent.SEALER_UPDATED, "marked as packing by a sealer");
    }
  }

  /** UpdateDealOnPacking: the sealer put the deal in {@code sector} at padded {@code offset}; piece status Assigned. */
  public synchronized void updateOnPacking(Address miner, long dealId, long sector, long offset) {
    ProviderDeal deal = find(miner, dealId);
    pipeline.applyAll(Map.of(deal.proposalCid(), d -> {
      if (!PieceStatus.isFree(d.pieceStatus()) && d.sectorNumber() != 0 && d.sectorNumber() != sector) {
        throw new SealerDealException("deal " + dealId + " of " + miner + " is already in sector " + d.sectorNumber()
            + " (" + PieceStatus.of(d.pieceStatus()) + "); release it first (ReleaseDeals)");
      }
      if (PieceStatus.of(d.pieceStatus()).equals(PieceStatus.INVALID)) {
        throw invalid(d);
      }
      return d.toBuilder().pieceStatus(PieceStatus.ASSIGNED).sectorNumber(sector).offset(offset).build();
    }), ProviderEvent.SEALER_UPDATED, "in sector " + sector + " at offset " + offset);
  }

  /**
   * UpdateDealStatus: records the sealer's piece status. "Undefine" gives the deal back (as ReleaseDeals). The deal
   * state argument of the current API is not applied: the chain tracker sets Sealing and Active from the chain.
   */
  public synchronized void updateStatus(Address miner, long dealId, String pieceStatus, Integer dealState) {
    String status = PieceStatus.parse(pieceStatus);
    if (status.equals(PieceStatus.UNDEFINE)) {
      release(miner, List.of(dealId));
      return;
    }
    ProviderDeal deal = find(miner, dealId);
    if (dealState != null && dealState != 0 && dealState != deal.state().code()) {
      LOG.debug("deal {}: sealer reports deal state {}, the market has {}; the chain decides", dealId, dealState,
          deal.state().goName());
    }
    pipeline.applyAll(Map.of(deal.proposalCid(), d -> d.toBuilder().pieceStatus(status).build()),
        ProviderEvent.SEALER_UPDATED, "piece status " + status);
  }

  /**
   * ReleaseDeals: the sealer gives the deals back (sector aborted): piece status Undefine, sector and offset 0, state
   * AwaitingPreCommit. Only deals waiting for or in sealing can be released; expired deals are skipped. All or none.
   */
  public synchronized void release(Address miner, List<Long> dealIds) {
    Map<Cid, UnaryOperator<ProviderDeal>> updates = new LinkedHashMap<>();
    for (long id : dealIds) {
      ProviderDeal deal = find(miner, id);
      if (deal.state() == StorageDealStatus.EXPIRED) {
        continue;
      }
      if (deal.state() != StorageDealStatus.AWAITING_PRE_COMMIT && deal.state() != StorageDealStatus.SEALING) {
        throw new SealerDealException("deal " + id + " of " + miner + " is " + deal.state().goName()
            + "; only deals in StorageDealAwaitingPreCommit or StorageDealSealing can be released");
      }
      updates.put(deal.proposalCid(),
          d -> d.toBuilder().pieceStatus(PieceStatus.UNDEFINE).sectorNumber(0).offset(0).build());
    }
    if (!updates.isEmpty()) {
      pipeline.applyAll(updates, ProviderEvent.DEAL_RELEASED, "released by the sealer");
    }
  }

  /**
   * Extension: a sealer found the stored piece of the deal does not match its piece CID. The deal keeps its state
   * (its data may still be imported again) but is not handed to a sealer again until released; the reason becomes
   * the deal's message.
   */
  public synchronized void reportBadPiece(Address miner, long dealId, String reason) {
    ProviderDeal deal = find(miner, dealId);
    String note = "sealer rejected the piece: " + (reason == null || reason.isBlank() ? "no reason given" : reason)
        + "; fix the piece in piece storage, then ReleaseDeals to make the deal assignable again";
    LOG.warn("deal {} ({}): {}", dealId, deal.proposalCid(), note);
    pipeline.applyAll(Map.of(deal.proposalCid(), d -> d.toBuilder().pieceStatus(PieceStatus.INVALID).sectorNumber(0)
        .offset(0).message(note).build()), ProviderEvent.SEALER_UPDATED, note);
  }

  /** GetDeals: the miner's published, non-terminal deals by deal ID, page {@code pageIndex} of {@code pageSize}. */
  public List<ProviderDeal> deals(Address miner, int pageIndex, int pageSize) {
    if (pageIndex < 0 || pageSize <= 0) {
      throw new SealerDealException("page index must be ≥ 0 and page size > 0, got " + pageIndex + " and " + pageSize);
    }
    List<ProviderDeal> all = new ArrayList<>();
    for (ProviderDeal d : all()) {
      if (published(d) && !d.isTerminal() && miner.equals(d.proposal().proposal().provider())) {
        all.add(d);
      }
    }
    all.sort(Comparator.comparingLong(ProviderDeal::dealId));
    long from = (long) pageIndex * pageSize;
    if (from >= all.size()) {
      return List.of();
    }
    return all.subList((int) from, (int) Math.min(all.size(), from + pageSize));
  }

  /** UpdateStorageDealStatus: the operator sets the deal's state (and, if given, its piece status). */
  public synchronized ProviderDeal overrideState(Cid proposalCid, StorageDealStatus state, String pieceStatus) {
    String ps = pieceStatus == null || pieceStatus.isEmpty() ? null : PieceStatus.parse(pieceStatus);
    return pipeline.override(proposalCid, state, "set by the operator",
        d -> ps == null ? d : d.toBuilder().pieceStatus(ps).build());
  }

  /** The deal with on-chain ID {@code dealId} of {@code miner}. */
  public ProviderDeal find(Address miner, long dealId) {
    if (dealId < 0) {
      throw new SealerDealException("deal ID must not be negative, got " + dealId);
    }
    ProviderDeal found = null;
    for (ProviderDeal d : all()) {
      if (d.dealId() == dealId && published(d) && miner.equals(d.proposal().proposal().provider())
          && (found == null || found.isTerminal())) {
        found = d;
      }
    }
    if (found == null) {
      throw new SealerDealException("no deal with ID " + dealId + " for miner " + miner);
    }
    return found;
  }

  /**
   * Whether the deal has its on-chain ID. ID 0 is a real deal ID (the first deal of a chain), so "published" is told by
   * the state, not by a non-zero ID, as droplet tells a deal from a filler by its publish CID.
   */
  static boolean published(ProviderDeal d) {
    return switch (d.state()) {
      case STAGED, AWAITING_PRE_COMMIT, SEALING, FINALIZING, ACTIVE, EXPIRED, SLASHED -> true;
      default -> false;
    };
  }

  /** Deals of {@code miner} a sealer may take now, sorted as droplet does: size, start epoch, then price (high first). */
  private List<ProviderDeal> candidates(Address miner, DealSpec s, long height) {
    List<ProviderDeal> out = new ArrayList<>();
    for (ProviderDeal d : store.listByState(StorageDealStatus.AWAITING_PRE_COMMIT)) {
      DealProposal p = d.proposal().proposal();
      if (!miner.equals(p.provider()) || !PieceStatus.isFree(d.pieceStatus())
          || p.startEpoch() <= height) {
        continue;
      }
      if (s.startEpoch() > 0 && p.startEpoch() <= s.startEpoch()
          || s.endEpoch() > 0 && p.endEpoch() >= s.endEpoch()
          || s.minPieceSize() > 0 && p.pieceSize() < s.minPieceSize()
          || s.maxPieceSize() > 0 && p.pieceSize() > s.maxPieceSize()
          || s.sectorExpiration() != null && !fitsSnapSector(p, s.sectorExpiration(), height)) {
        continue;
      }
      out.add(d);
    }
    out.sort(Comparator.<ProviderDeal>comparingLong(d -> d.proposal().proposal().pieceSize())
        .thenComparingLong(d -> d.proposal().proposal().startEpoch())
        .thenComparing((a, b) -> b.proposal().proposal().storagePricePerEpoch().atto()
            .compareTo(a.proposal().proposal().storagePricePerEpoch().atto())));
    return out;
  }

  /** builtin-actors' check for a deal going into an existing (CC) sector: the sector's lifetime must fit the term. */
  private static boolean fitsSnapSector(DealProposal p, long sectorExpiration, long height) {
    long termMin = p.endEpoch() - p.startEpoch();
    long termMax = Math.min(termMin + ALLOCATION_TERM_BUFFER, MAX_ALLOCATION_TERM);
    long lifetime = sectorExpiration - height;
    return lifetime >= termMin && lifetime <= termMax;
  }

  private List<ProviderDeal> handedOff(Address miner) {
    List<ProviderDeal> out = new ArrayList<>();
    for (StorageDealStatus st : new StorageDealStatus[] {StorageDealStatus.AWAITING_PRE_COMMIT,
        StorageDealStatus.SEALING}) {
      for (ProviderDeal d : store.listByState(st)) {
        if (miner.equals(d.proposal().proposal().provider())) {
          out.add(d);
        }
      }
    }
    return out;
  }

  private List<ProviderDeal> all() {
    List<ProviderDeal> all = new ArrayList<>();
    String after = null;
    while (true) {
      List<ProviderDeal> page = store.list(after, PAGE);
      all.addAll(page);
      if (page.size() < PAGE) {
        return all;
      }
      after = page.get(page.size() - 1).proposalCid().toString();
    }
  }

  private static void requireFree(ProviderDeal d) {
    if (PieceStatus.of(d.pieceStatus()).equals(PieceStatus.INVALID)) {
      throw invalid(d);
    }
    if (!PieceStatus.isFree(d.pieceStatus()) || d.state() != StorageDealStatus.AWAITING_PRE_COMMIT) {
      throw new SealerDealException("deal " + d.dealId() + " is already taken (" + PieceStatus.of(d.pieceStatus())
          + (d.sectorNumber() > 0 ? ", sector " + d.sectorNumber() : "") + ", " + d.state().goName() + ")");
    }
  }

  private static SealerDealException invalid(ProviderDeal d) {
    return new SealerDealException("deal " + d.dealId() + " has a piece a sealer rejected (" + d.message()
        + "); ReleaseDeals once the piece is fixed");
  }
}
