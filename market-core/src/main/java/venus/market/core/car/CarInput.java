package venus.market.core.car;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Reads a CAR stream while tracking the absolute byte offset, so that every error can say where it happened.
 * Optionally limited to a number of bytes (the inner CARv1 of a CARv2).
 */
final class CarInput {

  private final InputStream in;
  private long offset;
  private long limit;

  CarInput(InputStream in, long startOffset) {
    this.in = in;
    this.offset = startOffset;
    this.limit = Long.MAX_VALUE;
  }

  long offset() {
    return offset;
  }

  /** Reading stops (as at end of stream) once the absolute offset reaches {@code end}. */
  void limitTo(long end) {
    this.limit = end;
  }

  void clearLimit() {
    this.limit = Long.MAX_VALUE;
  }

  boolean atLimit() {
    return offset >= limit;
  }

  /** One byte, or -1 at the end of the stream or limit. */
  int read() {
    if (offset >= limit) {
      return -1;
    }
    try {
      int b = in.read();
      if (b >= 0) {
        offset++;
      }
      return b;
    } catch (IOException e) {
      throw new UncheckedIOException("reading CAR at offset " + offset, e);
    }
  }

  /** Exactly {@code n} bytes, else a {@link TruncatedCarException} naming {@code what}. */
  byte[] readFully(int n, String what) {
    byte[] b = new byte[n];
    long start = offset;
    int got = readUpTo(b, n);
    if (got < n) {
      throw new TruncatedCarException("truncated CAR: " + what + " at offset " + start + " needs " + n
          + " bytes, only " + got + " present");
    }
    return b;
  }

  private int readUpTo(byte[] b, int n) {
    int got = 0;
    try {
      while (got < n) {
        int want = (int) Math.min(n - got, limit - offset);
        if (want <= 0) {
          break;
        }
        int r = in.read(b, got, want);
        if (r < 0) {
          break;
        }
        got += r;
        offset += r;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading CAR at offset " + offset, e);
    }
    return got;
  }

  /** Skips forward to absolute {@code target}. */
  void skipTo(long target, String what) {
    if (target < offset) {
      throw new CarException(what + " at offset " + target + " lies before the current read position " + offset);
    }
    try {
      in.skipNBytes(target - offset);
      offset = target;
    } catch (EOFException e) {
      throw new TruncatedCarException("truncated CAR: " + what + " at offset " + target + " is past the end");
    } catch (IOException e) {
      throw new UncheckedIOException("reading CAR at offset " + offset, e);
    }
  }

  /**
   * An unsigned LEB128 varint as go-varint reads it (at most 9 bytes, minimally encoded), or -1 on a clean end of
   * stream before its first byte.
   */
  long readUvarintOrEnd(String what) {
    long start = offset;
    long value = 0;
    for (int i = 0; ; i++) {
      int b = read();
      if (b < 0) {
        if (i == 0) {
          return -1;
        }
        throw new TruncatedCarException("truncated CAR: " + what + " varint at offset " + start + " is cut off");
      }
      if (i == 8 && (b & 0x80) != 0) {
        throw new CarException("invalid " + what + " varint at offset " + start + ": longer than 9 bytes");
      }
      value |= (long) (b & 0x7f) << (7 * i);
      if ((b & 0x80) == 0) {
        if (b == 0 && i > 0) {
          throw new CarException("invalid " + what + " varint at offset " + start + ": not minimally encoded");
        }
        return value;
      }
    }
  }

  long readUvarint(String what) {
    long start = offset;
    long v = readUvarintOrEnd(what);
    if (v < 0) {
      throw new TruncatedCarException("truncated CAR: expected " + what + " at offset " + start);
    }
    return v;
  }

  long readUint64Le(String what) {
    byte[] b = readFully(8, what);
    long v = 0;
    for (int i = 7; i >= 0; i--) {
      v = (v << 8) | (b[i] & 0xff);
    }
    return v;
  }

  int readInt32Le(String what) {
    byte[] b = readFully(4, what);
    return (b[0] & 0xff) | (b[1] & 0xff) << 8 | (b[2] & 0xff) << 16 | (b[3] & 0xff) << 24;
  }
}
