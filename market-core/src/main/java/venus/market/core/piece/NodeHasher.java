package venus.market.core.piece;

/**
 * The piece tree's node function, SHA-256 with the two top bits of the result cleared ("trunc254"). One instance
 * per thread: it reuses its hashing engines ({@link NodeLanes#best()}) and writes digests straight into the caller's
 * buffer, so hashing allocates nothing.
 */
final class NodeHasher {

  private final NodeLanes lanes = NodeLanes.best();

  /** Hashes the 64 bytes at {@code src[srcOff..]} into 32 bytes at {@code dst[dstOff..]}; may overlap the input. */
  void node(byte[] src, int srcOff, byte[] dst, int dstOff) {
    lanes.nodes(src, srcOff, dst, dstOff, 1);
  }

  /** As {@link NodeLanes#nodes}: {@code count} pairs at {@code src[srcOff..]} to nodes at {@code dst[dstOff..]}. */
  void nodes(byte[] src, int srcOff, byte[] dst, int dstOff, int count) {
    lanes.nodes(src, srcOff, dst, dstOff, count);
  }

  byte[] node(byte[] left, byte[] right) {
    byte[] pair = new byte[64];
    System.arraycopy(left, 0, pair, 0, 32);
    System.arraycopy(right, 0, pair, 32, 32);
    node(pair, 0, pair, 0);
    byte[] out = new byte[32];
    System.arraycopy(pair, 0, out, 0, 32);
    return out;
  }

  /**
   * Reduces the {@code length} bytes (a power-of-two count of 32-byte leaves) at the start of {@code buf} to their
   * merkle root, in place: the root ends up in {@code buf[0..32)}. Each level overwrites the first half of the
   * previous one, which has already been read.
   */
  void rootInPlace(byte[] buf, int length) {
    rootInPlace(buf, 0, length);
  }

  /** As {@link #rootInPlace(byte[], int)} for the {@code length} bytes at {@code buf[off..]}; the root lands at off. */
  void rootInPlace(byte[] buf, int off, int length) {
    for (int n = length; n > 32; n >>>= 1) {
      nodes(buf, off, buf, off, n / 64);
    }
  }
}
