package venus.market.core.storagemarket;

import static venus.market.core.market.MapStruct.field;

import java.util.List;
import venus.market.core.cbor.CborEncodable;
import venus.market.core.cbor.CborReader;
import venus.market.core.cbor.CborWriter;
import venus.market.core.crypto.Signature;
import venus.market.core.market.Fields;
import venus.market.core.market.MapStruct;

/**
 * storagemarket.SignedStorageAsk: map {@code {Ask, Signature}} (both nullable in Go) on ask/1.1.0; tuple
 * {@code [Ask0, Signature]} on 1.0.1. The worker signs {@link StorageAsk#signingBytes()} (1.1.0) or {@link
 * StorageAsk#signingBytesV101()} (1.0.1).
 *
 * @param ask null only in malformed Go answers
 * @param signature null when unsigned
 */
public record SignedStorageAsk(StorageAsk ask, Signature signature) implements CborEncodable {

  @Override
  public void writeCbor(CborWriter w) {
    MapStruct.write(w, List.of(
        field("Ask", ww -> {
          if (ask == null) {
            ww.writeNull();
          } else {
            ask.writeCbor(ww);
          }
        }),
        field("Signature", ww -> Fields.writeNullableSignature(ww, signature))));
  }

  public void writeCborV101(CborWriter w) {
    w.writeArrayHeader(2);
    if (ask == null) {
      w.writeNull();
    } else {
      ask.writeCborV101(w);
    }
    Fields.writeNullableSignature(w, signature);
  }

  public static SignedStorageAsk read(CborReader r) {
    MapStruct.Keys k = MapStruct.read(r, "SignedStorageAsk");
    StorageAsk ask = null;
    Signature sig = null;
    while (k.hasNext()) {
      switch (k.next()) {
        case "Ask" -> ask = r.readNullIfPresent() ? null : StorageAsk.read(r);
        case "Signature" -> sig = Fields.readNullableSignature(r);
        default -> r.skipValue();
      }
    }
    return new SignedStorageAsk(ask, sig);
  }

  public static SignedStorageAsk readV101(CborReader r) {
    r.readTupleHeader("SignedStorageAsk0", 2);
    StorageAsk ask = r.readNullIfPresent() ? null : StorageAsk.readV101(r);
    return new SignedStorageAsk(ask, Fields.readNullableSignature(r));
  }
}
