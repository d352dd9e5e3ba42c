package venus.market.daemon.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.util.OptionalLong;

/**
 * The head of one HTTP response and its body.
 *
 * @param status the HTTP status code
 * @param contentLength the Content-Length header, or -1
 * @param contentRange the Content-Range header, or null
 * @param body the body (already de-chunked); close it when done
 */
record PullResponse(int status, long contentLength, String contentRange, InputStream body) implements AutoCloseable {

  /** The first byte and the total size of a {@code bytes a-b/total} Content-Range; total -1 for {@code /*}. */
  record Range(long first, long last, long total) {}

  /** Parses {@link #contentRange()}, empty when absent. */
  java.util.Optional<Range> range() throws TransferFailedException {
    if (contentRange == null) {
      return java.util.Optional.empty();
    }
    String v = contentRange.strip();
    try {
      if (!v.regionMatches(true, 0, "bytes ", 0, 6)) {
        throw new NumberFormatException();
      }
      String spec = v.substring(6).strip();
      int slash = spec.indexOf('/');
      int dash = spec.indexOf('-');
      if (slash < 0 || dash < 0 || dash > slash) {
        throw new NumberFormatException();
      }
      long first = Long.parseLong(spec.substring(0, dash));
      long last = Long.parseLong(spec.substring(dash + 1, slash));
      String t = spec.substring(slash + 1);
      long total = t.equals("*") ? -1 : Long.parseLong(t);
      if (first < 0 || last < first || (total >= 0 && last >= total)) {
        throw new NumberFormatException();
      }
      return java.util.Optional.of(new Range(first, last, total));
    } catch (NumberFormatException | IndexOutOfBoundsException e) {
      throw new TransferFailedException("the server sent an invalid Content-Range header: " + printable(v));
    }
  }

  OptionalLong length() {
    return contentLength < 0 ? OptionalLong.empty() : OptionalLong.of(contentLength);
  }

  static String printable(String s) {
    String t = s.length() > 80 ? s.substring(0, 80) + "…" : s;
    return t.replaceAll("[^\\x20-\\x7e]", "?");
  }

  @Override
  public void close() {
    try {
      body.close();
    } catch (IOException e) {
      // the attempt is over either way
    }
  }
}
