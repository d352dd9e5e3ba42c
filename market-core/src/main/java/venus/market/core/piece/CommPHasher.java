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
 * {@link #CHUNK_PADDED}-byte subtree. The writer thread Fr32-pads what it is given straight into a chunk buffer (the
 * copy it has to make anyway, since the caller may reuse its array); worker threads hash whole padded chunks to
 * their subtree roots in parallel; the writer merges the roots in order. Memory stays constant: a fixed number of
 * chunk buffers circulate (writers block when all are in flight) and each worker owns a 2 KiB array of tile roots and
 * one {@link NodeHasher}.
 *
 * <p>Not thread-safe: one writer per instance. {@link #digest()} ends the stream.
 */
public final class CommPHasher extends OutputStream {

  /** Padded size of one parallel work unit; 512 KiB stays inside a core's L2 cache while it is hashed. */
  public static final int CHUNK_PADDED = 1 << 19;
  public static final int CHUNK_UNPADDED = CHUNK_PADDED / Fr32.PADDED_BLOCK * Fr32.UNPADDED_BLOCK;
  private static final int CHUNK_LEVEL = Integer.numberOfTrailingZeros(CHUNK_PADDED) - 5;
  /** Fr32 blocks per tile: 8 KiB padded, hashed to its root while it sits in L1. */
  private static final int TILE_PADDED = 64 * Fr32.PADDED_BLOCK;
  private static final int CHUNK_BLOCKS = CHUNK_PADDED / Fr32.PADDED_BLOCK;

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
  /** The padded chunk being filled, and how many whole Fr32 blocks it holds. */
  private byte[] current;
  private int currentBlocks;
  /** Payload bytes of an Fr32 block not yet complete (writes need not be multiples of 127 bytes). */
  private final byte[] carry = new byte[Fr32.UNPADDED_BLOCK];
  private int carryLength;
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

  /**
   * How this JVM computes tree nodes: the SHA-256 compression intrinsic, or MessageDigest with the reason the fast
   * path is off (for start-up logs and benchmark reports).
   */
  public static String nodeEngine() {
    return NodeLanes.describe();
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
    total += len;
    while (len > 0) {
      if (current == null) {
        current = takeBuffer();
      }
      if (carryLength > 0 || len < Fr32.UNPADDED_BLOCK) {
        int n = Math.min(len, Fr32.UNPADDED_BLOCK - carryLength);
        System.arraycopy(b, off, carry, carryLength, n);
        carryLength += n;
        off += n;
        len -= n;
        if (carryLength == Fr32.UNPADDED_BLOCK) {
          carryLength = 0;
          padInto(carry, 0, 1);
        }
      } else {
        int blocks = Math.min(len / Fr32.UNPADDED_BLOCK, CHUNK_BLOCKS - currentBlocks);
        padInto(b, off, blocks);
        off += blocks * Fr32.UNPADDED_BLOCK;
        len -= blocks * Fr32.UNPADDED_BLOCK;
      }
    }
  }

  /** Pads whole blocks into the current chunk, which has room for them, and hands the chunk off when it is full. */
  private void padInto(byte[] b, int off, int blocks) {
    Fr32.pad(b, off, current, currentBlocks * Fr32.PADDED_BLOCK, blocks);
    currentBlocks += blocks;
    if (currentBlocks == CHUNK_BLOCKS) {
      submitCurrent();
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
    if (current != null) {
      padCarry();
      // Fr32 of zeros is zeros; buffers are reused, so the tail must be cleared.
      Arrays.fill(current, currentBlocks * Fr32.PADDED_BLOCK, CHUNK_PADDED, (byte) 0);
      currentBlocks = CHUNK_BLOCKS;
      submitCurrent();
    }
    drainAll();
    return new PieceCommitment(stack.finishAt(target.treeHeight()), target);
  }

  /** A piece smaller than one chunk: all data is in {@code current} and {@code carry}; hash it here. */
  private byte[] smallRoot(PaddedPieceSize target) {
    byte[] padded = new byte[(int) target.bytes()];
    if (current != null) {
      padCarry();
      System.arraycopy(current, 0, padded, 0, currentBlocks * Fr32.PADDED_BLOCK);
    }
    new NodeHasher().rootInPlace(padded, padded.length);
    return Arrays.copyOf(padded, 32);
  }

  /** Zero-fills a partial last block and pads it into the current chunk (which has room: it is not full). */
  private void padCarry() {
    if (carryLength > 0) {
      Arrays.fill(carry, carryLength, Fr32.UNPADDED_BLOCK, (byte) 0);
      carryLength = 0;
      Fr32.pad(carry, 0, current, currentBlocks * Fr32.PADDED_BLOCK, 1);
      currentBlocks++;
    }
  }

  private byte[] takeBuffer() {
    byte[] b = freeBuffers.poll();
    if (b != null) {
      return b;
    }
    if (allocatedBuffers < maxBuffers) {
      allocatedBuffers++;
      return new byte[CHUNK_PADDED];
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
    currentBlocks = 0;
    inFlight.add(pool.submit(() -> hashChunk(chunk)));
    while (!inFlight.isEmpty() && (inFlight.peek().isDone() || inFlight.size() > maxInFlight)) {
      stack.add(await(inFlight.poll()), CHUNK_LEVEL);
    }
  }

  /**
   * Works tile by tile so that a tile's upper levels are hashed while it sits in L1: each 8 KiB tile of the padded
   * chunk is reduced in place to its root; the chunk's tile roots are then reduced to the chunk root.
   */
  private byte[] hashChunk(byte[] chunk) {
    Worker w = WORKER.get();
    byte[] roots = w.roots;
    for (int tile = 0, out = 0; tile < CHUNK_PADDED; tile += TILE_PADDED, out += 32) {
      w.hasher.rootInPlace(chunk, tile, TILE_PADDED);
      System.arraycopy(chunk, tile, roots, out, 32);
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
