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
    sha256.update(src, srcOff, 64);
    try {
      sha256.digest(dst, dstOff, 32);
    } catch (DigestException e) {
      throw new IllegalStateException("SHA-256 digest into a 32-byte slot failed", e);
    }
    dst[dstOff + 31] &= 0x3f;
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
      for (int in = 0, out = 0; in < n; in += 64, out += 32) {
        node(buf, in, buf, out);
      }
    }
  }
}
