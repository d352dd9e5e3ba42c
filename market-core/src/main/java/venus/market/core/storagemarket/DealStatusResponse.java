package venus.market.core.storagemarket;

import static venus.market.core.market.MapStruct.field;

import java.util.List;
import java.util.Objects;
import venus.market.core.cbor.CborEncodable;
import venus.market.core.cbor.CborReader;
import venus.market.core.cbor.CborWriter;
import venus.market.core.crypto.Signature;
import venus.market.core.market.Fields;
import venus.market.core.market.MapStruct;

/**
 * status/1.1.0 answer: map {@code {DealState, Signature}}; 1.0.1: tuple {@code [ProviderDealState0, Signature]}.
 * The signature (worker key) is over {@link ProviderDealState#signingBytes()} / {@code signingBytesV101()}.
 */
public record DealStatusResponse(ProviderDealState dealState, Signature signature) implements CborEncodable {

  public DealStatusResponse {
    Objects.requireNonNull(dealState, "dealState");
    Objects.requireNonNull(signature, "signature");
  }

  @Override
  public void writeCbor(CborWriter w) {
    MapStruct.write(w, List.of(
        field("DealState", dealState::writeCbor),
        field("Signature", ww -> Fields.writeSignature(ww, signature))));
  }

  public byte[] toCborV101() {
    CborWriter w = new CborWriter();
    w.writeArrayHeader(2);
    dealState.writeCborV101(w);
    Fields.writeSignature(w, signature);
    return w.toByteArray();
  }

  public static DealStatusResponse read(CborReader r) {
    MapStruct.Keys k = MapStruct.read(r, "DealStatusResponse");
    ProviderDealState state = null;
    Signature sig = null;
    while (k.hasNext()) {
      switch (k.next()) {
        case "DealState" -> state = ProviderDealState.read(r);
        case "Signature" -> sig = Fields.readSignature(r);
        default -> r.skipValue();
      }
    }
    k.require("DealState", "Signature");
    return new DealStatusResponse(state, sig);
  }

  public static DealStatusResponse readV101(CborReader r) {
    r.readTupleHeader("DealStatusResponse0", 2);
    return new DealStatusResponse(ProviderDealState.readV101(r), Fields.readSignature(r));
  }

  public static DealStatusResponse decode(byte[] cbor) {
    return CborReader.decode(cbor, DealStatusResponse::read);
  }

  public static DealStatusResponse decodeV101(byte[] cbor) {
    return CborReader.decode(cbor, DealStatusResponse::readV101);
  }
}
