package venus.market.core.market;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import venus.market.core.cbor.CborException;
import venus.market.core.cbor.CborReader;
import venus.market.core.cbor.CborWriter;
import venus.market.core.cbor.MapKeyOrder;

/**
 * Writes and reads cbor-gen "map-encoded" structs (go-fil-markets, boost): a CBOR map keyed by the Go field
 * names. Writing is canonical (keys by length, then bytewise), which is what current Go emits. Go before
 * go-fil-markets v1.28 / cbor-gen 2023 wrote the keys in <em>declaration</em> order instead; {@link
 * #encodeInDeclarationOrder} reproduces those bytes so a signature made by an old peer can be checked. Reading
 * accepts keys in any order (old peers) and skips unknown keys (newer peers), as cbor-gen does, but rejects a
 * repeated key.
 */
public final class MapStruct {

  /** One field: its Go name and how to write its value. */
  public record Field(String name, Consumer<CborWriter> value) {}

  private MapStruct() {}

  public static Field field(String name, Consumer<CborWriter> value) {
    return new Field(name, value);
  }

  /** Writes the fields as a canonical DAG-CBOR map. */
  public static void write(CborWriter w, List<Field> fields) {
    List<Field> sorted = new ArrayList<>(fields);
    sorted.sort((a, b) -> MapKeyOrder.COMPARATOR.compare(a.name(), b.name()));
    w.writeMapHeader(sorted.size());
    for (Field f : sorted) {
      w.writeText(f.name());
      f.value().accept(w);
    }
  }

  /** The map with keys in the given (Go declaration) order: the bytes legacy cbor-gen produced and signed. */
  public static byte[] encodeInDeclarationOrder(List<Field> fields) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(mapHeader(fields.size()));
    for (Field f : fields) {
      CborWriter key = new CborWriter();
      key.writeText(f.name());
      out.writeBytes(key.toByteArray());
      CborWriter value = new CborWriter();
      f.value().accept(value);
      out.writeBytes(value.toByteArray());
    }
    return out.toByteArray();
  }

  private static byte[] mapHeader(int entries) {
    if (entries < 24) {
      return new byte[] {(byte) (0xa0 | entries)};
    }
    // No struct here has 24+ fields; a one-byte length argument covers the rest of int-sized maps we could need.
    if (entries <= 0xff) {
      return new byte[] {(byte) 0xb8, (byte) entries};
    }
    throw new IllegalArgumentException("map struct with " + entries + " fields");
  }

  /**
   * Starts reading a map struct: reads the header and returns a cursor over its keys. After each {@link
   * Keys#next()} the caller reads the value (or calls {@link CborReader#skipValue()} for an unknown key).
   */
  public static Keys read(CborReader r, String struct) {
    int start = r.offset();
    int entries = CborCompat.readMapHeaderAnyOrder(r);
    return new Keys(r, struct, entries, start);
  }

  /** Iterates over a map struct's keys, rejecting duplicates. */
  public static final class Keys {
    private final CborReader r;
    private final String struct;
    private final int start;
    private int remaining;
    private final Set<String> seen = new HashSet<>();

    private Keys(CborReader r, String struct, int entries, int start) {
      this.r = r;
      this.struct = struct;
      this.remaining = entries;
      this.start = start;
    }

    public boolean hasNext() {
      return remaining > 0;
    }

    /** The next key; the reader is then positioned at its value. */
    public String next() {
      remaining--;
      int at = r.offset();
      String key = r.readText();
      if (!seen.add(key)) {
        throw new CborException(at, struct + ": duplicate key \"" + key + "\"");
      }
      return key;
    }

    /** Whether {@code key} appeared. */
    public boolean has(String key) {
      return seen.contains(key);
    }

    /** Fails unless every listed key appeared (fields Go cannot leave undefined, such as a non-pointer CID). */
    public void require(String... keys) {
      for (String k : keys) {
        if (!seen.contains(k)) {
          throw new CborException(start, struct + ": required key \"" + k + "\" is missing");
        }
      }
    }
  }
}
