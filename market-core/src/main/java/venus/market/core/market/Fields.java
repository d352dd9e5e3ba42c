package venus.market.core.market;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;
import venus.market.core.address.Address;
import venus.market.core.amount.TokenAmount;
import venus.market.core.cbor.CborException;
import venus.market.core.cbor.CborReader;
import venus.market.core.cbor.CborWriter;
import venus.market.core.crypto.Signature;

/**
 * CBOR of the leaf types every actor and market struct uses, as static helpers usable as method references: Address,
 * TokenAmount and Signature delegate to their own {@code writeCbor}/{@code readCbor}; UUIDs and lists are here, with
 * cbor-gen's limits. Every problem surfaces as a {@link CborException} with the offset of the bad item.
 */
public final class Fields {

  /** cbor-gen MaxLength: the longest array a struct field may hold. */
  public static final int MAX_ARRAY = CborReader.MAX_LENGTH;

  private Fields() {}

  public static void writeAddress(CborWriter w, Address a) {
    a.writeCbor(w);
  }

  public static Address readAddress(CborReader r) {
    return Address.readCbor(r);
  }

  public static void writeAmount(CborWriter w, TokenAmount amount) {
    amount.writeCbor(w);
  }

  public static TokenAmount readAmount(CborReader r) {
    return TokenAmount.readCbor(r);
  }

  public static void writeSignature(CborWriter w, Signature s) {
    s.writeCbor(w);
  }

  public static void writeNullableSignature(CborWriter w, Signature s) {
    if (s == null) {
      w.writeNull();
    } else {
      writeSignature(w, s);
    }
  }

  public static Signature readSignature(CborReader r) {
    return Signature.readCbor(r);
  }

  public static Signature readNullableSignature(CborReader r) {
    return r.readNullIfPresent() ? null : readSignature(r);
  }

  /** A Go uuid.UUID: a byte string of exactly 16 bytes in RFC 4122 (big-endian) order. */
  public static void writeUuid(CborWriter w, UUID uuid) {
    w.writeBytes(uuidBytes(uuid));
  }

  public static byte[] uuidBytes(UUID uuid) {
    byte[] b = new byte[16];
    long msb = uuid.getMostSignificantBits();
    long lsb = uuid.getLeastSignificantBits();
    for (int i = 0; i < 8; i++) {
      b[i] = (byte) (msb >>> (56 - 8 * i));
      b[8 + i] = (byte) (lsb >>> (56 - 8 * i));
    }
    return b;
  }

  public static UUID readUuid(CborReader r) {
    int at = r.offset();
    byte[] b = r.readBytes(CborReader.MAX_BYTES_LENGTH);
    if (b.length != 16) {
      throw new CborException(at, "expected a 16-byte UUID, got " + b.length + " bytes");
    }
    long msb = 0;
    long lsb = 0;
    for (int i = 0; i < 8; i++) {
      msb = (msb << 8) | (b[i] & 0xff);
      lsb = (lsb << 8) | (b[8 + i] & 0xff);
    }
    return new UUID(msb, lsb);
  }

  /** An unsigned integer that must fit a signed Java long (sizes, counts, IDs; Go uint64 values ≥ 2^63 are refused). */
  public static long readUint63(CborReader r, String what) {
    int at = r.offset();
    long v = r.readUint64();
    if (v < 0) {
      throw new CborException(at, what + " " + Long.toUnsignedString(v) + " is too large (max 2^63-1)");
    }
    return v;
  }

  public static <T> void writeList(CborWriter w, List<T> items, BiConsumer<CborWriter, T> item) {
    w.writeArrayHeader(items.size());
    for (T t : items) {
      item.accept(w, t);
    }
  }

  public static <T> List<T> readList(CborReader r, Function<CborReader, T> item) {
    int n = r.readArrayHeader(MAX_ARRAY);
    List<T> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(item.apply(r));
    }
    return Collections.unmodifiableList(out);
  }

  public static void writeUintList(CborWriter w, List<Long> items) {
    w.writeArrayHeader(items.size());
    for (long v : items) {
      w.writeUint64(v);
    }
  }

  public static List<Long> readUintList(CborReader r) {
    return readList(r, CborReader::readUint64);
  }

  public static void writeBytesList(CborWriter w, List<byte[]> items) {
    w.writeArrayHeader(items.size());
    for (byte[] b : items) {
      w.writeBytes(b);
    }
  }

  public static List<byte[]> readBytesList(CborReader r) {
    return readList(r, CborReader::readBytes);
  }

  /** Defensive, unmodifiable copy of a list of byte arrays. */
  public static List<byte[]> copyBytesList(List<byte[]> items) {
    List<byte[]> out = new ArrayList<>(items.size());
    for (byte[] b : items) {
      out.add(b.clone());
    }
    return Collections.unmodifiableList(out);
  }

  /** Element-wise equality of two lists of byte arrays. */
  public static boolean bytesListEquals(List<byte[]> a, List<byte[]> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!Arrays.equals(a.get(i), b.get(i))) {
        return false;
      }
    }
    return true;
  }

  public static int bytesListHash(List<byte[]> items) {
    int h = 1;
    for (byte[] b : items) {
      h = 31 * h + Arrays.hashCode(b);
    }
    return h;
  }
}
