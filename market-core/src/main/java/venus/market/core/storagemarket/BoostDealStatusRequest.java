package venus.market.core.storagemarket;

import static venus.market.core.market.MapStruct.field;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import venus.market.core.cbor.CborEncodable;
import venus.market.core.cbor.CborReader;
import venus.market.core.cbor.CborWriter;
import venus.market.core.crypto.Signature;
import venus.market.core.market.Fields;
import venus.market.core.market.MapStruct;

/**
 * boost types.DealStatusRequest (/fil/storage/status/1.2.0): map {@code {DealUUID, Signature}}. The client signs
 * {@link #signingBytes(UUID)} — the 16 raw UUID bytes — with the deal's client key.
 */
public record BoostDealStatusRequest(UUID dealUUID, Signature signature) implements CborEncodable {

  public BoostDealStatusRequest {
    Objects.requireNonNull(dealUUID, "dealUUID");
    Objects.requireNonNull(signature, "signature");
  }

  /** The 16 bytes of the UUID in RFC 4122 order. */
  public static byte[] signingBytes(UUID dealUUID) {
    return Fields.uuidBytes(dealUUID);
  }

  @Override
  public void writeCbor(CborWriter w) {
    MapStruct.write(w, List.of(
        field("DealUUID", ww -> Fields.writeUuid(ww, dealUUID)),
        field("Signature", ww -> Fields.writeSignature(ww, signature))));
  }

  public static BoostDealStatusRequest read(CborReader r) {
    MapStruct.Keys k = MapStruct.read(r, "DealStatusRequest");
    UUID uuid = null;
    Signature sig = null;
    while (k.hasNext()) {
      switch (k.next()) {
        case "DealUUID" -> uuid = Fields.readUuid(r);
        case "Signature" -> sig = Fields.readSignature(r);
        default -> r.skipValue();
      }
    }
    k.require("DealUUID", "Signature");
    return new BoostDealStatusRequest(uuid, sig);
  }

  public static BoostDealStatusRequest decode(byte[] cbor) {
    return CborReader.decode(cbor, BoostDealStatusRequest::read);
  }
}
