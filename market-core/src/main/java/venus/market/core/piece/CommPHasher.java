package venus.market.core.piece;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Streaming, multi-core piece commitment (commP) of a payload written to it.
 *
 * <p>The payload is cut into aligned chunks of {@link #CHUNK_UNPADDED} bytes, which Fr32-pad to exactly one
 * {@link #CHUNK_PADDED}-byte subtree. Worker threads pad and hash whole chunks to their subtree roots in parallel;
 * the writer thread merges the roots in order. Memory stays constant: a fixed number of chunk buffers circulate
 * (writers block when all are in flight) and each worker owns an 8 KiB tile, a 2 KiB array of tile roots and one
 * MessageDigest.
 *
 * <p>Not thread-safe: one writer per instance. {@link #digest()} ends the stream.
 */
public final class CommPHasher extends OutputStream {

  /** Padded size of one parallel work unit; 512 KiB stays inside a core's L2 cache while it is hashed. */
  public static final int CHUNK_PADDED = 1 << 19;
  public static final int CHUNK_UNPADDED = CHUNK_PADDED / Fr32.PADDED_BLOCK * Fr32.UNPADDED_BLOCK;
  private static final int CHUNK_LEVEL = Integer.numberOfTrailingZeros(CHUNK_PADDED) - 5;
  /** Fr32 blocks per tile: 8 KiB padded, hashed to its root while it sits in L1. */
  private static final int TILE_BLOCKS = 64;
  private static final int TILE_PADDED = TILE_BLOCKS * Fr32.PADDED_BLOCK;
  private static final int TILE_UNPADDED = TILE_BLOCKS * Fr32.UNPADDED_BLOCK;

  private static final int DEFAULT_PARALLELISM = Runtime.getRuntime().availableProcessors();
  private static final ExecutorService SHARED_POOL = Executors.newFixedThreadPool(DEFAULT_PARALLELISM,
      new WorkerThreadFactory());
  private static final ThreadLocal<Worker> WORKER = ThreadLocal.withInitial(Worker::new);

  private final ExecutorService pool;
  private final BlockingQueue<byte[]> freeBuffers;
  private final int maxBuffers;
  private int allocatedBuffers;
  private final int maxInFlight;
  private final ArrayDeque<Future<byte[]>> inFlight = new ArrayDeque<>();
  private final SubtreeStack stack = new SubtreeStack();
  private byte[] current;
  private int currentLength;
  private long total;
  private boolean finished;
  private PaddedPieceSize target;

  /** A hasher on the process-wide pool of one worker per core. */
  public CommPHasher() {
    this(SHARED_POOL, DEFAULT_PARALLELISM);
  }

  /**
   * A hasher for a piece of a fixed size (lotus {@code --manual-piece-size}): fails with {@link
   * PieceTooLargeException} as soon as the payload outgrows it, and {@link #digest()} pads to it.
   */
  public CommPHasher(PaddedPieceSize target) {
    this(SHARED_POOL, DEFAULT_PARALLELISM);
    this.target = target;
  }

  /** A hasher on {@code pool}, which should have {@code parallelism} threads. */
  public CommPHasher(ExecutorService pool, int parallelism) {
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be >= 1, got " + parallelism);
    }
    this.pool = pool;
    this.maxBuffers = parallelism + 2;
    this.maxInFlight = 2 * parallelism + 2;
    this.freeBuffers = new ArrayBlockingQueue<>(maxBuffers);
  }

  /** commP of everything {@code in} yields, sized as lotus sizes it (the smallest piece holding it). */
  public static PieceCommitment of(InputStream in) throws IOException {
    CommPHasher h = new CommPHasher();
    in.transferTo(h);
    return h.digest();
  }

  /** commP of {@code data}. */
  public static PieceCommitment of(byte[] data) {
    CommPHasher h = new CommPHasher();
    h.write(data, 0, data.length);
    return h.digest();
  }

  /** Payload bytes written so far. */
  public long size() {
    return total;
  }

  @Override
  public void write(int b) {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) {
    if (finished) {
      throw new IllegalStateException("commP already computed; this hasher takes no more data");
    }
    if (off < 0 || len < 0 || len > b.length - off) {
      throw new IndexOutOfBoundsException("write of " + len + " bytes at " + off + " into a " + b.length + "-byte array");
    }
    if (len > UnpaddedPieceSize.MAX_PAYLOAD_BYTES - total) {
      throw new PieceException("payload exceeds " + UnpaddedPieceSize.MAX_PAYLOAD_BYTES + " bytes");
    }
    if (target != null && total + len > target.unpadded().bytes()) {
      finished = true;
      drainAll();
      throw new PieceTooLargeException(total + len, PaddedPieceSize.fitting(total + len), target);
    }
    while (len > 0) {
      if (current == null) {
        current = takeBuffer();
      }
      int n = Math.min(len, CHUNK_UNPADDED - currentLength);
      System.arraycopy(b, off, current, currentLength, n);
      currentLength += n;
      off += n;
      len -= n;
      total += n;
      if (currentLength == CHUNK_UNPADDED) {
        submitCurrent();
      }
    }
  }

  /**
   * Ends the stream; commP of the payload zero-padded to the target given at construction, else to the smallest
   * piece that holds it.
   */
  public PieceCommitment digest() {
    return digest(target != null ? target : PaddedPieceSize.fitting(total));
  }

  /**
   * Ends the stream; commP of the payload zero-padded to {@code target} (lotus {@code --manual-piece-size}).
   *
   * @throws PieceTooLargeException if the payload needs a larger piece than {@code target}
   */
  public PieceCommitment digest(PaddedPieceSize target) {
    if (finished) {
      throw new IllegalStateException("commP already computed");
    }
    finished = true;
    PaddedPieceSize natural = PaddedPieceSize.fitting(total);
    if (natural.compareTo(target) > 0) {
      drainAll();
      throw new PieceTooLargeException(total, natural, target);
    }
    if (target.bytes() < CHUNK_PADDED) {
      return new PieceCommitment(smallRoot(target), target);
    }
    if (currentLength > 0) {
      Arrays.fill(current, currentLength, CHUNK_UNPADDED, (byte) 0);
      currentLength = CHUNK_UNPADDED;
      submitCurrent();
    }
    drainAll();
    return new PieceCommitment(stack.finishAt(target.treeHeight()), target);
  }

  /** A piece smaller than one chunk: all data is in {@code current}; hash it here. */
  private byte[] smallRoot(PaddedPieceSize target) {
    int unpadded = (int) target.unpadded().bytes();
    byte[] in = new byte[unpadded];
    if (current != null) {
      System.arraycopy(current, 0, in, 0, currentLength);
    }
    byte[] padded = new byte[(int) target.bytes()];
    Fr32.pad(in, 0, padded, 0, unpadded / Fr32.UNPADDED_BLOCK);
    new NodeHasher().rootInPlace(padded, padded.length);
    return Arrays.copyOf(padded, 32);
  }

  private byte[] takeBuffer() {
    byte[] b = freeBuffers.poll();
    if (b != null) {
      return b;
    }
    if (allocatedBuffers < maxBuffers) {
      allocatedBuffers++;
      return new byte[CHUNK_UNPADDED];
    }
    try {
      return freeBuffers.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PieceException("interrupted while waiting for a commP worker", e);
    }
  }

  private void submitCurrent() {
    byte[] chunk = current;
    current = null;
    currentLength = 0;
    inFlight.add(pool.submit(() -> hashChunk(chunk)));
    while (!inFlight.isEmpty() && (inFlight.peek().isDone() || inFlight.size() > maxInFlight)) {
      stack.add(await(inFlight.poll()), CHUNK_LEVEL);
    }
  }

  /**
   * Works tile by tile so that everything a worker touches besides the chunk stays in L1: each tile of {@link
   * #TILE_BLOCKS} Fr32 blocks is padded into an 8 KiB scratch and reduced there to its root; the chunk's tile roots
   * are then reduced to the chunk root. The padded chunk is never materialised.
   */
  private byte[] hashChunk(byte[] chunk) {
    Worker w = WORKER.get();
    byte[] tile = w.tile;
    byte[] roots = w.roots;
    for (int in = 0, out = 0; in < CHUNK_UNPADDED; in += TILE_UNPADDED, out += 32) {
      Fr32.pad(chunk, in, tile, 0, TILE_BLOCKS);
      w.hasher.rootInPlace(tile, TILE_PADDED);
      System.arraycopy(tile, 0, roots, out, 32);
    }
    freeBuffers.add(chunk);
    w.hasher.rootInPlace(roots, roots.length);
    return Arrays.copyOf(roots, 32);
  }

  private void drainAll() {
    while (!inFlight.isEmpty()) {
      stack.add(await(inFlight.poll()), CHUNK_LEVEL);
    }
  }

  private static byte[] await(Future<byte[]> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PieceException("interrupted while waiting for a commP worker", e);
    } catch (ExecutionException e) {
      throw new PieceException("commP worker failed: " + e.getCause(), e.getCause());
    }
  }

  /** Per-thread state of a pool worker: reused for every chunk it hashes. */
  private static final class Worker {
    final byte[] tile = new byte[TILE_PADDED];
    final byte[] roots = new byte[CHUNK_PADDED / TILE_PADDED * 32];
    final NodeHasher hasher = new NodeHasher();
  }

  private static final class WorkerThreadFactory implements ThreadFactory {
    private final AtomicInteger n = new AtomicInteger();

    @Override
    public Thread newThread(Runnable r) {
      Thread t = new Thread(r, "commp-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    }
  }
}
