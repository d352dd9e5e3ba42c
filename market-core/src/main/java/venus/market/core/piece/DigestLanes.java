package venus.market.core.piece;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Piece-tree nodes through the public {@link MessageDigest} API: the portable path, used when the JVM does not open
 * the JDK's SHA-256 internals to us (see {@link CompressLanes}).
 *
 * <p>Nodes of one level are independent, so they are hashed {@value #LANES} at a time on {@value #LANES}
 * MessageDigests: all updates first, then all digests. Each node is two dependent SHA-256 compressions (data block,
 * then padding block), and one compression is a long chain of dependent SHA-NI rounds; issuing four independent
 * chains back to back lets the CPU overlap them with each other and with MessageDigest's per-call bookkeeping
 * (measured: 4-6 % fewer CPU-ns per node on the SHA-NI machine of market-bench/README.md).
 */
final class DigestLanes implements NodeLanes {

  static final int LANES = 4;

  private final MessageDigest m0 = sha256();
  private final MessageDigest m1 = sha256();
  private final MessageDigest m2 = sha256();
  private final MessageDigest m3 = sha256();

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK provides SHA-256", e);
    }
  }

  @Override
  public void nodes(byte[] src, int srcOff, byte[] dst, int dstOff, int count) {
    NodeLanes.checkRange(src, srcOff, dst, dstOff, count);
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
}
