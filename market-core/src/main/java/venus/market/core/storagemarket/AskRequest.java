package venus.market.core.storagemarket;

import static venus.market.core.market.MapStruct.field;

import java.util.List;
import java.util.Objects;
import venus.market.core.address.Address;
import venus.market.core.cbor.CborEncodable;
import venus.market.core.cbor.CborReader;
import venus.market.core.cbor.CborWriter;
import venus.market.core.market.Fields;
import venus.market.core.market.MapStruct;

/** Ask request: map {@code {Miner}} on /fil/storage/ask/1.1.0, tuple {@code [Miner]} on 1.0.1. */
public record AskRequest(Address miner) implements CborEncodable {

  public AskRequest {
    Objects.requireNonNull(miner, "miner");
  }

  @Override
  public void writeCbor(CborWriter w) {
    MapStruct.write(w, List.of(field("Miner", ww -> Fields.writeAddress(ww, miner))));
  }

  public byte[] toCborV101() {
    CborWriter w = new CborWriter();
    w.writeArrayHeader(1);
    Fields.writeAddress(w, miner);
    return w.toByteArray();
  }

  public static AskRequest read(CborReader r) {
    MapStruct.Keys k = MapStruct.read(r, "AskRequest");
    Address miner = null;
    while (k.hasNext()) {
      if (k.next().equals("Miner")) {
        miner = Fields.readAddress(r);
      } else {
        r.skipValue();
      }
    }
    k.require("Miner");
    return new AskRequest(miner);
  }

  public static AskRequest readV101(CborReader r) {
    r.readTupleHeader("AskRequest0", 1);
    return new AskRequest(Fields.readAddress(r));
  }

  public static AskRequest decode(byte[] cbor) {
    return CborReader.decode(cbor, AskRequest::read);
  }

  public static AskRequest decodeV101(byte[] cbor) {
    return CborReader.decode(cbor, AskRequest::readV101);
  }
}
