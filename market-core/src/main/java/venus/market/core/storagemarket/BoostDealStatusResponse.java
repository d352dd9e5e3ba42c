package venus.market.core.storagemarket;

import static venus.market.core.market.MapStruct.field;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import venus.market.core.cbor.CborEncodable;
import venus.market.core.cbor.CborReader;
import venus.market.core.cbor.CborWriter;
import venus.market.core.market.Fields;
import venus.market.core.market.MapStruct;

/**
 * boost types.DealStatusResponse (status/1.2.0 answer): map of 6 keys. Not signed. On failure Error is set and
 * DealStatus is null.
 *
 * @param dealStatus null when {@code error} is set
 */
public record BoostDealStatusResponse(
    UUID dealUUID,
    String error,
    BoostDealStatus dealStatus,
    boolean isOffline,
    long transferSize,
    long nBytesReceived) implements CborEncodable {

  public BoostDealStatusResponse {
    Objects.requireNonNull(dealUUID, "dealUUID");
    Objects.requireNonNull(error, "error");
  }

  @Override
  public void writeCbor(CborWriter w) {
    MapStruct.write(w, List.of(
        field("DealUUID", ww -> Fields.writeUuid(ww, dealUUID)),
        field("Error", ww -> ww.writeText(error)),
        field("DealStatus", ww -> {
          if (dealStatus == null) {
            ww.writeNull();
          } else {
            dealStatus.writeCbor(ww);
          }
        }),
        field("IsOffline", ww -> ww.writeBool(isOffline)),
        field("TransferSize", ww -> ww.writeUint64(transferSize)),
        field("NBytesReceived", ww -> ww.writeUint64(nBytesReceived))));
  }

  public static BoostDealStatusResponse read(CborReader r) {
    MapStruct.Keys k = MapStruct.read(r, "DealStatusResponse");
    UUID uuid = null;
    String error = "";
    BoostDealStatus status = null;
    boolean offline = false;
    long size = 0;
    long received = 0;
    while (k.hasNext()) {
      switch (k.next()) {
        case "DealUUID" -> uuid = Fields.readUuid(r);
        case "Error" -> error = r.readText();
        case "DealStatus" -> status = r.readNullIfPresent() ? null : BoostDealStatus.read(r);
        case "IsOffline" -> offline = r.readBool();
        case "TransferSize" -> size = r.readUint64();
        case "NBytesReceived" -> received = r.readUint64();
        default -> r.skipValue();
      }
    }
    k.require("DealUUID");
    return new BoostDealStatusResponse(uuid, error, status, offline, size, received);
  }

  public static BoostDealStatusResponse decode(byte[] cbor) {
    return CborReader.decode(cbor, BoostDealStatusResponse::read);
  }
}
