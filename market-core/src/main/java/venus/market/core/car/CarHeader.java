package venus.market.core.car;

import java.util.ArrayList;
import java.util.List;
import venus.market.core.cbor.CborException;
import venus.market.core.cbor.CborReader;
import venus.market.core.cbor.CborWriter;
import venus.market.core.multiformats.Cid;

/** The CARv1 header: DAG-CBOR map {@code {"roots": [CID…], "version": 1}}. */
public record CarHeader(List<Cid> roots, long version) {

  public CarHeader {
    roots = List.copyOf(roots);
  }

  public static CarHeader v1(List<Cid> roots) {
    return new CarHeader(roots, 1);
  }

  /** The header's DAG-CBOR bytes (keys in canonical order: "roots" before "version"). */
  public byte[] encode() {
    CborWriter w = new CborWriter();
    w.writeMapHeader(2);
    w.writeText("roots");
    w.writeArrayHeader(roots.size());
    for (Cid c : roots) {
      w.writeCid(c);
    }
    w.writeText("version");
    w.writeUint64(version);
    return w.toByteArray();
  }

  /**
   * Decodes a header map; "roots" may be absent (CARv2 pragma, bad files), unknown keys are skipped as go-car does.
   * {@code offset} is where the header bytes start, for messages.
   */
  static CarHeader decode(byte[] bytes, long offset) {
    try {
      CborReader r = new CborReader(bytes);
      int entries = r.readMapHeader(16);
      List<Cid> roots = null;
      Long version = null;
      for (int i = 0; i < entries; i++) {
        String key = r.readMapKey();
        switch (key) {
          case "roots" -> {
            int n = r.readArrayHeader(CborReader.MAX_LENGTH);
            roots = new ArrayList<>(n);
            for (int j = 0; j < n; j++) {
              roots.add(r.readCid());
            }
          }
          case "version" -> version = r.readUint64();
          default -> r.skipValue();
        }
      }
      r.requireEnd();
      if (version == null) {
        throw new CarException("invalid CAR header at offset " + offset + ": no \"version\" field");
      }
      return new CarHeader(roots == null ? List.of() : roots, version);
    } catch (CborException e) {
      throw new CarException("invalid CAR header at offset " + offset + ": " + e.getMessage(), e);
    }
  }
}
