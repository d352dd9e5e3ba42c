package venus.market.p2p.multistream;

import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import venus.market.core.multiformats.MultiformatsException;
import venus.market.core.multiformats.Varint;
import venus.market.p2p.mux.ByteBufVarints;

/**
 * multistream-select 1.0 messages: {@code uvarint(len) ‖ UTF-8 text ‖ '\n'}, len counting the newline, at most
 * 1024 bytes (go-multistream's limit).
 */
public final class Multistream {

  public static final String PROTOCOL_ID = "/multistream/1.0.0";
  public static final String NA = "na";
  public static final String LS = "ls";
  public static final int MAX_MESSAGE = 1024;

  private Multistream() {}

  public static byte[] encode(String text) {
    byte[] t = text.getBytes(StandardCharsets.UTF_8);
    if (t.length + 1 > MAX_MESSAGE) {
      throw new IllegalArgumentException("multistream message longer than " + MAX_MESSAGE + " bytes: " + text);
    }
    byte[] len = Varint.encode(t.length + 1L);
    byte[] out = new byte[len.length + t.length + 1];
    System.arraycopy(len, 0, out, 0, len.length);
    System.arraycopy(t, 0, out, len.length, t.length);
    out[out.length - 1] = '\n';
    return out;
  }

  /** The {@code ls} answer: one message whose body is the concatenation of one message per protocol. */
  public static byte[] encodeList(Iterable<String> protocols) {
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    for (String p : protocols) {
      byte[] m = encode(p);
      if (body.size() + m.length + 1 > MAX_MESSAGE) {
        break;
      }
      body.writeBytes(m);
    }
    body.write('\n');
    byte[] b = body.toByteArray();
    byte[] len = Varint.encode(b.length);
    byte[] out = new byte[len.length + b.length];
    System.arraycopy(len, 0, out, 0, len.length);
    System.arraycopy(b, 0, out, len.length, b.length);
    return out;
  }

  /** Decodes one message from {@code in}, or returns null (reader index unchanged) if it is not complete yet. */
  public static String tryDecode(ByteBuf in) {
    int start = in.readerIndex();
    int n = ByteBufVarints.completeLength(in);
    if (n < 0) {
      return null;
    }
    long len;
    try {
      len = ByteBufVarints.read(in, n);
    } catch (MultiformatsException e) {
      throw new MultistreamException("multistream: malformed length prefix: " + e.getMessage());
    }
    checkLength(len);
    if (in.readableBytes() < len) {
      in.readerIndex(start);
      return null;
    }
    byte[] body = new byte[(int) len];
    in.readBytes(body);
    return text(body);
  }

  /** Blocking read of one message; end of stream is an error. */
  public static String read(InputStream in) throws IOException {
    long len;
    try {
      OptionalLong l = Varint.readIfPresent(in);
      if (l.isEmpty()) {
        throw new MultistreamException("multistream: stream closed while waiting for a message");
      }
      len = l.getAsLong();
    } catch (MultiformatsException e) {
      throw new MultistreamException("multistream: malformed length prefix: " + e.getMessage());
    }
    checkLength(len);
    byte[] body = in.readNBytes((int) len);
    if (body.length < len) {
      throw new MultistreamException("multistream: stream closed inside a " + len + "-byte message");
    }
    return text(body);
  }

  private static void checkLength(long len) {
    if (len < 1 || len > MAX_MESSAGE) {
      throw new MultistreamException("multistream: message length " + len + " is outside 1.." + MAX_MESSAGE);
    }
  }

  private static String text(byte[] body) {
    if (body[body.length - 1] != '\n') {
      throw new MultistreamException("multistream: message does not end with a newline");
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(body, 0, body.length - 1)).toString();
    } catch (CharacterCodingException e) {
      throw new MultistreamException("multistream: message is not valid UTF-8");
    }
  }
}
