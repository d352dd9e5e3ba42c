package venus.market.devnet.state;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import venus.market.devnet.DevnetException;

/**
 * The repo's private storage encoding of state records: big-endian fixed-width numbers and
 * length-prefixed byte strings. It is not a wire format (nothing outside this repo reads it), so it
 * stays this simple; every record starts with a version byte so it can evolve.
 */
public final class Bin {
  private Bin() {}

  /** Appends fields to a growing buffer. */
  public static final class Writer {
    private final ByteArrayOutputStream buf = new ByteArrayOutputStream();
    private final DataOutputStream out = new DataOutputStream(buf);

    public Writer u8(int v) {
      try {
        out.writeByte(v);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return this;
    }

    public Writer i64(long v) {
      try {
        out.writeLong(v);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return this;
    }

    public Writer bool(boolean v) {
      return u8(v ? 1 : 0);
    }

    /** Writes a nullable byte string (length -1 = null). */
    public Writer bytes(byte[] v) {
      try {
        if (v == null) {
          out.writeInt(-1);
        } else {
          out.writeInt(v.length);
          out.write(v);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return this;
    }

    public Writer big(BigInteger v) {
      return bytes(v.toByteArray());
    }

    public byte[] toBytes() {
      return buf.toByteArray();
    }
  }

  /** Reads fields in the order they were written; any inconsistency is a corrupt repo. */
  public static final class Reader {
    private final DataInputStream in;
    private final String what;
    private final int size;

    public Reader(byte[] data, String what) {
      this.in = new DataInputStream(new ByteArrayInputStream(data));
      this.what = what;
      this.size = data.length;
    }

    public int u8() {
      try {
        return in.readUnsignedByte();
      } catch (IOException e) {
        throw corrupt(e);
      }
    }

    public long i64() {
      try {
        return in.readLong();
      } catch (IOException e) {
        throw corrupt(e);
      }
    }

    public boolean bool() {
      return u8() != 0;
    }

    public byte[] bytes() {
      try {
        int n = in.readInt();
        if (n == -1) {
          return null;
        }
        if (n < 0 || n > size) {
          throw new DevnetException("corrupt " + what + " record: byte string length " + n);
        }
        return in.readNBytes(n);
      } catch (IOException e) {
        throw corrupt(e);
      }
    }

    public BigInteger big() {
      byte[] b = bytes();
      if (b == null || b.length == 0) {
        throw new DevnetException("corrupt " + what + " record: missing big integer");
      }
      return new BigInteger(b);
    }

    /** Checks the leading version byte. */
    public Reader expectVersion(int version) {
      int v = u8();
      if (v != version) {
        throw new DevnetException(
            "unsupported " + what + " record version " + v + " (this build reads " + version + ")");
      }
      return this;
    }

    private DevnetException corrupt(IOException e) {
      return new DevnetException("corrupt " + what + " record: truncated", e);
    }
  }

  public static byte[] longKey(long v) {
    return java.nio.ByteBuffer.allocate(8).putLong(v).array();
  }

  public static long keyLong(byte[] key) {
    if (key.length != 8) {
      throw new DevnetException("corrupt key: expected 8 bytes, got " + key.length);
    }
    return java.nio.ByteBuffer.wrap(key).getLong();
  }
}
