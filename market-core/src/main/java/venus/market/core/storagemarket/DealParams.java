package venus.market.core.storagemarket;

import static venus.market.core.market.MapStruct.field;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import venus.market.core.cbor.CborEncodable;
import venus.market.core.cbor.CborReader;
import venus.market.core.cbor.CborWriter;
import venus.market.core.market.ClientDealProposal;
import venus.market.core.market.Fields;
import venus.market.core.market.MapStruct;
import venus.market.core.multiformats.Cid;

/**
 * boost types.DealParams, the request of /fil/storage/mk/1.2.1 (7 keys) and mk/1.2.0 (the first 5; a 1.2.1 provider
 * reads missing keys as false). Current boost clients send all 7 keys on both protocols; {@link #toCborV120()}
 * writes the 5-key form of older clients.
 *
 * @param dealUUID on the wire: a 16-byte byte string
 * @param dealDataRoot payload root CID
 * @param transfer {@link Transfer#NONE} for offline deals
 */
public record DealParams(
    UUID dealUUID,
    boolean isOffline,
    ClientDealProposal clientDealProposal,
    Cid dealDataRoot,
    Transfer transfer,
    boolean removeUnsealedCopy,
    boolean skipIPNIAnnounce) implements CborEncodable {

  public DealParams {
    Objects.requireNonNull(dealUUID, "dealUUID");
    Objects.requireNonNull(clientDealProposal, "clientDealProposal");
    Objects.requireNonNull(dealDataRoot, "dealDataRoot");
    Objects.requireNonNull(transfer, "transfer");
  }

  private List<MapStruct.Field> fields(boolean v121) {
    List<MapStruct.Field> f = new ArrayList<>(List.of(
        field("DealUUID", w -> Fields.writeUuid(w, dealUUID)),
        field("IsOffline", w -> w.writeBool(isOffline)),
        field("ClientDealProposal", clientDealProposal::writeCbor),
        field("DealDataRoot", w -> w.writeCid(dealDataRoot)),
        field("Transfer", transfer::writeCbor)));
    if (v121) {
      f.add(field("RemoveUnsealedCopy", w -> w.writeBool(removeUnsealedCopy)));
      f.add(field("SkipIPNIAnnounce", w -> w.writeBool(skipIPNIAnnounce)));
    }
    return f;
  }

  /** mk/1.2.1 form, 7 keys (what current boost writes on both 1.2.0 and 1.2.1). */
  @Override
  public void writeCbor(CborWriter w) {
    MapStruct.write(w, fields(true));
  }

  /** The 5-key form of mk/1.2.0 clients (RemoveUnsealedCopy and SkipIPNIAnnounce are not sent). */
  public byte[] toCborV120() {
    CborWriter w = new CborWriter();
    MapStruct.write(w, fields(false));
    return w.toByteArray();
  }

  public static DealParams read(CborReader r) {
    MapStruct.Keys k = MapStruct.read(r, "DealParams");
    UUID uuid = null;
    boolean offline = false;
    ClientDealProposal cdp = null;
    Cid root = null;
    Transfer transfer = Transfer.NONE;
    boolean removeUnsealed = false;
    boolean skipIpni = false;
    while (k.hasNext()) {
      switch (k.next()) {
        case "DealUUID" -> uuid = Fields.readUuid(r);
        case "IsOffline" -> offline = r.readBool();
        case "ClientDealProposal" -> cdp = ClientDealProposal.read(r);
        case "DealDataRoot" -> root = r.readCid();
        case "Transfer" -> transfer = Transfer.read(r);
        case "RemoveUnsealedCopy" -> removeUnsealed = r.readBool();
        case "SkipIPNIAnnounce" -> skipIpni = r.readBool();
        default -> r.skipValue();
      }
    }
    k.require("DealUUID", "ClientDealProposal", "DealDataRoot");
    return new DealParams(uuid, offline, cdp, root, transfer, removeUnsealed, skipIpni);
  }

  public static DealParams decode(byte[] cbor) {
    return CborReader.decode(cbor, DealParams::read);
  }
}
