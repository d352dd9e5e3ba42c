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
 * mk/1.1.x: map {@code {Response, Signature}}; mk/1.0.1: tuple {@code [Response0, Signature]}. Signed by the miner's
 * worker key over {@link Response#signingBytes()} (1.0.1: {@link Response#signingBytesV101()}).
 *
 * @param signature null when unsigned
 */
public record SignedResponse(Response response, Signature signature) implements CborEncodable {

  public SignedResponse {
    Objects.requireNonNull(response, "response");
  }

  @Override
  public void writeCbor(CborWriter w) {
    MapStruct.write(w, List.of(
        field("Response", response::writeCbor),
        field("Signature", ww -> Fields.writeNullableSignature(ww, signature))));
  }

  public byte[] toCborV101() {
    CborWriter w = new CborWriter();
    w.writeArrayHeader(2);
    response.writeCborV101(w);
    Fields.writeNullableSignature(w, signature);
    return w.toByteArray();
  }

  public static SignedResponse read(CborReader r) {
    MapStruct.Keys k = MapStruct.read(r, "SignedResponse");
    Response resp = null;
    Signature sig = null;
    while (k.hasNext()) {
      switch (k.next()) {
        case "Response" -> resp = Response.read(r);
        case "Signature" -> sig = Fields.readNullableSignature(r);
        default -> r.skipValue();
      }
    }
    k.require("Response");
    return new SignedResponse(resp, sig);
  }

  public static SignedResponse readV101(CborReader r) {
    r.readTupleHeader("SignedResponse0", 2);
    return new SignedResponse(Response.readV101(r), Fields.readNullableSignature(r));
  }

  public static SignedResponse decode(byte[] cbor) {
    return CborReader.decode(cbor, SignedResponse::read);
  }

  public static SignedResponse decodeV101(byte[] cbor) {
    return CborReader.decode(cbor, SignedResponse::readV101);
  }
}
