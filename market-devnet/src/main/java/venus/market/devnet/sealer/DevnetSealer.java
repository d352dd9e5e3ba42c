package venus.market.devnet.sealer;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import venus.market.core.address.Address;
import venus.market.core.crypto.Sha256;
import venus.market.core.jsonrpc.RpcTransportException;
import venus.market.core.miner.BatchReturn;
import venus.market.core.miner.DataActivationNotification;
import venus.market.core.miner.MinerMethods;
import venus.market.core.miner.PieceActivationManifest;
import venus.market.core.miner.PreCommitSectorBatchParams2;
import venus.market.core.miner.ProveCommitSectors3Params;
import venus.market.core.miner.SectorActivationManifest;
import venus.market.core.miner.SectorPreCommitInfo;
import venus.market.core.multiformats.Cid;
import venus.market.core.multiformats.Multicodec;
import venus.market.core.multiformats.Multihash;
import venus.market.core.piece.CommPHasher;
import venus.market.core.piece.PaddedPieceSize;
import venus.market.core.piece.PieceCid;
import venus.market.core.piece.PieceCommitment;
import venus.market.core.piece.PieceException;
import venus.market.core.piece.UnsealedCommitment;
import venus.market.core.piece.ZeroComm;

/**
 * A sealer for the devnet that uses the market the way venus-sealer / damocles do: it asks the market for deals
 * (AssignUnPackedDeals with a sector ID), reads each piece from the shared piece storage or the market's /resource
 * endpoint, checks the piece against its commP, computes the sector's commD from the real pieces, pre-commits
 * (PreCommitSectorBatch2, no deal IDs) and proves (ProveCommitSectors3 with a piece manifest that notifies the market
 * actor), and reports to the market: UpdateDealOnPacking + "Packing", then "Proving". The market's chain tracker
 * then moves the deals to Sealing and Active. A piece whose bytes do not match the deal is reported
 * (SealerReportBadPiece) and left out of the sector; its place is filled with zeros.
 *
 * <p>No proofs are computed: the devnet accepts any non-empty proof. Sector numbers continue after the highest the
 * miner has on chain, so a restarted sealer asks again for the sector it was filling and the market returns the same
 * assignment. A sector pre-committed but not proven (the sealer or the node died in between) is proven first, with
 * the market's assignment for it. Node calls other than a push are retried while the node restarts, and a round
 * starts only once the worker has no message left in the pool, so nothing pushed before a restart is pushed twice.
 */
