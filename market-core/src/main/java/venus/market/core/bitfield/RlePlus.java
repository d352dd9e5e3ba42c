package venus.market.core.bitfield;

import java.util.Arrays;

/**
 * RLE+ (version 0) as go-bitfield and fvm_ipld_bitfield define it (wire.md §2.3). The bit stream is LSB-first within
 * each byte: 2 version bits (0), the value of the first run, then alternating runs encoded as {@code 1} (length 1),
 * {@code 01}+4 bits (2..15) or {@code 00}+varint bytes (≥ 16). The final zero run is omitted and trailing zero
 * bytes are trimmed, so the empty set is zero bytes.
 *
 * <p>Decoding accepts only that minimal form, like the Rust actors (go-bitfield is laxer about short runs written in
 * a longer form): non-minimal run lengths, zero-length runs, a trailing zero run, trailing zero bytes and lengths
 * beyond 2^63 bits are all rejected with a {@link BitfieldException}.
 */
public final class RlePlus {

  private RlePlus() {}

  public static byte[] encode(BitField field) {
    long[] bounds = field.bounds();
    if (bounds.length == 0) {
      return new byte[0];
    }
    BitWriter out = new BitWriter();
    out.write(0, 2);
    boolean startsWithOne = bounds[0] == 0;
    out.write(startsWithOne ? 1 : 0, 1);
    long previous = 0;
    for (int i = startsWithOne ? 1 : 0; i < bounds.length; i++) {
      writeRun(out, bounds[i] - previous);
      previous = bounds[i];
    }
    return out.toTrimmedBytes();
  }

  public static BitField decode(byte[] bytes) {
    if (bytes.length == 0) {
      return BitField.empty();
    }
    if (bytes[bytes.length - 1] == 0) {
      throw new BitfieldException("not minimally encoded: trailing zero byte");
    }
    BitReader in = new BitReader(bytes);
    if (in.read(2) != 0) {
      throw new BitfieldException("unsupported RLE+ version " + (bytes[0] & 3) + " (expected 0)");
    }
    boolean value = in.read(1) == 1;
    BitField.Builder builder = new BitField.Builder();
    long position = 0;
    boolean sawRun = false;
    while (in.hasOneBitsLeft()) {
      long runStartBit = in.position();
      long length = readRun(in, runStartBit);
      if (length > Long.MAX_VALUE - position) {
        throw new BitfieldException("bitfield longer than 2^63 bits (run at bit " + runStartBit + ")");
      }
      if (value) {
        builder.add(position, position + length);
      }
      position += length;
      value = !value;
      sawRun = true;
    }
    if (!sawRun || value) {
      // the last run read was a run of zeros (or there was no run at all): the encoder never writes that
      throw new BitfieldException("not minimally encoded: " + (sawRun ? "ends with a run of zeros" : "no runs"));
    }
    return builder.build();
  }

  private static void writeRun(BitWriter out, long length) {
    if (length == 1) {
      out.write(1, 1);
    } else if (length < 16) {
      out.write(0b10, 2); // stream order: 0 then 1
      out.write(length, 4);
    } else {
      out.write(0, 2);
      long v = length;
      while (v >= 0x80) {
        out.write((v & 0x7f) | 0x80, 8);
        v >>>= 7;
      }
      out.write(v, 8);
    }
  }

  private static long readRun(BitReader in, long at) {
    if (in.read(1) == 1) {
      return 1;
    }
    if (in.read(1) == 1) {
      long length = in.read(4);
      if (length < 2) {
        throw new BitfieldException("not minimally encoded: short run of length " + length + " at bit " + at);
      }
      return length;
    }
    long length = 0;
    for (int i = 0; ; i++) {
      long b = in.read(8);
      if (i == 9 && b > 1 || i > 9) {
        throw new BitfieldException("run length varint overflows 64 bits at bit " + at);
      }
      if (b == 0 && i > 0) {
        throw new BitfieldException("not minimally encoded: run length varint with a trailing zero byte at bit " + at);
      }
      length |= (b & 0x7f) << (7 * i);
      if (b < 0x80) {
        break;
      }
    }
    if (Long.compareUnsigned(length, 16) < 0) {
      throw new BitfieldException("not minimally encoded: run of " + length + " written as a varint at bit " + at);
    }
    if (length < 0) {
      throw new BitfieldException("bitfield longer than 2^63 bits (run at bit " + at + ")");
    }
    return length;
  }

  /** LSB-first bit writer. */
  private static final class BitWriter {
    private byte[] buf = new byte[16];
    private long bits;

    void write(long value, int count) {
      for (int i = 0; i < count; i++) {
        int index = (int) (bits >>> 3);
        if (index == buf.length) {
          buf = Arrays.copyOf(buf, buf.length * 2);
        }
        if (((value >>> i) & 1) != 0) {
          buf[index] |= (byte) (1 << (bits & 7));
        }
        bits++;
      }
    }

    byte[] toTrimmedBytes() {
      int n = (int) ((bits + 7) >>> 3);
      while (n > 0 && buf[n - 1] == 0) {
        n--;
      }
      return Arrays.copyOf(buf, n);
    }
  }

  /** LSB-first bit reader; bits past the end read as zero, as in go-bitfield. */
  private static final class BitReader {
    private final byte[] buf;
    private final long lastOneBit;
    private long position;

    BitReader(byte[] buf) {
      this.buf = buf;
      int last = buf[buf.length - 1] & 0xff; // non-zero, checked by the caller
      this.lastOneBit = (buf.length - 1) * 8L + (31 - Integer.numberOfLeadingZeros(last));
    }

    long position() {
      return position;
    }

    boolean hasOneBitsLeft() {
      return position <= lastOneBit;
    }

    long read(int count) {
      long v = 0;
      for (int i = 0; i < count; i++, position++) {
        long index = position >>> 3;
        if (index < buf.length && ((buf[(int) index] >>> (position & 7)) & 1) != 0) {
          v |= 1L << i;
        }
      }
      return v;
    }
  }
}
