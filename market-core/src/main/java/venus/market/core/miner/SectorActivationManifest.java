package venus.market.core.miner;

import java.util.List;
import venus.market.core.cbor.CborEncodable;
import venus.market.core.cbor.CborReader;
import venus.market.core.cbor.CborWriter;
import venus.market.core.market.Fields;

/**
 * miner.SectorActivationManifest: tuple {@code [SectorNumber, Pieces]}. The pieces, in sector order, must add up to
 * the CommD given at pre-commit; an implicit zero piece fills the rest of the sector.
 */
public record SectorActivationManifest(long sectorNumber, List<PieceActivationManifest> pieces)
    implements CborEncodable {

  public SectorActivationManifest {
    pieces = List.copyOf(pieces);
  }

  @Override
  public void writeCbor(CborWriter w) {
    w.writeArrayHeader(2);
    w.writeUint64(sectorNumber);
    Fields.writeList(w, pieces, (ww, p) -> p.writeCbor(ww));
  }

  public static SectorActivationManifest read(CborReader r) {
    r.readTupleHeader("SectorActivationManifest", 2);
    return new SectorActivationManifest(r.readUint64(), Fields.readList(r, PieceActivationManifest::read));
  }
}
