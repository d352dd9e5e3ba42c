package venus.market.core.piece;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The piece tree's node function, SHA-256 with the two top bits of the result cleared ("trunc254"). One instance
 * per thread: it reuses its MessageDigests and writes digests straight into the caller's buffer, so hashing allocates
 * nothing.
 *
 * <p>Nodes of one level are independent, so {@link #nodes} hashes them {@value #LANES} at a time on {@value #LANES}
 * MessageDigests: all updates first, then all digests. Each node is two dependent SHA-256 compressions (data block,
 * then padding block), and one compression is a long chain of dependent SHA-NI rounds; issuing four independent
 * chains back to back lets the CPU overlap them with each other and with MessageDigest's per-call bookkeeping,
 * instead of running one chain, then the bookkeeping, then the next chain (measured: 4-6 % fewer CPU-ns per node on
 * the SHA-NI machine of market-bench/README.md).
 */
final class NodeHasher {

  static final int LANES = 4;

  private final MessageDigest m0 = sha256();
  private final MessageDigest m1 = sha256();
  private final MessageDigest m2 = sha256();
  private final MessageDigest m3 = sha256();

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
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
   * in-place level reduction needs: a group's four inputs are consumed by the updates before its digests write, and
   * those writes land at or below the group's own input.
   */
  void nodes(byte[] src, int srcOff, byte[] dst, int dstOff, int count) {
    MessageDigest a = m0;
    MessageDigest b = m1;
    MessageDigest c = m2;
    MessageDigest d = m3;
    try {
      int i = 0;
      int in = srcOff;
      int out = dstOff;
      for (; i + LANES <= count; i += LANES, in += 64 * LANES, out += 32 * LANES) {
        a.update(src, in, 64);
        b.update(src, in + 64, 64);
        c.update(src, in + 128, 64);
        d.update(src, in + 192, 64);
        a.digest(dst, out, 32);
        b.digest(dst, out + 32, 32);
        c.digest(dst, out + 64, 32);
        d.digest(dst, out + 96, 32);
        dst[out + 31] &= 0x3f;
        dst[out + 63] &= 0x3f;
        dst[out + 95] &= 0x3f;
        dst[out + 127] &= 0x3f;
      }
      for (; i < count; i++, in += 64, out += 32) {
        a.update(src, in, 64);
        a.digest(dst, out, 32);
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
    rootInPlace(buf, 0, length);
  }

  /** As {@link #rootInPlace(byte[], int)} for the {@code length} bytes at {@code buf[off..]}; the root lands at off. */
  void rootInPlace(byte[] buf, int off, int length) {
    for (int n = length; n > 32; n >>>= 1) {
      nodes(buf, off, buf, off, n / 64);
    }
  }
}
