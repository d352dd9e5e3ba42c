package venus.market.core.unixfs;

import java.io.ByteArrayOutputStream;

/** The few protobuf wire primitives dag-pb and UnixFS need: varints and length-delimited fields. */
final class Protobuf {

  static final int VARINT = 0;
  static final int LENGTH_DELIMITED = 2;

  private Protobuf() {
  }

  static void tag(ByteArrayOutputStream out, int field, int wireType) {
    varint(out, (long) field << 3 | wireType);
  }

  static void varint(ByteArrayOutputStream out, long v) {
    while ((v & ~0x7fL) != 0) {
      out.write((int) (v & 0x7f) | 0x80);
      v >>>= 7;
    }
    out.write((int) v);
  }

  static void bytes(ByteArrayOutputStream out, int field, byte[] b) {
    tag(out, field, LENGTH_DELIMITED);
    varint(out, b.length);
    out.writeBytes(b);
  }

  static int varintSize(long v) {
    int n = 1;
    while ((v & ~0x7fL) != 0) {
      n++;
      v >>>= 7;
    }
    return n;
  }

  /** A bounded cursor over one protobuf message; every read checks the remaining length. */
  static final class Reader {
    private final byte[] buf;
    private int pos;
    private final int end;
    private final String what;

    Reader(byte[] buf, int from, int to, String what) {
      this.buf = buf;
      this.pos = from;
      this.end = to;
      this.what = what;
    }

    boolean hasMore() {
      return pos < end;
    }

    int position() {
      return pos;
    }

    long varint() {
      long v = 0;
      int start = pos;
      for (int shift = 0; shift < 64; shift += 7) {
        if (pos >= end) {
          throw new UnixFsException(what + ": truncated varint at byte " + start);
        }
        int b = buf[pos++] & 0xff;
        if (shift == 63 && b > 1) {
          throw new UnixFsException(what + ": varint at byte " + start + " overflows 64 bits");
        }
        v |= (long) (b & 0x7f) << shift;
        if ((b & 0x80) == 0) {
          return v;
        }
      }
      throw new UnixFsException(what + ": varint at byte " + start + " is longer than 10 bytes");
    }

    /** Reads a length prefix and returns the start of the field's bytes; the cursor moves past them. */
    int lengthDelimited() {
      int start = pos;
      long len = varint();
      if (len < 0 || len > end - pos) {
        throw new UnixFsException(what + ": field at byte " + start + " declares " + Long.toUnsignedString(len)
            + " bytes, only " + (end - pos) + " remain");
      }
      int from = pos;
      pos += (int) len;
      return from;
    }

    byte[] slice(int from) {
      byte[] b = new byte[pos - from];
      System.arraycopy(buf, from, b, 0, b.length);
      return b;
    }
  }
}
