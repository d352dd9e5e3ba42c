package venus.market.core.car;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import venus.market.core.multiformats.Multicodec;
import venus.market.core.multiformats.Multihash;

/**
 * Checks a CARv2 index against the blocks read from the data. Formats (go-car v2/index):
 * car-index-sorted (0x0400) = {@code int32 widthCount, per width: uint32 width, int64 byteLength, records}; and
 * car-multihash-index-sorted (0x0401) = {@code int32 codeCount, per code (ascending): uint64 code, then a
 * car-index-sorted body}. A record is {@code digest ‖ uint64 offset} (little-endian), offset relative to the data
 * offset, records sorted by digest. go-car does not index identity CIDs.
 */
final class CarIndexVerifier {

  private static final int MAX_GROUPS = 1024;
  private static final int MAX_DIGEST = 1024;

  private final CarV2Header header;
  /** (code, digest) of every non-identity block → its data offsets. */
  private final Map<Key, Set<Long>> blocks = new HashMap<>();
  /** digest alone → data offsets, for the code-less 0x0400 format. */
  private final Map<ByteBuffer, Set<Long>> byDigest = new HashMap<>();
  private final Set<Key> covered = new HashSet<>();
  private final Set<ByteBuffer> coveredDigests = new HashSet<>();
  private long entries;

  private record Key(long code, ByteBuffer digest) {
  }

  CarIndexVerifier(CarV2Header header) {
    this.header = header;
  }

  void sawBlock(CarBlock b) {
    Multihash mh = b.cid().multihash();
    if (mh.code() == Multicodec.IDENTITY) {
      return;
    }
    ByteBuffer d = ByteBuffer.wrap(mh.digest());
    blocks.computeIfAbsent(new Key(mh.code(), d), k -> new HashSet<>()).add(b.dataOffset());
    byDigest.computeIfAbsent(d, k -> new HashSet<>()).add(b.dataOffset());
  }

  long verify(CarInput in) {
    long at = in.offset();
    long codec = in.readUvarint("index codec");
    if (codec == Multicodec.CAR_MULTIHASH_INDEX_SORTED) {
      int codes = count(in, "multihash code count");
      long previous = -1;
      for (int i = 0; i < codes; i++) {
        long codeAt = in.offset();
        long code = in.readUint64Le("index multihash code");
        if (previous >= 0 && Long.compareUnsigned(code, previous) <= 0) {
          throw bad(codeAt, "multihash codes not in ascending order (" + Long.toHexString(code) + " after "
              + Long.toHexString(previous) + ")");
        }
        previous = code;
        readWidths(in, code);
      }
    } else if (codec == Multicodec.CAR_INDEX_SORTED) {
      readWidths(in, -1);
    } else {
      throw bad(at, "unsupported index codec 0x" + Long.toHexString(codec)
          + " (expected car-multihash-index-sorted 0x401 or car-index-sorted 0x400)");
    }
    for (Map.Entry<Key, Set<Long>> e : blocks.entrySet()) {
      Key k = e.getKey();
      if (!covered.contains(k) && !coveredDigests.contains(k.digest)) {
        throw new CarIndexException("CARv2 index at offset " + header.indexOffset() + " does not list the block "
            + Multihash.of(k.code, array(k.digest)) + " at data offset " + e.getValue().iterator().next());
      }
    }
    return entries;
  }

  private void readWidths(CarInput in, long code) {
    int widths = count(in, "width count");
    for (int w = 0; w < widths; w++) {
      long widthAt = in.offset();
      int width = in.readInt32Le("index record width");
      long length = in.readUint64Le("index bucket length");
      if (width < 8 || width > 8 + MAX_DIGEST) {
        throw bad(widthAt, "record width " + Integer.toUnsignedString(width) + " outside 8.." + (8 + MAX_DIGEST));
      }
      if (length < 0 || length % width != 0) {
        throw bad(widthAt, "bucket length " + Long.toUnsignedString(length) + " is not a multiple of the record width "
            + width);
      }
      byte[] previous = null;
      for (long r = 0; r < length / width; r++) {
        long recordAt = in.offset();
        byte[] digest = in.readFully(width - 8, "index record");
        long offset = in.readUint64Le("index record offset");
        if (previous != null && Arrays.compareUnsigned(previous, digest) > 0) {
          throw bad(recordAt, "records not sorted by digest (" + hex(digest) + " after " + hex(previous) + ")");
        }
        previous = digest;
        check(recordAt, code, digest, offset);
        entries++;
      }
    }
  }

  private void check(long recordAt, long code, byte[] digest, long offset) {
    ByteBuffer d = ByteBuffer.wrap(digest);
    Set<Long> offsets;
    if (code >= 0) {
      Key k = new Key(code, d);
      offsets = blocks.get(k);
      covered.add(k);
    } else {
      offsets = byDigest.get(d);
      coveredDigests.add(d);
    }
    if (offsets == null || !offsets.contains(offset)) {
      String what = code >= 0 ? Multihash.of(code, digest).toString() : hex(digest);
      throw bad(recordAt, "entry " + what + " -> data offset " + Long.toUnsignedString(offset) + " matches no block "
          + (offsets == null ? "with that multihash" : "there (the block is at " + offsets + ")"));
    }
  }

  private int count(CarInput in, String what) {
    long at = in.offset();
    int n = in.readInt32Le(what);
    if (n < 0 || n > MAX_GROUPS) {
      throw bad(at, what + " " + n + " outside 0.." + MAX_GROUPS);
    }
    return n;
  }

  private CarIndexException bad(long at, String detail) {
    return new CarIndexException("bad CARv2 index (at offset " + at + "): " + detail);
  }

  private static byte[] array(ByteBuffer b) {
    byte[] a = new byte[b.remaining()];
    b.duplicate().get(a);
    return a;
  }

  private static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }
}
