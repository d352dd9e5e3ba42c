package venus.market.p2p;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.OptionalLong;
import venus.market.core.multiformats.MultiformatsException;
import venus.market.core.multiformats.Varint;

/** {@code uvarint(length) ‖ bytes} messages on a stream (identify, and any protocol framed that way). */
public final class LengthPrefixed {

  private LengthPrefixed() {}

  public static void write(OutputStream out, byte[] message) throws IOException {
    byte[] len = Varint.encode(message.length);
    byte[] all = new byte[len.length + message.length];
    System.arraycopy(len, 0, all, 0, len.length);
    System.arraycopy(message, 0, all, len.length, message.length);
    out.write(all);
    out.flush();
  }

  /** Reads one message of at most {@code maxSize} bytes; returns null on a clean end of stream before it. */
  public static byte[] read(InputStream in, int maxSize) throws IOException {
    long len;
    try {
      OptionalLong l = Varint.readIfPresent(in);
      if (l.isEmpty()) {
        return null;
      }
      len = l.getAsLong();
    } catch (MultiformatsException e) {
      throw new P2pException("malformed message length prefix: " + e.getMessage(), e);
    }
    if (len > maxSize) {
      throw new P2pException("message of " + len + " bytes exceeds the limit of " + maxSize);
    }
    byte[] b = in.readNBytes((int) len);
    if (b.length < len) {
      throw new P2pException("stream ended inside a " + len + "-byte message (got " + b.length + ")");
    }
    return b;
  }
}
