package venus.market.core.piece;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Fr32 padding: every 127 input bytes become 128 output bytes made of four 254-bit little-endian field elements,
 * each stored in 32 bytes with its two top bits zero, so every 32-byte leaf is a valid BLS12-381 scalar.
 *
 * <p>The input is read as one 1016-bit little-endian bit string. Element k holds input bits 254k..254k+253, i.e. the
 * input from byte 0, 31, 63 and 95 shifted right by 0, 6, 4 and 2 bits. Done with 64-bit little-endian words because
 * this runs over every byte of every piece.
 */
public final class Fr32 {

  public static final int UNPADDED_BLOCK = 127;
  public static final int PADDED_BLOCK = 128;

  private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  /** Clears bits 254 and 255 of an element (the top two bits of its last byte). */
  private static final long TOP_CLEAR = 0x3FFF_FFFF_FFFF_FFFFL;

  private Fr32() {
  }

  /** Pads {@code blocks} whole 127-byte blocks from {@code in[inOff..]} into 128-byte blocks at {@code out[outOff..]}. */
  public static void pad(byte[] in, int inOff, byte[] out, int outOff, int blocks) {
    if (blocks < 0 || inOff < 0 || outOff < 0
        || (long) inOff + (long) blocks * UNPADDED_BLOCK > in.length
        || (long) outOff + (long) blocks * PADDED_BLOCK > out.length) {
      throw new IndexOutOfBoundsException("fr32 pad of " + blocks + " blocks does not fit the buffers");
    }
    for (int b = 0; b < blocks; b++) {
      padBlock(in, inOff + b * UNPADDED_BLOCK, out, outOff + b * PADDED_BLOCK);
    }
  }

  private static void padBlock(byte[] in, int i, byte[] out, int o) {
    put(out, o, get(in, i));
    put(out, o + 8, get(in, i + 8));
    put(out, o + 16, get(in, i + 16));
    put(out, o + 24, get(in, i + 24) & TOP_CLEAR);
    shifted(in, i + 31, 6, in[i + 63] & 0xffL, out, o + 32);
    shifted(in, i + 63, 4, in[i + 95] & 0xffL, out, o + 64);
    // The last element's top two bits would come from beyond the block; they are cleared anyway.
    shifted(in, i + 95, 2, 0L, out, o + 96);
  }

  private static void shifted(byte[] in, int b, int s, long next, byte[] out, int o) {
    long w0 = get(in, b);
    long w1 = get(in, b + 8);
    long w2 = get(in, b + 16);
    long w3 = get(in, b + 24);
    int r = 64 - s;
    put(out, o, (w0 >>> s) | (w1 << r));
    put(out, o + 8, (w1 >>> s) | (w2 << r));
    put(out, o + 16, (w2 >>> s) | (w3 << r));
    put(out, o + 24, ((w3 >>> s) | (next << r)) & TOP_CLEAR);
  }

  private static long get(byte[] a, int i) {
    return (long) LONG_LE.get(a, i);
  }

  private static void put(byte[] a, int i, long v) {
    LONG_LE.set(a, i, v);
  }
}
