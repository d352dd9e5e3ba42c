package venus.market.core.cbor;

/** Test helper: a generic value walker that copies one complete item from a reader to a writer. */
final class CborCopy {

  private CborCopy() {}

  /** Decodes all of {@code input} as one item and re-encodes it. */
  static byte[] roundTrip(byte[] input) {
    CborReader reader = new CborReader(input);
    CborWriter writer = new CborWriter();
    copyItem(reader, writer);
    reader.requireEnd();
    return writer.toByteArray();
  }

  static void copyItem(CborReader r, CborWriter w) {
    int depth = r.depth();
    do {
      switch (r.peekType()) {
        case UNSIGNED_INT, NEGATIVE_INT -> w.writeInteger(r.readInteger());
        case BYTES -> w.writeBytes(r.readBytes(Integer.MAX_VALUE));
        case TEXT -> w.writeText(r.readText(Integer.MAX_VALUE));
        case ARRAY -> w.writeArrayHeader(r.readArrayHeader());
        case MAP -> w.writeMapHeader(r.readMapHeader());
        case CID -> w.writeCid(r.readCid());
        case BOOLEAN -> w.writeBool(r.readBool());
        case NULL -> {
          r.readNull();
          w.writeNull();
        }
        case FLOAT64 -> w.writeFloat64(r.readFloat64());
      }
    } while (r.depth() > depth);
  }
}
