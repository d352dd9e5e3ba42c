package venus.market.daemon.offline;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import venus.market.core.market.DealProposal;
import venus.market.core.multiformats.Cid;
import venus.market.core.piece.CommPHasher;
import venus.market.core.piece.PaddedPieceSize;
import venus.market.core.piece.PieceCid;
import venus.market.core.piece.PieceCommitment;
import venus.market.core.piece.PieceException;
import venus.market.core.storagemarket.StorageDealStatus;
import venus.market.daemon.deals.DealNotFoundException;
import venus.market.daemon.deals.DealPipeline;
import venus.market.daemon.deals.IllegalDealTransitionException;
import venus.market.daemon.deals.ProviderDeal;
import venus.market.daemon.deals.ProviderEvent;
import venus.market.daemon.piecestore.PieceStore;
import venus.market.daemon.piecestore.PieceWriter;

/**
 * {@code storage-deals import-data <proposalCid> <file>}: checks that the deal is an offline deal waiting for data,
 * reads the file once — each buffer goes both to the commP hasher (padded to the proposal's piece size, as lotus
 * pads a smaller CAR) and to an atomic piece-store write — and commits the piece only if its commP equals the
 * proposal's piece CID. Then it records where the piece is and applies VerifiedData, which starts
 * ReserveProviderFunds. On any failure the write is aborted and the deal stays in WaitingForData; a crash mid-import
 * leaves the same (the store drops its temp file at start).
 */
public final class DataImporter {
  private static final Logger LOG = LoggerFactory.getLogger(DataImporter.class);
  private static final int BUFFER = 1 << 20;
  private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);

  private final DealPipeline pipeline;
  private final PieceStore pieces;
  private final Supplier<ImportDirs> dirs;
  private final ConcurrentHashMap<Cid, Path> running = new ConcurrentHashMap<>();

  public DataImporter(DealPipeline pipeline, PieceStore pieces, Supplier<ImportDirs> dirs) {
    this.pipeline = pipeline;
    this.pieces = pieces;
    this.dirs = dirs;
  }

  /** Imports {@code file} as the data of deal {@code proposalCid}; returns the deal after VerifiedData. */
  public ProviderDeal importData(Cid proposalCid, String file) {
    try {
      return guarded(proposalCid, file);
    } catch (ImportDataException e) {
      LOG.warn("deal {}: import-data {} refused: {}", proposalCid, file, e.getMessage());
      throw e;
    }
  }

  private ProviderDeal guarded(Cid proposalCid, String file) {
    ProviderDeal deal = waitingDeal(proposalCid);
    Path path = dirs.get().check(file);
    Path other = running.putIfAbsent(proposalCid, path);
    if (other != null) {
      throw new ImportDataException("deal " + proposalCid + ": an import is already running (file " + other
          + "); wait for it to finish");
    }
    try {
      deal = waitingDeal(proposalCid); // re-read under the guard: an import that just finished moved it on
      return run(deal, path);
    } finally {
      running.remove(proposalCid);
    }
  }

  private ProviderDeal waitingDeal(Cid proposalCid) {
    ProviderDeal deal = pipeline.deals().get(proposalCid).orElseThrow(() -> new DealNotFoundException(proposalCid));
    if (!deal.transfer().isOffline()) {
      throw new ImportDataException("deal " + proposalCid + " is an online deal (transfer " + deal.transfer().type()
          + "): its data arrives by transfer; import-data only applies to offline deals");
    }
    if (deal.state() != StorageDealStatus.WAITING_FOR_DATA) {
      throw new ImportDataException("deal " + proposalCid + " is in " + deal.state().goName()
          + "; import-data only applies to deals waiting for data (StorageDealWaitingForData)");
    }
    return deal;
  }

  private ProviderDeal run(ProviderDeal deal, Path file) {
    Cid proposalCid = deal.proposalCid();
    DealProposal p = deal.proposal().proposal();
    PaddedPieceSize pieceSize;
    try {
      pieceSize = new PaddedPieceSize(p.pieceSize());
    } catch (PieceException e) {
      throw new ImportDataException("deal " + proposalCid + ": " + e.getMessage(), e);
    }
    long capacity = pieceSize.unpadded().bytes();
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      throw new ImportDataException("cannot read " + file + ": " + e.getMessage(), e);
    }
    if (size > capacity) {
      throw new ImportDataException("file " + file + " is " + size + " bytes, more than the deal's piece holds ("
          + capacity + " bytes in a " + pieceSize.bytes() + "-byte piece); it is not this deal's data");
    }
    LOG.info("deal {}: importing {} ({} bytes) as piece {}", proposalCid, file, size, p.pieceCID());
    long started = System.nanoTime();
    String location;
    long read = 0;
    try (PieceWriter w = pieces.create(p.pieceCID()); InputStream in = Files.newInputStream(file)) {
      CommPHasher hasher = new CommPHasher(pieceSize);
      byte[] buf = new byte[BUFFER];
      long lastLog = started;
      int n;
      while ((n = in.read(buf)) > 0) {
        if (read + n > capacity) {
          throw new ImportDataException("file " + file + " grew past the deal's piece capacity of " + capacity
              + " bytes while it was imported");
        }
        hasher.write(buf, 0, n);
        w.out().write(buf, 0, n);
        read += n;
        long now = System.nanoTime();
        if (now - lastLog > PROGRESS_EVERY.toNanos()) {
          lastLog = now;
          LOG.info("deal {}: import {}% ({} of {} MiB)", proposalCid, size == 0 ? 100 : read * 100 / size,
              read >> 20, size >> 20);
        }
      }
      PieceCommitment commP = hasher.digest();
      Cid actual = PieceCid.v1(commP);
      if (!actual.equals(p.pieceCID())) {
        w.abort();
        throw new ImportDataException("deal " + proposalCid + ": given data does not match expected commP (got: "
            + actual + ", expected " + p.pieceCID() + "); nothing was stored and the deal still waits for data");
      }
      location = w.commit();
    } catch (IOException e) {
      throw new ImportDataException("deal " + proposalCid + ": importing " + file + " failed: " + e.getMessage()
          + "; nothing was stored and the deal still waits for data", e);
    } catch (PieceException e) {
      throw new ImportDataException("deal " + proposalCid + ": " + e.getMessage(), e);
    }
    long bytes = read;
    long ms = Duration.ofNanos(System.nanoTime() - started).toMillis();
    LOG.info("deal {}: imported {} bytes in {} ms, commP verified, piece at {}", proposalCid, bytes, ms, location);
    try {
      return pipeline.apply(proposalCid, ProviderEvent.VERIFIED_DATA, "imported " + file + " (" + bytes + " bytes)",
          d -> d.toBuilder().piecePath(location).payloadSize(bytes).transferredBytes(bytes).build());
    } catch (IllegalDealTransitionException e) {
      // Moved meanwhile (failed, cancelled). The piece stays: stores are keyed by piece CID and may share it.
      throw new ImportDataException("deal " + proposalCid + " left StorageDealWaitingForData during the import ("
          + e.getMessage() + ")", e);
    }
  }
}
