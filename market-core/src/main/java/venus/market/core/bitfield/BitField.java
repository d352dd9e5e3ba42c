package venus.market.core.bitfield;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongConsumer;
import venus.market.core.cbor.CborEncodable;
import venus.market.core.cbor.CborException;
import venus.market.core.cbor.CborReader;
import venus.market.core.cbor.CborWriter;

/**
 * An immutable set of non-negative longs, kept as sorted, disjoint, non-adjacent half-open ranges. On the wire it is
 * a CBOR byte string holding the RLE+ form.
 */
public final class BitField implements CborEncodable {

  private static final BitField EMPTY = new BitField(new long[0]);

  /** start0, end0, start1, end1, … with start < end and end(i) < start(i+1). */
  private final long[] bounds;

  private BitField(long[] bounds) {
    this.bounds = bounds;
  }

  /** A half-open range [start, end) of set bits. */
  public record Range(long start, long end) {
    public Range {
      if (start < 0 || end <= start) {
        throw new IllegalArgumentException("invalid range [" + start + ", " + end + ")");
      }
    }

    public long length() {
      return end - start;
    }
  }

  public static BitField empty() {
    return EMPTY;
  }

  /** The set of the given bits (any order, duplicates allowed). */
  public static BitField of(long... bits) {
    long[] sorted = bits.clone();
    Arrays.sort(sorted);
    Builder b = new Builder();
    for (long bit : sorted) {
      if (bit < 0) {
        throw new IllegalArgumentException("bit indexes are non-negative, got " + bit);
      }
      b.add(bit, bit + 1);
    }
    return b.build();
  }

  /** The union of ranges given in increasing order (they may touch; they must not go backwards). */
  public static BitField ofRanges(List<Range> ranges) {
    Builder b = new Builder();
    for (Range r : ranges) {
      b.add(r.start(), r.end());
    }
    return b.build();
  }

  public boolean isEmpty() {
    return bounds.length == 0;
  }

  /** Number of set bits. */
  public long count() {
    long n = 0;
    for (int i = 0; i < bounds.length; i += 2) {
      n += bounds[i + 1] - bounds[i];
    }
    return n;
  }

  public boolean contains(long bit) {
    int i = Arrays.binarySearch(bounds, bit);
    // found at an even index = a range start; an odd insertion point = inside a range
    return i >= 0 ? i % 2 == 0 : (-i - 1) % 2 == 1;
  }

  public List<Range> ranges() {
    List<Range> out = new ArrayList<>(bounds.length / 2);
    for (int i = 0; i < bounds.length; i += 2) {
      out.add(new Range(bounds[i], bounds[i + 1]));
    }
    return out;
  }

  /** Calls {@code action} for each set bit in increasing order. */
  public void forEach(LongConsumer action) {
    for (int i = 0; i < bounds.length; i += 2) {
      for (long bit = bounds[i]; bit < bounds[i + 1]; bit++) {
        action.accept(bit);
      }
    }
  }

  /** The set bits; refuses sets too large for an array. */
  public long[] toArray() {
    long n = count();
    if (n > Integer.MAX_VALUE - 8) {
      throw new IllegalStateException("bitfield has " + n + " bits set, too many for an array");
    }
    long[] out = new long[(int) n];
    int[] i = {0};
    forEach(bit -> out[i[0]++] = bit);
    return out;
  }

  /** RLE+ bytes. */
  public byte[] toRlePlus() {
    return RlePlus.encode(this);
  }

  @Override
  public void writeCbor(CborWriter writer) {
    writer.writeBytes(toRlePlus());
  }

  /** Reads the CBOR byte string and decodes it strictly. */
  public static BitField readCbor(CborReader reader) {
    int offset = reader.offset();
    byte[] bytes = reader.readBytes();
    try {
      return RlePlus.decode(bytes);
    } catch (BitfieldException e) {
      throw new CborException(offset, "invalid RLE+ bitfield: " + e.getMessage(), e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BitField b && Arrays.equals(bounds, b.bounds);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bounds);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("{");
    for (int i = 0; i < bounds.length; i += 2) {
      sb.append(i == 0 ? "" : ",").append(bounds[i]);
      if (bounds[i + 1] - bounds[i] > 1) {
        sb.append("..").append(bounds[i + 1] - 1);
      }
    }
    return sb.append('}').toString();
  }

  /** Collects ranges in increasing order, merging touching ones. */
  static final class Builder {
    private long[] bounds = new long[16];
    private int size;

    void add(long start, long end) {
      if (size > 0 && start < bounds[size - 1]) {
        if (end <= bounds[size - 1]) {
          return; // duplicate bit or nested range
        }
        throw new IllegalArgumentException("ranges must be given in increasing order; [" + start + ", " + end + ")");
      }
      if (size > 0 && start == bounds[size - 1]) {
        bounds[size - 1] = end;
        return;
      }
      if (size == bounds.length) {
        bounds = Arrays.copyOf(bounds, size * 2);
      }
      bounds[size++] = start;
      bounds[size++] = end;
    }

    BitField build() {
      return size == 0 ? EMPTY : new BitField(Arrays.copyOf(bounds, size));
    }
  }

  long[] bounds() {
    return bounds;
  }
}
