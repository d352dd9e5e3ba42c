package venus.market.daemon.transfer;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The bit of HTTP/1.1 a provider needs to pull a CAR over a libp2p stream, as go-libp2p-http does it: one request
 * per stream (request line and headers, no body), then the response head and a body framed by Content-Length, by
 * chunked encoding, or by the end of the stream. Heads are bounded so a hostile peer cannot make us buffer without
 * limit.
 */
final class Http1 {
  static final int MAX_HEAD_BYTES = 64 * 1024;
  private static final int MAX_LINE = 8 * 1024;

  private Http1() {}

  /** A parsed response head. Header names are lower case. */
  record Head(int status, String reason, Map<String, String> headers) {}

  static void writeGet(OutputStream out, String target, String host, Map<String, String> headers, long offset)
      throws IOException {
    StringBuilder b = new StringBuilder();
    b.append("GET ").append(target).append(" HTTP/1.1\r\n");
    b.append("Host: ").append(host).append("\r\n");
    b.append("User-Agent: venus-market-java\r\n");
    for (Map.Entry<String, String> h : headers.entrySet()) {
      String name = h.getKey().toLowerCase(Locale.ROOT);
      if (name.equals("host") || name.equals("connection") || name.equals("range") || name.equals("content-length")
          || name.equals("transfer-encoding")) {
        continue;
      }
      b.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
    }
    if (offset > 0) {
      b.append("Range: bytes=").append(offset).append("-\r\n");
    }
    // One request per stream, as go-libp2p-http: the server may close once the response is out.
    b.append("Connection: close\r\n\r\n");
    out.write(b.toString().getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  static Head readHead(InputStream in) throws IOException {
    int[] budget = {MAX_HEAD_BYTES};
    String status = line(in, budget);
    // "HTTP/1.1 206 Partial Content"
    if (!status.startsWith("HTTP/1.") || status.length() < 12 || status.charAt(8) != ' ') {
      throw new IOException("not an HTTP/1.x response: " + PullResponse.printable(status));
    }
    String digits = status.substring(9, 12);
    if (!digits.matches("[1-9][0-9][0-9]")) {
      throw new IOException("bad HTTP status line: " + PullResponse.printable(status));
    }
    int code = Integer.parseInt(digits);
    String reason = status.length() > 13 ? status.substring(13) : "";
    Map<String, String> headers = new LinkedHashMap<>();
    while (true) {
      String l = line(in, budget);
      if (l.isEmpty()) {
        break;
      }
      int colon = l.indexOf(':');
      if (colon <= 0) {
        throw new IOException("bad HTTP header line: " + PullResponse.printable(l));
      }
      headers.merge(l.substring(0, colon).strip().toLowerCase(Locale.ROOT), l.substring(colon + 1).strip(),
          (a, c) -> a + ", " + c);
    }
    return new Head(code, reason, headers);
  }

  /** The body of a response to a GET, framed as its head says. */
  static InputStream body(Head head, InputStream in) throws IOException {
    String te = head.headers().get("transfer-encoding");
    if (te != null && te.toLowerCase(Locale.ROOT).contains("chunked")) {
      return new Chunked(in);
    }
    if (head.status() == 204 || head.status() == 304 || head.status() / 100 == 1) {
      return InputStream.nullInputStream();
    }
    long length = contentLength(head);
    return length < 0 ? in : new Limited(in, length);
  }

  static long contentLength(Head head) throws IOException {
    String cl = head.headers().get("content-length");
    if (cl == null) {
      return -1;
    }
    try {
      if (!cl.strip().matches("[0-9]{1,18}")) {
        throw new NumberFormatException();
      }
      return Long.parseLong(cl.strip());
    } catch (NumberFormatException e) {
      throw new IOException("bad Content-Length: " + PullResponse.printable(cl));
    }
  }

  private static String line(InputStream in, int[] budget) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream(64);
    while (true) {
      int c = in.read();
      if (c < 0) {
        throw new EOFException("the peer closed the stream inside the HTTP response head");
      }
      if (--budget[0] < 0 || b.size() > MAX_LINE) {
        throw new IOException("HTTP response head longer than " + MAX_HEAD_BYTES + " bytes");
      }
      if (c == '\n') {
        byte[] bytes = b.toByteArray();
        int n = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
      }
      b.write(c);
    }
  }

  /** Exactly {@code length} bytes; an early end of stream is an error (the response was cut). */
  private static final class Limited extends InputStream {
    private final InputStream in;
    private long left;

    Limited(InputStream in, long length) {
      this.in = in;
      this.left = length;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (left == 0) {
        return -1;
      }
      int n = in.read(b, off, (int) Math.min(len, left));
      if (n < 0) {
        throw new EOFException("the response ended " + left + " bytes before its Content-Length");
      }
      left -= n;
      return n;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }

  /** RFC 9112 chunked transfer coding (extensions and trailers skipped). */
  private static final class Chunked extends InputStream {
    private final InputStream in;
    private long chunkLeft;
    private boolean done;

    Chunked(InputStream in) {
      this.in = in;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (done) {
        return -1;
      }
      if (chunkLeft == 0) {
        int[] budget = {MAX_HEAD_BYTES};
        String size = line(in, budget);
        int semi = size.indexOf(';');
        try {
          chunkLeft = Long.parseLong((semi < 0 ? size : size.substring(0, semi)).strip(), 16);
        } catch (NumberFormatException e) {
          throw new IOException("bad chunk size line: " + PullResponse.printable(size));
        }
        if (chunkLeft < 0) {
          throw new IOException("bad chunk size " + chunkLeft);
        }
        if (chunkLeft == 0) {
          while (!line(in, budget).isEmpty()) {
            // trailers
          }
          done = true;
          return -1;
        }
      }
      int n = in.read(b, off, (int) Math.min(len, chunkLeft));
      if (n < 0) {
        throw new EOFException("the response ended inside a chunk");
      }
      chunkLeft -= n;
      if (chunkLeft == 0) {
        int[] budget = {4};
        if (!line(in, budget).isEmpty()) {
          throw new IOException("missing CRLF after a chunk");
        }
      }
      return n;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
