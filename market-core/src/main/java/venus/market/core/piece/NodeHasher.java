package venus.market.core.piece;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The piece tree's node function, SHA-256 with the two top bits of the result cleared ("trunc254"). One instance
 * per thread: it reuses its MessageDigest and writes digests straight into the caller's buffer, so hashing allocates
 * nothing.
 */
final class NodeHasher {

  private final MessageDigest sha256;

  NodeHasher() {
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK provides SHA-256", e);
    }
  }

  /** Hashes the 64 bytes at {@code src[srcOff..]} into 32 bytes at {@code dst[dstOff..]}; may overlap the input. */
  void node(byte[] src, int srcOff, byte[] dst, int dstOff) {
    nodes(src, srcOff, dst, dstOff, 1);
  }

  /**
   * Hashes {@code count} consecutive 64-byte pairs at {@code src[srcOff..]} into consecutive 32-byte nodes at {@code
   * dst[dstOff..]}. The output may overlap the input as long as it does not run ahead of it (dstOff <= srcOff), as
   * in-place level reduction needs. One tight loop per level rather than one call per node: the per-node cost
   * around the SHA-256 intrinsic is what separates commP from the bulk SHA-256 limit.
   */
  void nodes(byte[] src, int srcOff, byte[] dst, int dstOff, int count) {
    MessageDigest md = sha256;
    try {
      for (int i = 0, in = srcOff, out = dstOff; i < count; i++, in += 64, out += 32) {
        md.update(src, in, 64);
        md.digest(dst, out, 32);
        dst[out + 31] &= 0x3f;
      }
    } catch (DigestException e) {
      throw new IllegalStateException("SHA-256 digest into a 32-byte slot failed", e);
    }
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
    for (int n = length; n > 32; n >>>= 1) {
      nodes(buf, 0, buf, 0, n / 64);
    }
  }
}
