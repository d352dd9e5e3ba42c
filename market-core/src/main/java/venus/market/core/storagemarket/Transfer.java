package venus.market.core.storagemarket;

import static venus.market.core.market.MapStruct.field;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import venus.market.core.cbor.CborEncodable;
import venus.market.core.cbor.CborReader;
import venus.market.core.cbor.CborWriter;
import venus.market.core.market.MapStruct;

/**
 * boost types.Transfer (inside mk/1.2.x DealParams): map {@code {Type, ClientID, Params, Size}}. Offline deals send
 * {@link #NONE} (Size 0, Type "", Params empty, ClientID "").
 *
 * @param type "http", "libp2p", or "" for offline
 * @param clientID opaque client-chosen ID
 * @param params opaque; for http/libp2p the JSON {@code {"URL": …, "Headers": {…}}}
 * @param size bytes to download
 */
public record Transfer(String type, String clientID, byte[] params, long size) implements CborEncodable {

  public static final Transfer NONE = new Transfer("", "", new byte[0], 0);

  public Transfer {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(clientID, "clientID");
    params = params.clone();
  }

  @Override
  public byte[] params() {
    return params.clone();
  }

  @Override
  public void writeCbor(CborWriter w) {
    MapStruct.write(w, List.of(
        field("Type", ww -> ww.writeText(type)),
        field("ClientID", ww -> ww.writeText(clientID)),
        field("Params", ww -> ww.writeBytes(params)),
        field("Size", ww -> ww.writeUint64(size))));
  }

  public static Transfer read(CborReader r) {
    MapStruct.Keys k = MapStruct.read(r, "Transfer");
    String type = "";
    String clientId = "";
    byte[] params = new byte[0];
    long size = 0;
    while (k.hasNext()) {
      switch (k.next()) {
        case "Type" -> type = r.readText();
        case "ClientID" -> clientId = r.readText();
        case "Params" -> params = r.readBytes();
        case "Size" -> size = r.readUint64();
        default -> r.skipValue();
      }
    }
    return new Transfer(type, clientId, params, size);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Transfer t && t.type.equals(type) && t.clientID.equals(clientID)
        && Arrays.equals(t.params, params) && t.size == size;
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, clientID, Arrays.hashCode(params), size);
  }

  @Override
  public String toString() {
    return "Transfer[type=" + type + ", clientID=" + clientID + ", params=" + params.length + " bytes, size=" + size
        + "]";
  }
}
