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
import venus.market.core.multiformats.Cid;

/**
 * /fil/storage/status/1.1.0 request: map {@code {Proposal, Signature}} (1.0.1: tuple). The client signs {@link
 * #signingBytes(Cid)} with the deal's client key.
 */
public record DealStatusRequest(Cid proposal, Signature signature) implements CborEncodable {

  public DealStatusRequest {
    Objects.requireNonNull(proposal, "proposal");
    Objects.requireNonNull(signature, "signature");
  }

  /** The bytes the client signs: the CBOR of the proposal CID (tag 42 form, {@code d8 2a 58 25 00 01 71 12 20 …}). */
  public static byte[] signingBytes(Cid proposalCid) {
    CborWriter w = new CborWriter();
    w.writeCid(proposalCid);
    return w.toByteArray();
  }

  @Override
  public void writeCbor(CborWriter w) {
    MapStruct.write(w, List.of(
        field("Proposal", ww -> ww.writeCid(proposal)),
        field("Signature", ww -> Fields.writeSignature(ww, signature))));
  }

  public byte[] toCborV101() {
    CborWriter w = new CborWriter();
    w.writeArrayHeader(2);
    w.writeCid(proposal);
    Fields.writeSignature(w, signature);
    return w.toByteArray();
  }

  public static DealStatusRequest read(CborReader r) {
    MapStruct.Keys k = MapStruct.read(r, "DealStatusRequest");
    Cid proposal = null;
    Signature sig = null;
    while (k.hasNext()) {
      switch (k.next()) {
        case "Proposal" -> proposal = r.readCid();
        case "Signature" -> sig = Fields.readSignature(r);
        default -> r.skipValue();
      }
    }
    k.require("Proposal", "Signature");
    return new DealStatusRequest(proposal, sig);
  }

  public static DealStatusRequest readV101(CborReader r) {
    r.readTupleHeader("DealStatusRequest0", 2);
    return new DealStatusRequest(r.readCid(), Fields.readSignature(r));
  }

  public static DealStatusRequest decode(byte[] cbor) {
    return CborReader.decode(cbor, DealStatusRequest::read);
  }

  public static DealStatusRequest decodeV101(byte[] cbor) {
    return CborReader.decode(cbor, DealStatusRequest::readV101);
  }
}
