package venus.market.daemon.ask;

import venus.market.core.cbor.CborReader;
import venus.market.core.cbor.CborWriter;
import venus.market.core.crypto.Signature;
import venus.market.core.storagemarket.SignedStorageAsk;

/**
 * A miner's ask as stored: signed once over the ask/1.1.0 encoding (map) and once over the 1.0.1
 * encoding (tuple), because a client verifies the signature against the encoding it received.
 * Stored as CBOR {@code [SignedStorageAsk, signatureV101 bytes]}.
 */
public record StoredAsk(SignedStorageAsk signed, Signature signatureV101) {
  public byte[] toCbor() {
    CborWriter w = new CborWriter();
    w.writeArrayHeader(2);
    signed.writeCbor(w);
    w.writeBytes(signatureV101.toBytes());
    return w.toByteArray();
  }

  public static StoredAsk fromCbor(byte[] bytes) {
    return CborReader.decode(bytes, r -> {
      r.readTupleHeader("StoredAsk", 2);
      SignedStorageAsk s = SignedStorageAsk.read(r);
      return new StoredAsk(s, Signature.fromBytes(r.readBytes(Signature.MAX_BYTES + 1)));
    });
  }

  /** The ask with its 1.0.1 signature, for /fil/storage/ask/1.0.1. */
  public SignedStorageAsk signedV101() {
    return new SignedStorageAsk(signed.ask(), signatureV101);
  }
}