public final class DevnetSealer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DevnetSealer.class);

  /**
   * @param miner the storage miner (t01000 on the devnet)
   * @param maxPiece deals per sector at most (GetDealSpec.MaxPiece)
   * @param interval how often {@link #start} polls the market for deals
   * @param marketRetry how long a market call is retried while the market is unreachable (it may be restarting)
   */
  public record Options(Address miner, int maxPiece, Duration interval, Duration marketRetry) {
    public static Options of(Address miner) {
      return new Options(miner, 10, Duration.ofSeconds(10), Duration.ofMinutes(2));
    }

    public Options withInterval(Duration d) {
      return new Options(miner, maxPiece, d, marketRetry);
    }
  }

  /** A deal the sealer refused to seal, with the reason it reported to the market. */
  public record Rejected(long dealId, String pieceCid, String reason) {}

  /** A deal placed in the sector: padded offset and length, as venus-sealer's {@code sectors deal} prints them. */
  public record Placed(long dealId, String pieceCid, long offset, long length) {}

  /** What one round did: the sector sealed (-1 if none) with its deals, and the deals rejected. */
  public record Round(long sector, List<Long> sealed, Cid commD, List<Rejected> rejected, List<Placed> placed) {
    public Round(long sector, List<Long> sealed, Cid commD, List<Rejected> rejected) {
      this(sector, sealed, commD, rejected, List.of());
    }
  }

  /** A slot of the sector: a deal ({@code deal} true) or zeros. */
  private record Piece(long offset, long size, boolean deal, long dealId, String pieceCid, long endEpoch,
      PieceCommitment comm) {}

  private final MarketClient market;
  private final ChainClient chain;
  private final PieceSource pieces;
  private final Options options;
  private final ScheduledExecutorService loop;
  private final SealerHold hold;
  private long nextSector = -1;
  /** Pre-committed sectors that cannot be proven (their deals are gone from the market or do not match). */
  private final Set<Long> abandoned = new HashSet<>();

  public DevnetSealer(MarketClient market, ChainClient chain, PieceSource pieces, Options options) {
    this(market, chain, pieces, options, SealerHold.NONE);
  }

  /** @param hold test-only stops between steps ({@link SealerHold#fromEnvironment()}; NONE in production) */
  public DevnetSealer(MarketClient market, ChainClient chain, PieceSource pieces, Options options, SealerHold hold) {
    this.hold = hold;
    this.market = market;
    this.chain = chain;
    this.pieces = pieces;
    this.options = options;
    this.loop = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "devnet-sealer");
      t.setDaemon(true);
      return t;
    });
  }

  /** Polls the market every {@code interval} until closed; each round seals at most one sector. */
  public void start() {
    loop.scheduleWithFixedDelay(() -> {
      try {
        while (sealOnce().map(r -> r.sector() >= 0 || !r.rejected().isEmpty()).orElse(false)) {
          LOG.debug("more deals may be waiting; next round now");
        }
      } catch (RuntimeException e) {
        LOG.warn("sealing round failed: {}; retrying in {}", e.getMessage(), options.interval());
      }
    }, 0, options.interval().toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * One round: asks for deals for the next sector and seals them. Empty when the market had no deal for it.
   *
   * @throws SealerException if the chain refused the sector (its deals were released back to the market)
   */
  public synchronized Optional<Round> sealOnce() {
    Address miner = options.miner();
    JsonNode info = onChain("StateMinerInfo", () -> chain.minerInfo(miner));
    Address worker = Address.parse(info.get("Worker").asText());
    long sectorSize = info.get("SectorSize").asLong();
    long sealProof = sealProof(sectorSize);
    // What the chain holds is read only once the worker's messages in the pool are included: one of them may be a
    // pre-commit or a proof this sealer pushed before it, or the node, was restarted.
    awaitNoPending(worker);
    // A sector pre-committed but not proven (this sealer was killed, or the node went away, between the two) is
    // finished first; its deals are still assigned to it in the market.
    long unproven = onChain("StateSectorPreCommitInfo", () -> chain.lowestUnproven(miner));
    boolean resume = unproven > 0 && !abandoned.contains(unproven);
    // Sector numbers start at 1: 0 is what the market records for "no sector yet".
    long sector = resume ? unproven
        : Math.max(Math.max(1, nextSector), onChain("StateMinerSectors", () -> chain.highestSector(miner)) + 1);
    if (!resume) {
      nextSector = sector;
    }
    JsonNode slots = retry("AssignUnPackedDeals", () -> market.assign(miner, sector, sectorSize, options.maxPiece()));
    if (slots == null || !slots.isArray() || slots.isEmpty()) {
      if (resume) {
        abandon(sector, "the market holds no deals for it");
      }
      return Optional.empty();
    }
    List<Piece> layout = new ArrayList<>();
    List<Rejected> rejected = new ArrayList<>();
    for (JsonNode s : slots) {
      long dealId = s.path("DealID").asLong();
      long offset = s.get("Offset").asLong();
      long size = s.get("PieceSize").asLong();
      String cid = s.get("PieceCID").get("/").asText();
      // A filler has no publish CID; deal ID 0 alone does not tell (it is the first deal of a chain).
      if (s.path("PublishCid").isNull() || s.path("PublishCid").isMissingNode()) {
        layout.add(new Piece(offset, size, false, 0, cid, 0, ZeroComm.piece(new PaddedPieceSize(size))));
        continue;
      }
      // A resumed sector's pieces were checked before its pre-commit; its commD on chain is checked below.
      String problem = resume ? null : check(cid, size);
      if (problem != null) {
        LOG.error("deal {}: not sealing it: {}", dealId, problem);
        retry("SealerReportBadPiece", () -> {
          market.reportBadPiece(miner, dealId, problem);
          return null;
        });
        rejected.add(new Rejected(dealId, cid, problem));
        PieceCommitment zero = ZeroComm.piece(new PaddedPieceSize(size));
        layout.add(new Piece(offset, size, false, 0, PieceCid.v1(zero).toString(), 0, zero));
        continue;
      }
      layout.add(new Piece(offset, size, true, dealId, cid, s.get("EndEpoch").asLong(),
          PieceCid.commitment(Cid.parse(cid), new PaddedPieceSize(size))));
    }
    List<Piece> deals = layout.stream().filter(Piece::deal).toList();
    if (deals.isEmpty()) {
      if (resume) {
        abandon(sector, "the market holds no deals for it");
      }
      return Optional.of(new Round(-1, List.of(), null, rejected));
    }
    PieceCommitment commD = UnsealedCommitment.of(layout.stream().map(Piece::comm).toList(),
        new PaddedPieceSize(sectorSize));
    Cid unsealed = PieceCid.v1(commD);
    List<Long> ids = deals.stream().map(Piece::dealId).toList();
    if (resume) {
      JsonNode pre = onChain("StateSectorPreCommitInfo", () -> chain.preCommitInfo(miner, sector));
      String onChain = pre == null ? null : pre.path("UnsealedCid").path("/").asText();
      if (!unsealed.toString().equals(onChain)) {
        abandon(sector, "it is pre-committed with commD " + onChain + " but the market's deals for it give " + unsealed);
        throw new SealerException("sector " + sector + " cannot be proven: pre-committed with commD " + onChain
            + ", the market's deals " + ids + " for it give " + unsealed);
      }
      LOG.info("sector {}: pre-committed but not proven; proving it with deals {}", sector, ids);
    } else {
      hold.before("assigned", sector);
      for (Piece p : deals) {
        retry("UpdateDealOnPacking", () -> {
          market.updateOnPacking(miner, p.dealId(), sector, p.offset());
          market.updateStatus(miner, p.dealId(), "Packing");
          return null;
        });
      }
      LOG.info("sector {}: deals {} commD {}", sector, ids, unsealed);
      hold.before("precommit", sector);
      long head = onChain("ChainHead", chain::head);
      long expiration = deals.stream().mapToLong(Piece::endEpoch).max().orElseThrow() + 2880;
      SectorPreCommitInfo pre = new SectorPreCommitInfo(sealProof, sector, sealedCid(commD, sector), head - 1,
          List.of(), expiration, unsealed);
      String preCid = chain.push(worker, miner, MinerMethods.PRE_COMMIT_SECTOR_BATCH2,
          new PreCommitSectorBatchParams2(List.of(pre)).toCbor());
      ChainClient.Receipt preCommit = onChain("StateWaitMsg", () -> chain.await(preCid));
      if (preCommit.exitCode() != 0) {
        if (onChain("StateSectorPreCommitInfo", () -> chain.preCommitted(miner, sector))) {
          // Never give back deals of a sector the chain holds: the next round proves it.
          throw new SealerException("sector " + sector + ": PreCommitSectorBatch2 " + preCid + " failed with exit code "
              + preCommit.exitCode() + ", but the sector is pre-committed already; the next round proves it");
        }
        giveBack(miner, ids);
        throw new SealerException("sector " + sector + ": PreCommitSectorBatch2 " + preCid + " failed with exit"
            + " code " + preCommit.exitCode() + "; its deals were released to the market");
      }
      nextSector = sector + 1;
    }
    hold.before("provecommit", sector);
    List<PieceActivationManifest> manifest = new ArrayList<>();
    for (Piece p : layout) {
      manifest.add(new PieceActivationManifest(Cid.parse(p.pieceCid()), p.size(), null, p.deal()
          ? List.of(DataActivationNotification.marketDeal(p.dealId())) : List.of()));
    }
    ProveCommitSectors3Params prove = new ProveCommitSectors3Params(
        List.of(new SectorActivationManifest(sector, manifest)), List.of(fakeProof(commD, sector)), new byte[0], null,
        true, true);
    String proveCid = chain.push(worker, miner, MinerMethods.PROVE_COMMIT_SECTORS3, prove.toCbor());
    ChainClient.Receipt proven = onChain("StateWaitMsg", () -> chain.await(proveCid));
    if (proven.exitCode() != 0 || !allOk(proven.ret())) {
      throw new SealerException("sector " + sector + ": ProveCommitSectors3 " + proven.cid() + " failed (exit code "
          + proven.exitCode() + "); the sector stays pre-committed and its deals fail at their start epoch");
    }
    for (long id : ids) {
      retry("UpdateDealStatus", () -> {
        market.updateStatus(miner, id, "Proving");
        return null;
      });
    }
    LOG.info("sector {} proven with deals {} at height {}", sector, ids, proven.height());
    List<Placed> placed = deals.stream().map(p -> new Placed(p.dealId(), p.pieceCid(), p.offset(), p.size())).toList();
    return Optional.of(new Round(sector, ids, unsealed, rejected, placed));
  }

  /** A pre-committed sector this sealer cannot prove: logged once, then new sectors are sealed after it. */
  private void abandon(long sector, String why) {
    if (abandoned.add(sector)) {
      LOG.error("sector {} is pre-committed but not proven and cannot be resumed: {}; it expires unproven", sector,
          why);
    }
  }

  /**
   * Waits (up to the retry time) until no message of {@code worker} is in the node's pool, so that a message pushed
   * before a restart is included before the chain is read; never pushing twice what may still be in flight.
   */
  private void awaitNoPending(Address worker) {
    long deadline = System.nanoTime() + options.marketRetry().toNanos();
    while (onChain("MpoolGetNonce", () -> chain.pending(worker))) {
      if (System.nanoTime() > deadline) {
        LOG.warn("worker {} still has messages in the pool after {}; going on", worker, options.marketRetry());
        return;
      }
      pause(200, "waiting for the worker's pending messages");
    }
  }

  /** Reads the piece and checks its commP; null when it matches, else what is wrong. */
  private String check(String pieceCid, long paddedSize) {
    PaddedPieceSize size = new PaddedPieceSize(paddedSize);
    CommPHasher hasher = new CommPHasher(size);
    try (InputStream in = pieces.open(pieceCid)) {
      in.transferTo(hasher);
      Cid got = PieceCid.v1(hasher.digest(size));
      if (!got.toString().equals(pieceCid)) {
        return "piece storage holds bytes whose commP is " + got + ", not " + pieceCid;
      }
      return null;
    } catch (PieceSource.MissingPieceException e) {
      return e.getMessage();
    } catch (PieceException e) {
      return "the stored piece does not fit the deal's piece size " + paddedSize + ": " + e.getMessage();
    } catch (IOException e) {
      throw new SealerException("cannot read piece " + pieceCid + ": " + e.getMessage(), e);
    }
  }

  private void giveBack(Address miner, List<Long> ids) {
    try {
      retry("ReleaseDeals", () -> {
        market.release(miner, ids);
        return null;
      });
    } catch (RuntimeException e) {
      LOG.error("could not release deals {}: {}", ids, e.getMessage());
    }
  }

  /** Runs a market call, retrying while the market cannot be reached (restarting) for up to marketRetry. */
  private <T> T retry(String what, Supplier<T> call) {
    return retrying(what, "the market", call);
  }

  /**
   * Runs a node call, retrying while the node cannot be reached (restarting) for up to marketRetry. Only calls that
   * are safe to repeat: a push is never retried.
   */
  private <T> T onChain(String what, Supplier<T> call) {
    return retrying(what, "the node", call);
  }

  private <T> T retrying(String what, String peer, Supplier<T> call) {
    long deadline = System.nanoTime() + options.marketRetry().toNanos();
    long sleep = 200;
    while (true) {
      try {
        return call.get();
      } catch (RpcTransportException e) {
        if (System.nanoTime() > deadline) {
          throw new SealerException(what + ": " + peer + " is unreachable: " + e.getMessage(), e);
        }
        LOG.warn("{}: {} is unreachable ({}); retrying", what, peer, e.getMessage());
        pause(sleep, what);
        sleep = Math.min(sleep * 2, 5000);
      }
    }
  }

  private static void pause(long millis, String what) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
      throw new SealerException(what + ": interrupted", ie);
    }
  }

  /** RegisteredSealProof V1_1 of a sector size (2KiB 5, 8MiB 6, 512MiB 7, 32GiB 8, 64GiB 9). */
  static long sealProof(long sectorSize) {
    return switch (Long.numberOfTrailingZeros(sectorSize)) {
      case 11 -> 5;
      case 23 -> 6;
      case 29 -> 7;
      case 35 -> 8;
      case 36 -> 9;
      default -> throw new SealerException("no seal proof for a sector size of " + sectorSize + " bytes");
    };
  }

  /** A stand-in commR (the devnet checks no replication): a sealed-commitment CID derived from commD and sector. */
  private static Cid sealedCid(PieceCommitment commD, long sector) {
    byte[] digest = Sha256.hash(ByteBuffer.allocate(40).put(commD.root()).putLong(sector).array());
    digest[31] &= 0x3f;
    return Cid.v1(Multicodec.FIL_COMMITMENT_SEALED, Multihash.of(Multicodec.POSEIDON_BLS12_381_A2_FC1, digest));
  }

  private static boolean allOk(byte[] ret) {
    return ret.length == 0 || BatchReturn.decode(ret).failCodes().isEmpty();
  }

  private static byte[] fakeProof(PieceCommitment commD, long sector) {
    byte[] p = new byte[192];
    byte[] h = Sha256.hash(ByteBuffer.allocate(40).put(commD.root()).putLong(sector).array());
    for (int i = 0; i < p.length; i++) {
      p[i] = h[i % h.length];
    }
    return p;
  }

  @Override
  public void close() {
    loop.shutdownNow();
  }
}
