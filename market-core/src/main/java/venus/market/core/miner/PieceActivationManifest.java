package venus.market.core.miner;

import java.util.List;
import java.util.Objects;
import venus.market.core.cbor.CborEncodable;
import venus.market.core.cbor.CborReader;
import venus.market.core.cbor.CborWriter;
import venus.market.core.market.Fields;
import venus.market.core.multiformats.Cid;

/**
 * miner.PieceActivationManifest: tuple {@code [CID, Size, VerifiedAllocationKey|null, Notify]}.
 *
 * @param size padded piece size
 * @param verifiedAllocationKey the FIL+ allocation to claim, or null
 * @param notifications Go field "Notify" (a record component cannot be named notify)
 */
public record PieceActivationManifest(Cid cid, long size, VerifiedAllocationKey verifiedAllocationKey,
    List<DataActivationNotification> notifications) implements CborEncodable {

  public PieceActivationManifest {
    Objects.requireNonNull(cid, "cid");
    notifications = List.copyOf(notifications);
  }

  @Override
  public void writeCbor(CborWriter w) {
    w.writeArrayHeader(4);
    w.writeCid(cid);
    w.writeUint64(size);
    if (verifiedAllocationKey == null) {
      w.writeNull();
    } else {
      verifiedAllocationKey.writeCbor(w);
    }
    Fields.writeList(w, notifications, (ww, n) -> n.writeCbor(ww));
  }

  public static PieceActivationManifest read(CborReader r) {
    r.readTupleHeader("PieceActivationManifest", 4);
    Cid cid = r.readCid();
    long size = r.readUint64();
    VerifiedAllocationKey key = r.readNullIfPresent() ? null : VerifiedAllocationKey.read(r);
    return new PieceActivationManifest(cid, size, key, Fields.readList(r, DataActivationNotification::read));
  }
}
