package venus.market.core.multiformats;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.OptionalLong;

/**
 * Unsigned LEB128 varint as the multiformats spec (and go-varint) defines it: at most 9 bytes, so at most 63 bits;
 * the shortest encoding only (a final 0x00 byte after the first is rejected), so every value has one encoding.
 */
public final class Varint {

  /** The longest legal encoding, in bytes. */
  public static final int MAX_BYTES = 9;

  private Varint() {}

  /** A decoded value and how many bytes it took. */
  public record Decoded(long value, int length) {}

  /** Number of bytes {@code value} encodes to. */
  public static int size(long value) {
    requireNonNegative(value);
    int n = 1;
    while ((value >>>= 7) != 0) {
      n++;
    }
    return n;
  }

  public static byte[] encode(long value) {
    byte[] out = new byte[size(value)];
    write(value, out, 0);
    return out;
  }

  /** Writes {@code value} at {@code offset}; returns the number of bytes written. */
  public static int write(long value, byte[] out, int offset) {
    requireNonNegative(value);
    int i = offset;
    while (value >= 0x80) {
      out[i++] = (byte) (value | 0x80);
      value >>>= 7;
    }
    out[i++] = (byte) value;
    return i - offset;
  }

  public static void write(long value, ByteBuffer out) {
    out.put(encode(value));
  }

  public static void write(long value, OutputStream out) throws IOException {
    out.write(encode(value));
  }

  /** Decodes the varint starting at {@code offset} of {@code in}. */
  public static Decoded decode(byte[] in, int offset) {
    long value = 0;
    for (int i = 0; i < MAX_BYTES; i++) {
      if (offset + i >= in.length) {
        throw new MultiformatsException("truncated varint at offset " + offset + ": input ends after " + i + " byte(s)");
      }
      int b = in[offset + i] & 0xff;
      value = accumulate(value, b, i, offset);
      if (b < 0x80) {
        return new Decoded(value, i + 1);
      }
    }
    throw overlong(offset);
  }

  /** Reads a varint at the buffer's position and advances past it. */
  public static long read(ByteBuffer in) {
    int start = in.position();
    long value = 0;
    for (int i = 0; i < MAX_BYTES; i++) {
      if (!in.hasRemaining()) {
        throw new MultiformatsException("truncated varint at offset " + start + ": input ends after " + i + " byte(s)");
      }
      int b = in.get() & 0xff;
      value = accumulate(value, b, i, start);
      if (b < 0x80) {
        return value;
      }
    }
    throw overlong(start);
  }

  /** Reads one varint; end of stream before its first byte is an error too (see {@link #readIfPresent}). */
  public static long read(InputStream in) throws IOException {
    OptionalLong v = readIfPresent(in);
    if (v.isEmpty()) {
      throw new MultiformatsException("expected a varint but the stream ended");
    }
    return v.getAsLong();
  }

  /** Reads one varint, or returns empty if the stream ends cleanly before its first byte. */
  public static OptionalLong readIfPresent(InputStream in) throws IOException {
    long value = 0;
    for (int i = 0; i < MAX_BYTES; i++) {
      int b = in.read();
      if (b < 0) {
        if (i == 0) {
          return OptionalLong.empty();
        }
        throw new MultiformatsException("truncated varint: stream ends after " + i + " byte(s)");
      }
      value = accumulate(value, b, i, -1);
      if (b < 0x80) {
        return OptionalLong.of(value);
      }
    }
    throw overlong(-1);
  }

  private static long accumulate(long value, int b, int index, int offset) {
    if (b == 0 && index > 0) {
      throw new MultiformatsException("non-minimal varint" + at(offset) + ": trailing zero byte");
    }
    return value | ((long) (b & 0x7f)) << (7 * index);
  }

  private static MultiformatsException overlong(int offset) {
    return new MultiformatsException("varint" + at(offset) + " is longer than " + MAX_BYTES + " bytes (over 63 bits)");
  }

  private static String at(int offset) {
    return offset < 0 ? "" : " at offset " + offset;
  }

  private static void requireNonNegative(long value) {
    if (value < 0) {
      throw new IllegalArgumentException("varint values are unsigned 63-bit; got " + value);
    }
  }
}
