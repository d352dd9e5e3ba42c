package venus.market.core.storagemarket;

import static venus.market.core.market.MapStruct.field;

import java.util.List;
import java.util.Objects;
import venus.market.core.cbor.CborEncodable;
import venus.market.core.cbor.CborReader;
import venus.market.core.cbor.CborWriter;
import venus.market.core.market.MapStruct;

/** boost types.DealResponse (mk/1.2.x answer): map {@code {Accepted, Message}}. Not signed. */
public record DealResponse(boolean accepted, String message) implements CborEncodable {

  public DealResponse {
    Objects.requireNonNull(message, "message");
  }

  @Override
  public void writeCbor(CborWriter w) {
    MapStruct.write(w, List.of(
        field("Accepted", ww -> ww.writeBool(accepted)),
        field("Message", ww -> ww.writeText(message))));
  }

  public static DealResponse read(CborReader r) {
    MapStruct.Keys k = MapStruct.read(r, "DealResponse");
    boolean accepted = false;
    String message = "";
    while (k.hasNext()) {
      switch (k.next()) {
        case "Accepted" -> accepted = r.readBool();
        case "Message" -> message = r.readText();
        default -> r.skipValue();
      }
    }
    return new DealResponse(accepted, message);
  }

  public static DealResponse decode(byte[] cbor) {
    return CborReader.decode(cbor, DealResponse::read);
  }
}
