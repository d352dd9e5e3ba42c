package venus.market.core.cbor;

/** A value with a fixed DAG-CBOR form (a cbor-gen struct, a leaf type). */
public interface CborEncodable {

  /** Writes exactly one data item (with its nested items). */
  void writeCbor(CborWriter writer);

  /** This value's canonical bytes. */
  default byte[] toCbor() {
    return CborWriter.encode(this);
  }
}
