package venus.market.core.cbor;

/** The kinds of data item DAG-CBOR allows; what {@link CborReader#peekType()} reports. */
public enum CborType {
  UNSIGNED_INT,
  NEGATIVE_INT,
  BYTES,
  TEXT,
  ARRAY,
  MAP,
  /** tag 42 wrapping a byte string with a binary CID. */
  CID,
  BOOLEAN,
  NULL,
  FLOAT64
}
