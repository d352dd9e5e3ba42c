package venus.market.core.piece;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * Piece-tree nodes straight on the JDK's SHA-256 block function, the fast path of commP.
 *
 * <p>Why reach into {@code sun.security.provider}: a node is SHA-256 of exactly 64 bytes, i.e. the data block and a
 * constant padding block, and through {@link MessageDigest} each node also pays for buffering, finalisation and a
 * reset (about a quarter of the node's time on a SHA-NI machine). {@code SHA2.implCompress} is the method HotSpot
 * replaces with its SHA-NI stub; calling it on our own {@code SHA2.SHA256} instance, with its state set to the IV
 * before the data block and read back after the padding block, leaves only the two compressions. Working on
 * {@value #LANES} independent nodes at once lets the CPU overlap their SHA-NI dependency chains, which one long
 * message (the bulk limit market-bench measures) cannot do.
 *
 * <p>This needs {@code --add-opens java.base/sun.security.provider=ALL-UNNAMED} (the launchers, surefire and the
 * benchmarks pass it). Without it, or on a JDK whose internals differ, or if the self-test against MessageDigest at
 * class initialisation fails, {@link #AVAILABLE} is false and {@link DigestLanes} is used instead. Bounds stay
 * checked: {@code implCompress} checks its block offset before the stub runs, and the output writes are ordinary
 * checked array accesses.
 */
final class CompressLanes implements NodeLanes {

  static final int LANES = 4;

  private static final int[] IV = {
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19
  };
  /** The second block of every 64-byte message: 0x80, zeros, then the bit length 512 big-endian. */
  private static final byte[] PAD_BLOCK = new byte[64];

  static {
    PAD_BLOCK[0] = (byte) 0x80;
    PAD_BLOCK[62] = 0x02;
  }

  private static final VarHandle INT_BE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
  /** Last state word with the two top bits of the digest's last byte cleared (trunc254). */
  private static final int TRUNC_LAST = 0xffffff3f;

  /** {@code new SHA2.SHA256()} as {@code () -> Object}; null when unavailable. */
  private static final MethodHandle NEW_SHA256;
  /** {@code SHA2.implCompress(byte[], int)} as {@code (Object, byte[], int) -> void}; null when unavailable. */
  private static final MethodHandle COMPRESS;
  /** {@code SHA2.state}; null when unavailable. */
  private static final VarHandle STATE;
  static final boolean AVAILABLE;
  /** Why {@link #AVAILABLE} is false; null when it is true. */
  static final String UNAVAILABLE_REASON;

  static {
    MethodHandle create = null;
    MethodHandle compress = null;
    VarHandle state = null;
    String reason = null;
    try {
      Class<?> sha2 = Class.forName("sun.security.provider.SHA2");
      Class<?> sha256 = Class.forName("sun.security.provider.SHA2$SHA256");
      MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(sha2, MethodHandles.lookup());
      create = MethodHandles.privateLookupIn(sha256, MethodHandles.lookup())
          .findConstructor(sha256, MethodType.methodType(void.class))
          .asType(MethodType.methodType(Object.class));
      compress = lookup.findVirtual(sha2, "implCompress", MethodType.methodType(void.class, byte[].class, int.class))
          .asType(MethodType.methodType(void.class, Object.class, byte[].class, int.class));
      state = lookup.findVarHandle(sha2, "state", int[].class);
    } catch (ReflectiveOperationException | RuntimeException e) {
      reason = "JDK SHA-256 internals not reachable: run with --add-opens java.base/sun.security.provider=ALL-UNNAMED ("
          + e.getClass().getSimpleName() + ")";
      create = null;
      compress = null;
      state = null;
    }
    NEW_SHA256 = create;
    COMPRESS = compress;
    STATE = state;
    if (reason == null) {
      reason = selfTest();
    }
    AVAILABLE = reason == null;
    UNAVAILABLE_REASON = reason;
  }

  /** Null when this path hashes like MessageDigest on a spread of inputs, else what went wrong. */
  private static String selfTest() {
    try {
      byte[] pairs = new byte[64 * 9];
      for (int i = 0; i < pairs.length; i++) {
        pairs[i] = (byte) (i * 131 + (i >>> 6) * 7);
      }
      Arrays.fill(pairs, 0, 64, (byte) 0);
      byte[] ours = new byte[32 * 9];
      new CompressLanes().nodes(pairs, 0, ours, 0, 9);
      byte[] theirs = new byte[32 * 9];
      new DigestLanes().nodes(pairs, 0, theirs, 0, 9);
      return Arrays.equals(ours, theirs) ? null : "JDK SHA-256 internals differ from what this code expects";
    } catch (RuntimeException | Error e) {
      return "JDK SHA-256 internals differ from what this code expects (" + e + ")";
    }
  }

  private final Object d0;
  private final Object d1;
  private final Object d2;
  private final Object d3;
  private final int[] s0;
  private final int[] s1;
  private final int[] s2;
  private final int[] s3;

  CompressLanes() {
    d0 = newSha256();
    d1 = newSha256();
    d2 = newSha256();
    d3 = newSha256();
    // SHA2 keeps one state array for its lifetime (reset copies into it), so holding the reference is safe.
    s0 = (int[]) STATE.get(d0);
    s1 = (int[]) STATE.get(d1);
    s2 = (int[]) STATE.get(d2);
    s3 = (int[]) STATE.get(d3);
  }

  private static Object newSha256() {
    try {
      return (Object) NEW_SHA256.invokeExact();
    } catch (Throwable t) {
      throw new IllegalStateException("cannot create the JDK's SHA-256 engine", t);
    }
  }

  @Override
  public void nodes(byte[] src, int srcOff, byte[] dst, int dstOff, int count) {
    NodeLanes.checkRange(src, srcOff, dst, dstOff, count);
    try {
      int i = 0;
      int in = srcOff;
      int out = dstOff;
      for (; i + LANES <= count; i += LANES, in += 64 * LANES, out += 32 * LANES) {
        System.arraycopy(IV, 0, s0, 0, 8);
        System.arraycopy(IV, 0, s1, 0, 8);
        System.arraycopy(IV, 0, s2, 0, 8);
        System.arraycopy(IV, 0, s3, 0, 8);
        COMPRESS.invokeExact(d0, src, in);
        COMPRESS.invokeExact(d1, src, in + 64);
        COMPRESS.invokeExact(d2, src, in + 128);
        COMPRESS.invokeExact(d3, src, in + 192);
        COMPRESS.invokeExact(d0, PAD_BLOCK, 0);
        COMPRESS.invokeExact(d1, PAD_BLOCK, 0);
        COMPRESS.invokeExact(d2, PAD_BLOCK, 0);
        COMPRESS.invokeExact(d3, PAD_BLOCK, 0);
        store(s0, dst, out);
        store(s1, dst, out + 32);
        store(s2, dst, out + 64);
        store(s3, dst, out + 96);
      }
      for (; i < count; i++, in += 64, out += 32) {
        System.arraycopy(IV, 0, s0, 0, 8);
        COMPRESS.invokeExact(d0, src, in);
        COMPRESS.invokeExact(d0, PAD_BLOCK, 0);
        store(s0, dst, out);
      }
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException("SHA-256 compression failed", t);
    }
  }

  private static void store(int[] s, byte[] dst, int off) {
    INT_BE.set(dst, off, s[0]);
    INT_BE.set(dst, off + 4, s[1]);
    INT_BE.set(dst, off + 8, s[2]);
    INT_BE.set(dst, off + 12, s[3]);
    INT_BE.set(dst, off + 16, s[4]);
    INT_BE.set(dst, off + 20, s[5]);
    INT_BE.set(dst, off + 24, s[6]);
    INT_BE.set(dst, off + 28, s[7] & TRUNC_LAST);
  }
}
