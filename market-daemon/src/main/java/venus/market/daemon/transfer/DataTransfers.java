package venus.market.daemon.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import venus.market.core.market.DealProposal;
import venus.market.core.multiformats.Cid;
import venus.market.core.piece.CommPHasher;
import venus.market.core.piece.PaddedPieceSize;
import venus.market.core.piece.PieceCid;
import venus.market.core.piece.PieceCommitment;
import venus.market.core.storagemarket.StorageDealStatus;
import venus.market.daemon.config.MarketConfig;
import venus.market.daemon.deals.DealPipeline;
import venus.market.daemon.deals.DealTransfer;
import venus.market.daemon.deals.IllegalDealTransitionException;
import venus.market.daemon.deals.ProviderDeal;
import venus.market.daemon.deals.ProviderEvent;
import venus.market.daemon.piecestore.PieceStore;
import venus.market.p2p.host.Host;

/**
 * Online deals from accepted to verified data: the stages for WaitingForData (reserve staging space, start),
 * Transferring (pull on a transfer thread), ProviderTransferAwaitRestart (the provider pulls, so after a daemon
 * restart it restarts the pull itself) and VerifyData (compare commP with the proposal, store the piece).
 * {@link #install} registers them; call it before {@code pipeline.resume()}.
 *
 * <p>Transfers run on their own pool of {@code SimultaneousTransfersForStorage} threads, not on pipeline workers, so
 * long downloads never hold up publishing or funding; deals beyond that many, or beyond
 * {@code SimultaneousTransfersForStoragePerClient} for one client, stay in Transferring at 0 bytes until a slot frees.
 */
