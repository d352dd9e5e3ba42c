package venus.market.core.storagemarket;

import static venus.market.core.market.MapStruct.field;

import java.util.List;
import venus.market.core.cbor.CborEncodable;
import venus.market.core.cbor.CborReader;
import venus.market.core.cbor.CborWriter;
import venus.market.core.market.MapStruct;

/**
 * Ask response: map {@code {Ask: SignedStorageAsk|null}} on ask/1.1.0 (null when the provider has no ask for that
 * miner), tuple {@code [SignedStorageAsk0|null]} on 1.0.1.
 */
public record AskResponse(SignedStorageAsk ask) implements CborEncodable {

  @Override
  public void writeCbor(CborWriter w) {
    MapStruct.write(w, List.of(field("Ask", ww -> {
      if (ask == null) {
        ww.writeNull();
      } else {
        ask.writeCbor(ww);
      }
    })));
  }

  public byte[] toCborV101() {
    CborWriter w = new CborWriter();
    w.writeArrayHeader(1);
    if (ask == null) {
      w.writeNull();
    } else {
      ask.writeCborV101(w);
    }
    return w.toByteArray();
  }

  public static AskResponse read(CborReader r) {
    MapStruct.Keys k = MapStruct.read(r, "AskResponse");
    SignedStorageAsk ask = null;
    while (k.hasNext()) {
      if (k.next().equals("Ask")) {
        ask = r.readNullIfPresent() ? null : SignedStorageAsk.read(r);
      } else {
        r.skipValue();
      }
    }
    return new AskResponse(ask);
  }

  public static AskResponse readV101(CborReader r) {
    r.readTupleHeader("AskResponse0", 1);
    return new AskResponse(r.readNullIfPresent() ? null : SignedStorageAsk.readV101(r));
  }

  public static AskResponse decode(byte[] cbor) {
    return CborReader.decode(cbor, AskResponse::read);
  }

  public static AskResponse decodeV101(byte[] cbor) {
    return CborReader.decode(cbor, AskResponse::readV101);
  }
}
