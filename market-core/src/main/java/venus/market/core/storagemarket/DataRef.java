package venus.market.core.storagemarket;

import com.fasterxml.jackson.annotation.JsonIgnore;
import static venus.market.core.market.MapStruct.field;

import java.util.List;
import java.util.Objects;
import venus.market.core.cbor.CborEncodable;
import venus.market.core.cbor.CborReader;
import venus.market.core.cbor.CborWriter;
import venus.market.core.market.MapStruct;
import venus.market.core.multiformats.Cid;

/**
 * storagemarket.DataRef: where the deal's data comes from. mk/1.1.x: map of 5 keys; mk/1.0.1: tuple {@code
 * [TransferType, Root, PieceCid, PieceSize]} without RawBlockSize.
 *
 * @param transferType "graphsync" (online push) or "manual" (offline import)
 * @param root payload root CID
 * @param pieceCid piece CID, or null when the provider should compute it
 * @param pieceSize <b>unpadded</b> piece size (e.g. 4064 for a 4096-byte piece); 0 when unknown
 * @param rawBlockSize payload size, only a progress denominator; 0 when unknown
 */
public record DataRef(String transferType, Cid root, Cid pieceCid, long pieceSize, long rawBlockSize)
    implements CborEncodable {

  public static final String TRANSFER_GRAPHSYNC = "graphsync";
  public static final String TRANSFER_MANUAL = "manual";

  public DataRef {
    Objects.requireNonNull(transferType, "transferType");
    Objects.requireNonNull(root, "root");
  }

  List<MapStruct.Field> fields() {
    return List.of(
        field("TransferType", w -> w.writeText(transferType)),
        field("Root", w -> w.writeCid(root)),
        field("PieceCid", w -> w.writeNullableCid(pieceCid)),
        field("PieceSize", w -> w.writeUint64(pieceSize)),
        field("RawBlockSize", w -> w.writeUint64(rawBlockSize)));
  }

  @Override
  public void writeCbor(CborWriter w) {
    MapStruct.write(w, fields());
  }

  /** mk/1.0.1 tuple (RawBlockSize is not sent). */
  public void writeCborV101(CborWriter w) {
    w.writeArrayHeader(4);
    w.writeText(transferType);
    w.writeCid(root);
    w.writeNullableCid(pieceCid);
    w.writeUint64(pieceSize);
  }

  @JsonIgnore
  public boolean isManual() {
    return TRANSFER_MANUAL.equals(transferType);
  }

  public static DataRef read(CborReader r) {
    MapStruct.Keys k = MapStruct.read(r, "DataRef");
    String type = "";
    Cid root = null;
    Cid pieceCid = null;
    long pieceSize = 0;
    long rawBlockSize = 0;
    while (k.hasNext()) {
      switch (k.next()) {
        case "TransferType" -> type = r.readText();
        case "Root" -> root = r.readCid();
        case "PieceCid" -> pieceCid = r.readNullableCid().orElse(null);
        case "PieceSize" -> pieceSize = r.readUint64();
        case "RawBlockSize" -> rawBlockSize = r.readUint64();
        default -> r.skipValue();
      }
    }
    k.require("Root");
    return new DataRef(type, root, pieceCid, pieceSize, rawBlockSize);
  }

  public static DataRef readV101(CborReader r) {
    r.readTupleHeader("DataRef0", 4);
    return new DataRef(r.readText(), r.readCid(), r.readNullableCid().orElse(null), r.readUint64(), 0);
  }
}