public final class DataTransfers implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DataTransfers.class);
  private static final Set<StorageDealStatus> STAGED_STATES = EnumSet.of(StorageDealStatus.TRANSFERRING,
      StorageDealStatus.PROVIDER_TRANSFER_AWAIT_RESTART, StorageDealStatus.VERIFY_DATA);

  /**
   * Where and how much: from config.
   *
   * @param stagingDir the staging directory ({@code <TransferPath or repo>/deal-staging})
   * @param maxStagingBytes {@code MaxStagingDealsBytes}, 0 = the disk's free space
   * @param maxConcurrent {@code SimultaneousTransfersForStorage}
   * @param maxPerClient {@code SimultaneousTransfersForStoragePerClient} (per client peer, else client address)
   */
  public record Settings(Path stagingDir, long maxStagingBytes, int maxConcurrent, int maxPerClient) {
    public Settings {
      if (maxConcurrent < 1 || maxPerClient < 1) {
        throw new IllegalArgumentException("transfer limits must be >= 1: " + maxConcurrent + ", " + maxPerClient);
      }
    }

    public static Settings from(MarketConfig cfg, Path repoDir) {
      Path base = cfg.transferPath().isEmpty() ? repoDir : Path.of(cfg.transferPath());
      return new Settings(base.resolve(StagingArea.DIR_NAME), cfg.transfers().maxStagingDealsBytes(),
          cfg.transfers().forStorage(), cfg.transfers().forStoragePerClient());
    }
  }

  /** A pull waiting for a transfer slot. */
  private record Queued(Cid deal, String client) {}

  private final DealPipeline pipeline;
  private final StagingArea staging;
  private final PieceStore pieces;
  private final Host host;
  private final TransferOptions options;
  private final HttpClient http;
  private final ExecutorService pool;
  private final Map<Cid, PullSource> running = new ConcurrentHashMap<>();
  private final Map<Cid, PullTransfer.Result> completed = new ConcurrentHashMap<>();
  private final int maxConcurrent;
  private final int maxPerClient;
  /** Pulls waiting for a slot, oldest first; with {@link #active} and {@link #activeByClient} under {@code this}. */
  private final java.util.ArrayDeque<Queued> queue = new java.util.ArrayDeque<>();
  private final Map<String, Integer> activeByClient = new java.util.HashMap<>();
  private int active;
  private volatile boolean closed;

  private DataTransfers(Settings settings, DealPipeline pipeline, PieceStore pieces, Host host,
      TransferOptions options) {
    this.pipeline = pipeline;
    this.staging = new StagingArea(settings.stagingDir(), settings.maxStagingBytes());
    this.pieces = pieces;
    this.host = host;
    this.options = options;
    this.http = HttpPullSource.newClient(Duration.ofSeconds(30));
    this.maxConcurrent = settings.maxConcurrent();
    this.maxPerClient = settings.maxPerClient();
    AtomicInteger n = new AtomicInteger();
    this.pool = Executors.newFixedThreadPool(settings.maxConcurrent(), r -> {
      Thread t = new Thread(r, "deal-transfer-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * Creates the subsystem, restores the staging reservations of deals already past their start, removes staging
   * files no live deal owns, and registers the stages.
   *
   * @param pieces where verified pieces go
   * @param host the libp2p host for "libp2p" transfers, or null to refuse them
   */
  public static DataTransfers install(Settings settings, DealPipeline pipeline, PieceStore pieces, Host host,
      TransferOptions options) {
    DataTransfers t = new DataTransfers(settings, pipeline, pieces, host, options);
    Set<String> live = new HashSet<>();
    for (ProviderDeal d : pipeline.deals().resumable()) {
      if (STAGED_STATES.contains(d.state()) && !d.transfer().isOffline()) {
        t.staging.restore(d.proposalCid(), d.transfer().size());
        live.add(d.proposalCid().toString());
      }
    }
    t.staging.sweep(live::contains);
    pipeline.on(StorageDealStatus.WAITING_FOR_DATA, t::start);
    pipeline.on(StorageDealStatus.TRANSFERRING, t::run);
    pipeline.on(StorageDealStatus.PROVIDER_TRANSFER_AWAIT_RESTART, t::restart);
    pipeline.on(StorageDealStatus.VERIFY_DATA, t::verify);
    return t;
  }

  public StagingArea staging() {
    return staging;
  }

  /** Whether a pull for this deal is running or waiting for a transfer slot. */
  public boolean isRunning(Cid proposalCid) {
    return running.containsKey(proposalCid);
  }

  /** WaitingForData: online deals reserve staging space and start; offline deals wait for import-data. */
  private void start(ProviderDeal deal) throws TransferFailedException {
    DealTransfer transfer = deal.transfer();
    if (transfer.isOffline()) {
      return;
    }
    Cid cid = deal.proposalCid();
    TransferRequest request = checkTransfer(cid, transfer);
    if (!staging.reserve(cid, transfer.size())) {
      return; // kicked again when another deal releases its space
    }
    Path file = staging.fileFor(cid);
    try {
      pipeline.apply(cid, ProviderEvent.DATA_TRANSFER_INITIATED, "pulling " + transfer.size() + " bytes over "
          + transfer.type() + " from " + request.redactedUrl(), d -> d.toBuilder().inboundPath(file.toString())
          .transferredBytes(0).build());
    } catch (RuntimeException e) {
      releaseAndKick(cid);
      throw e;
    }
  }

  private TransferRequest checkTransfer(Cid cid, DealTransfer transfer) throws TransferFailedException {
    if (!DealTransfer.TYPE_HTTP.equals(transfer.type()) && !DealTransfer.TYPE_LIBP2P.equals(transfer.type())) {
      throw new TransferFailedException("transfer type \"" + transfer.type() + "\" is not supported; the provider "
          + "pulls \"http\" and \"libp2p\" transfers (or the client makes an offline deal)");
    }
    if (DealTransfer.TYPE_LIBP2P.equals(transfer.type()) && host == null) {
      throw new TransferFailedException("libp2p transfers need the market's libp2p host, which is not running");
    }
    if (transfer.size() <= 0) {
      throw new TransferFailedException("the client declared no transfer size; an online deal must give the CAR "
          + "size so staging space can be reserved");
    }
    TransferRequest request = TransferRequest.parse(transfer.params());
    String scheme = request.scheme();
    boolean ok = DealTransfer.TYPE_LIBP2P.equals(transfer.type()) ? scheme.equals("libp2p")
        : scheme.equals("http") || scheme.equals("https");
    if (!ok) {
      throw new TransferFailedException("transfer type \"" + transfer.type() + "\" cannot use URL scheme \"" + scheme
          + "\"");
    }
    staging.checkFits(cid, transfer.size());
    return request;
  }

  /** ProviderTransferAwaitRestart: the daemon restarted during the pull; the provider restarts it. */
  private void restart(ProviderDeal deal) {
    pipeline.apply(deal.proposalCid(), ProviderEvent.DATA_TRANSFER_RESTARTED, "provider resumes the pull at byte "
        + deal.transferredBytes());
  }

  /** Transferring: queues the pull unless it is already queued or running. */
  private void run(ProviderDeal deal) {
    Cid cid = deal.proposalCid();
    staging.restore(cid, deal.transfer().size());
    if (closed || running.putIfAbsent(cid, Placeholder.INSTANCE) != null) {
      return;
    }
    String client = deal.clientPeerId().isEmpty() ? deal.proposal().proposal().client().toString()
        : deal.clientPeerId();
    synchronized (this) {
      queue.add(new Queued(cid, client));
    }
    dispatch();
  }

  /** Starts queued pulls while a slot is free overall and for their client. */
  private synchronized void dispatch() {
    for (java.util.Iterator<Queued> it = queue.iterator(); it.hasNext() && active < maxConcurrent; ) {
      Queued q = it.next();
      int mine = activeByClient.getOrDefault(q.client(), 0);
      if (mine >= maxPerClient) {
        continue;
      }
      it.remove();
      active++;
      activeByClient.put(q.client(), mine + 1);
      try {
        pool.execute(() -> {
          try {
            pull(q.deal());
          } finally {
            finished(q.client());
          }
        });
      } catch (RejectedExecutionException e) {
        running.remove(q.deal());
        active--;
        activeByClient.merge(q.client(), -1, Integer::sum);
      }
    }
    if (!queue.isEmpty()) {
      LOG.info("{} transfers queued: {} running (SimultaneousTransfersForStorage {}, per client {})", queue.size(),
          active, maxConcurrent, maxPerClient);
    }
  }

  private void finished(String client) {
    synchronized (this) {
      active--;
      activeByClient.merge(client, -1, (a, b) -> a + b == 0 ? null : a + b);
    }
    if (!closed) {
      dispatch();
    }
  }

  private void pull(Cid cid) {
    PullSource source = null;
    try {
      ProviderDeal d = pipeline.deals().get(cid).orElse(null);
      if (d == null || d.state() != StorageDealStatus.TRANSFERRING || closed) {
        return;
      }
      DealTransfer transfer = d.transfer();
      TransferRequest request = checkTransfer(cid, transfer);
      source = DealTransfer.TYPE_LIBP2P.equals(transfer.type())
          ? new Libp2pPullSource(host, request, options.stallTimeout())
          : new HttpPullSource(http, request, options.stallTimeout());
      running.put(cid, source);
      if (closed) {
        return;
      }
      Path file = d.inboundPath().isEmpty() ? staging.fileFor(cid) : Path.of(d.inboundPath());
      long size = transfer.size();
      LOG.info("deal {}: pulling {} bytes from {} into {} (from byte {})", cid, size, source.describe(), file,
          d.transferredBytes());
      PullTransfer t = new PullTransfer(cid.toString(), source, file, size, options, new PullTransfer.Progress() {
        @Override
        public void record(long bytes) {
          progress(cid, bytes, size);
        }

        @Override
        public void retrying(long bytes, int retry, int maxRetries, String error, long waitMillis) {
          stalled(cid, "transfer interrupted at byte " + bytes + " of " + size + " (" + error + "); retry " + retry
              + " of " + maxRetries + " in " + waitMillis / 1000.0 + " s");
        }
      });
      PullTransfer.Result result = t.run(d.transferredBytes());
      if (closed) {
        return;
      }
      completed.put(cid, result);
      pipeline.apply(cid, ProviderEvent.DATA_TRANSFER_COMPLETED, "received " + result.bytes() + " bytes",
          x -> x.toBuilder().transferredBytes(result.bytes()).message("").build());
    } catch (InterruptedException e) {
      LOG.info("deal {}: transfer stopped with the daemon; it resumes after restart", cid);
    } catch (DealMovedException e) {
      LOG.info("deal {}: {}; its transfer stopped", cid, e.getMessage());
      cleanUp(cid);
    } catch (TransferFailedException e) {
      fail(cid, ProviderEvent.DATA_TRANSFER_FAILED, e.getMessage());
    } catch (StagingWriteException e) {
      // Fails the deal rather than waiting: the disk may stay full, and the staged bytes are dropped either way so
      // the space goes back to the other deals. The client proposes again once the operator has made room.
      String why = String.valueOf(e.getMessage());
      boolean full = why.contains("No space left") || why.contains("quota");
      fail(cid, ProviderEvent.DATA_TRANSFER_FAILED, "staging directory " + staging.dir() + ": " + e.getMessage()
          + "; the staged data was removed. " + (full ? "Free space under " + staging.dir() + (staging.limit() > 0
          ? ", keep MaxStagingDealsBytes (now " + staging.limit() + ") within what that disk holds," : "")
          + " or set TransferPath to a larger disk" : "Check that disk")
          + "; the client can then propose the deal again");
    } catch (IOException e) {
      fail(cid, ProviderEvent.DATA_TRANSFER_FAILED, "cannot write the deal's staging file under " + staging.dir()
          + ": " + e.getMessage());
    } catch (RuntimeException e) {
      if (!closed) {
        LOG.error("deal {}: transfer failed unexpectedly", cid, e);
        fail(cid, ProviderEvent.DATA_TRANSFER_FAILED, "transfer failed: " + e);
      }
    } finally {
      running.remove(cid);
      if (source != null) {
        source.close();
      }
    }
  }

  private void progress(Cid cid, long bytes, long size) {
    if (closed) {
      return;
    }
    String text = "received " + bytes + " of " + size + " bytes (" + (bytes * 100 / size) + "%)";
    try {
      pipeline.apply(cid, ProviderEvent.DATA_TRANSFER_PROGRESS, text,
          d -> d.toBuilder().transferredBytes(bytes).message("transferring: " + text).build());
    } catch (IllegalDealTransitionException e) {
      throw new DealMovedException("the deal left Transferring (" + e.getMessage() + ")");
    }
  }

  /** Records why the pull is waiting to retry (record-only DataTransferStalled; the deal's message shows it). */
  private void stalled(Cid cid, String why) {
    if (closed) {
      return;
    }
    try {
      pipeline.apply(cid, ProviderEvent.DATA_TRANSFER_STALLED, why);
    } catch (IllegalDealTransitionException e) {
      throw new DealMovedException("the deal left Transferring (" + e.getMessage() + ")");
    }
  }

  /** VerifyData: commP of the staged data against the proposal's piece CID, then into the piece store. */
  private void verify(ProviderDeal deal) throws IOException {
    Cid cid = deal.proposalCid();
    DealProposal p = deal.proposal().proposal();
    Cid expected = p.pieceCID();
    Path file = deal.inboundPath().isEmpty() ? staging.fileFor(cid) : Path.of(deal.inboundPath());
    PullTransfer.Result result = completed.remove(cid);
    if (result == null) {
      if (!Files.exists(file)) {
        // Stored and cleaned up, then the daemon stopped before VerifiedData was recorded: the piece store holds the
        // verified piece (it is only ever written after verification).
        if (pieces.size(expected).orElse(-1) == deal.transfer().size()) {
          cleanUp(cid);
          verified(cid, expected, deal.transfer().size());
          return;
        }
        fail(cid, ProviderEvent.DATA_VERIFICATION_FAILED, "the deal's staged data " + file + " is gone; cannot "
            + "verify it");
        return;
      }
      // Only after a restart between the end of the transfer and here: the in-memory commP is lost, hash again.
      LOG.info("deal {}: computing commP of the staged file {} again after a restart", cid, file);
      try (InputStream in = Files.newInputStream(file)) {
        CommPHasher h = new CommPHasher();
        long n = in.transferTo(h);
        result = new PullTransfer.Result(n, h.digest());
      } catch (IOException e) {
        fail(cid, ProviderEvent.NODE_ERRORED, "cannot read the deal's staged data " + file + ": " + e.getMessage());
        return;
      }
    }
    PaddedPieceSize pieceSize = new PaddedPieceSize(p.pieceSize());
    String mismatch = null;
    if (result.bytes() != deal.transfer().size()) {
      mismatch = "received " + result.bytes() + " bytes but the client declared " + deal.transfer().size();
    } else if (result.commP().size().compareTo(pieceSize) > 0) {
      mismatch = "the data (" + result.bytes() + " bytes) needs a piece of " + result.commP().size().bytes()
          + " bytes but the proposal's piece size is " + pieceSize.bytes() + " (calculated CommP "
          + PieceCid.v1(result.commP()) + ", proposal CommP " + expected + ")";
    } else {
      PieceCommitment padded = result.commP().padTo(pieceSize);
      Cid actual = PieceCid.v1(padded);
      if (!actual.equals(expected)) {
        mismatch = "proposal CommP doesn't match calculated CommP: proposal " + expected + ", calculated " + actual;
      }
    }
    if (mismatch != null) {
      fail(cid, ProviderEvent.DATA_VERIFICATION_FAILED, mismatch);
      return;
    }
    try {
      pieces.putFile(expected, file);
    } catch (IOException | RuntimeException e) {
      fail(cid, ProviderEvent.NODE_ERRORED, "storing piece " + expected + " in piece store " + pieces.name()
          + " failed: " + e.getMessage() + " (check [PieceStorage] in config.toml)");
      return;
    }
    // The piece store's copy is durable now; the staged one goes before the event, so a deal past VerifyData
    // never holds staging space.
    cleanUp(cid);
    verified(cid, expected, result.bytes());
  }

  private void verified(Cid cid, Cid piece, long size) {
    String location = pieces.location(piece);
    pipeline.apply(cid, ProviderEvent.VERIFIED_DATA, "commP " + piece + " verified; piece stored at " + location,
        d -> d.toBuilder().piecePath(location).transferredBytes(size).inboundPath("")
            .payloadSize(d.payloadSize() == 0 ? size : d.payloadSize()).message("").build());
  }

  /**
   * Removes the staged data, frees the space, then records the failure. Clean-up first: a crash in between leaves a
   * deal that fetches or verifies again and fails the same way, while the other order could leave a failed deal's
   * file behind until the next start's sweep.
   */
  private void fail(Cid cid, ProviderEvent event, String why) {
    if (closed) {
      return;
    }
    cleanUp(cid);
    try {
      pipeline.apply(cid, event, why);
    } catch (IllegalDealTransitionException e) {
      LOG.warn("deal {}: could not record the transfer failure ({}): {}", cid, why, e.getMessage());
    }
  }

  private void cleanUp(Cid cid) {
    completed.remove(cid);
    staging.delete(cid);
    releaseAndKick(cid);
  }

  private void releaseAndKick(Cid cid) {
    for (Cid waiting : staging.release(cid)) {
      pipeline.kick(waiting);
    }
  }

  /** Stops every pull; deals stay in Transferring and resume after restart. */
  @Override
  public void close() {
    closed = true;
    pool.shutdownNow();
    running.values().forEach(PullSource::close);
    try {
      if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
        LOG.warn("data transfers still running after 10 s; they resume after restart");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The deal moved on (cancelled, failed elsewhere) while its pull ran. */
  private static final class DealMovedException extends RuntimeException {
    DealMovedException(String message) {
      super(message);
    }
  }

  /** Marks a deal whose pull is queued on the pool before its source exists. */
  private enum Placeholder implements PullSource {
    INSTANCE;

    @Override
    public PullResponse get(long offset) {
      throw new IllegalStateException("placeholder");
    }

    @Override
    public String describe() {
      return "(queued)";
    }

    @Override
    public void close() {}
  }
}
