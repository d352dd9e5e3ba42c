package venus.market.core.piece;

import java.util.Objects;

/**
 * A way to compute piece-tree nodes (SHA-256 of a 64-byte pair, two top bits of the result cleared) many at a time.
 * {@link #best()} picks the fastest this JVM allows; both give identical bytes.
 */
interface NodeLanes {

  /**
   * Hashes {@code count} consecutive 64-byte pairs at {@code src[srcOff..]} into consecutive 32-byte nodes at {@code
   * dst[dstOff..]}. The output may overlap the input as long as it does not run ahead of it (dstOff <= srcOff), as
   * in-place level reduction needs: a group's inputs are consumed before its outputs are written, and those writes
   * land at or below the group's own input.
   */
  void nodes(byte[] src, int srcOff, byte[] dst, int dstOff, int count);

  /** Both engines check the whole call up front, so a bad offset fails the same way before anything is written. */
  static void checkRange(byte[] src, int srcOff, byte[] dst, int dstOff, int count) {
    Objects.checkFromIndexSize(srcOff, 64L * count, src.length);
    Objects.checkFromIndexSize(dstOff, 32L * count, dst.length);
  }

  /** The compression intrinsic when the JVM lets us reach it, else MessageDigest. */
  static NodeLanes best() {
    return CompressLanes.AVAILABLE ? new CompressLanes() : new DigestLanes();
  }

  /** Which implementation {@link #best()} returns, for logs and benchmark reports. */
  static String describe() {
    return CompressLanes.AVAILABLE
        ? "SHA-256 compression intrinsic, " + CompressLanes.LANES + " lanes"
        : "MessageDigest, " + DigestLanes.LANES + " lanes (" + CompressLanes.UNAVAILABLE_REASON + ")";
  }
}
