package venus.market.client.http;

import java.util.Optional;

/**
 * One byte range of an HTTP {@code Range} header ({@code bytes=a-b}, {@code bytes=a-}, {@code bytes=-n}) resolved
 * against a length. Multi-range requests are not served: providers resume a download with one open range.
 *
 * @param first first byte, inclusive
 * @param last last byte, inclusive
 */
public record ByteRange(long first, long last) {

  public long length() {
    return last - first + 1;
  }

  /**
   * The range of {@code header} within {@code size} bytes; empty if the header is absent or not a single bytes range
   * (then the whole file is served, as RFC 9110 allows).
   *
   * @throws UnsatisfiableRangeException if the range lies outside the file
   */
  public static Optional<ByteRange> parse(String header, long size) {
    if (header == null) {
      return Optional.empty();
    }
    String h = header.strip();
    if (!h.startsWith("bytes=") || h.indexOf(',') >= 0) {
      return Optional.empty();
    }
    String spec = h.substring("bytes=".length()).strip();
    int dash = spec.indexOf('-');
    if (dash < 0) {
      return Optional.empty();
    }
    String a = spec.substring(0, dash).strip();
    String b = spec.substring(dash + 1).strip();
    try {
      if (a.isEmpty()) {
        long n = Long.parseLong(b);
        if (n <= 0 || size == 0) {
          throw new UnsatisfiableRangeException(size);
        }
        return Optional.of(new ByteRange(Math.max(0, size - n), size - 1));
      }
      long first = Long.parseLong(a);
      long last = b.isEmpty() ? size - 1 : Math.min(Long.parseLong(b), size - 1);
      if (first < 0 || first >= size || last < first) {
        throw new UnsatisfiableRangeException(size);
      }
      return Optional.of(new ByteRange(first, last));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** The range starts at or beyond the end of the file (HTTP 416). */
  public static final class UnsatisfiableRangeException extends RuntimeException {
    private final long size;

    UnsatisfiableRangeException(long size) {
      super("range not satisfiable for " + size + " bytes");
      this.size = size;
    }

    public long size() {
      return size;
    }
  }
}
