package venus.market.core.car;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import venus.market.core.multiformats.Cid;
import venus.market.core.multiformats.MultiformatsException;

/**
 * Finds the links (tag-42 CIDs) in a dag-cbor block, in document order. Deliberately lenient about everything
 * except structure: blocks written by Go (cbor-gen) may hold text that is not UTF-8 or other things the strict
 * project decoder refuses, yet they are valid to walk. Every length and the nesting depth are bounded.
 */
public final class CborLinks {

  private static final int MAX_DEPTH = 256;

  private final byte[] b;
  private int pos;
  private final List<Cid> out = new ArrayList<>();

  private CborLinks(byte[] block) {
    this.b = block;
  }

  /** @throws CarException if the bytes are not one well-formed CBOR item */
  public static List<Cid> of(byte[] block) {
    CborLinks s = new CborLinks(block);
    s.item(0);
    if (s.pos != block.length) {
      throw new CarException("dag-cbor: " + (block.length - s.pos) + " trailing byte(s) at byte " + s.pos);
    }
    return s.out;
  }

  private void item(int depth) {
    if (depth > MAX_DEPTH) {
      throw new CarException("dag-cbor: nesting deeper than " + MAX_DEPTH + " at byte " + pos);
    }
    int start = pos;
    int initial = next();
    int major = initial >>> 5;
    int info = initial & 0x1f;
    long arg = argument(info, start);
    switch (major) {
      case 0, 1 -> {
      }
      case 2, 3 -> skip(arg, start);
      case 4 -> {
        for (long i = 0; i < arg; i++) {
          item(depth + 1);
        }
      }
      case 5 -> {
        for (long i = 0; i < arg; i++) {
          item(depth + 1);
          item(depth + 1);
        }
      }
      case 6 -> {
        if (arg == 42) {
          cid(start);
        } else {
          item(depth + 1);
        }
      }
      default -> {
        // simple values and floats carry no nested items; argument() consumed their bytes
      }
    }
  }

  private void cid(int tagStart) {
    int start = pos;
    int initial = next();
    if (initial >>> 5 != 2) {
      throw new CarException("dag-cbor: tag 42 at byte " + tagStart + " does not wrap a byte string");
    }
    long len = argument(initial & 0x1f, start);
    int from = pos;
    skip(len, start);
    if (len < 2 || b[from] != 0) {
      throw new CarException("dag-cbor: CID at byte " + tagStart + " lacks the 0x00 multibase prefix");
    }
    try {
      out.add(Cid.decode(Arrays.copyOfRange(b, from + 1, pos)));
    } catch (MultiformatsException | IllegalArgumentException e) {
      throw new CarException("dag-cbor: invalid CID at byte " + tagStart + ": " + e.getMessage(), e);
    }
  }

  private long argument(int info, int start) {
    if (info < 24) {
      return info;
    }
    int n = switch (info) {
      case 24 -> 1;
      case 25 -> 2;
      case 26 -> 4;
      case 27 -> 8;
      default -> throw new CarException("dag-cbor: indefinite length or reserved value at byte " + start);
    };
    long v = 0;
    for (int i = 0; i < n; i++) {
      v = (v << 8) | next();
    }
    if (v < 0) {
      throw new CarException("dag-cbor: length at byte " + start + " exceeds 2^63");
    }
    return v;
  }

  private void skip(long len, int start) {
    if (len > b.length - pos) {
      throw new CarException("dag-cbor: item at byte " + start + " declares " + len + " bytes, only "
          + (b.length - pos) + " remain");
    }
    pos += (int) len;
  }

  private int next() {
    if (pos >= b.length) {
      throw new CarException("dag-cbor: truncated at byte " + pos);
    }
    return b[pos++] & 0xff;
  }
}
