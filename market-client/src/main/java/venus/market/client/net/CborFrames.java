package venus.market.client.net;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import venus.market.core.cbor.CborException;

/**
 * go-fil-markets and boost send one bare CBOR item per message on their streams (cborutil.ReadCborRPC), with no
 * length prefix. (Same reader as the provider daemon's; market-client does not depend on market-daemon.) This reads exactly one item's bytes from a stream, bounded in size and depth, so that
 * the strict {@link venus.market.core.cbor.CborReader} can decode it.
 */
public final class CborFrames {
  private static final int MAX_DEPTH = 32;

  private CborFrames() {}

  /** Reads one complete CBOR item of at most {@code maxBytes}. */
  public static byte[] readItem(InputStream in, int maxBytes) throws IOException {
    Reader r = new Reader(in, maxBytes);
    r.item(0);
    return r.out.toByteArray();
  }

  private static final class Reader {
    final InputStream in;
    final int max;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Reader(InputStream in, int max) {
      this.in = in;
      this.max = max;
    }

    void item(int depth) throws IOException {
      if (depth > MAX_DEPTH) {
        throw new CborException(out.size(), "CBOR message nested deeper than " + MAX_DEPTH + " levels");
      }
      int ib = next();
      int major = ib >>> 5;
      int info = ib & 31;
      long arg = argument(info);
      if (major >= 2 && major <= 5 && (arg < 0 || arg > max)) {
        throw new CborException(out.size(), "CBOR length " + Long.toUnsignedString(arg) + " exceeds the " + max + "-byte message limit");
      }
      switch (major) {
        case 0, 1 -> { }
        case 2, 3 -> copy(arg);
        case 4 -> {
          for (long i = 0; i < arg; i++) {
            item(depth + 1);
          }
        }
        case 5 -> {
          for (long i = 0; i < 2 * arg; i++) {
            item(depth + 1);
          }
        }
        case 6 -> item(depth + 1);
        default -> { }
      }
    }

    private long argument(int info) throws IOException {
      if (info < 24) {
        return info;
      }
      int n = switch (info) {
        case 24 -> 1;
        case 25 -> 2;
        case 26 -> 4;
        case 27 -> 8;
        default -> throw new CborException(out.size(), "indefinite or reserved CBOR length (additional info " + info + ")");
      };
      long v = 0;
      for (int i = 0; i < n; i++) {
        v = (v << 8) | next();
      }
      return v;
    }

    private void copy(long n) throws IOException {
      if (out.size() + n > max) {
        throw new CborException(out.size(), "CBOR message exceeds " + max + " bytes");
      }
      byte[] b = in.readNBytes((int) n);
      if (b.length < n) {
        throw new EOFException("stream ended inside a CBOR string after " + (out.size() + b.length) + " bytes");
      }
      out.write(b, 0, b.length);
    }

    private int next() throws IOException {
      if (out.size() >= max) {
        throw new CborException(out.size(), "CBOR message exceeds " + max + " bytes");
      }
      int b = in.read();
      if (b < 0) {
        throw new EOFException("stream ended inside a CBOR message after " + out.size() + " bytes");
      }
      out.write(b);
      return b;
    }
  }
}
