package venus.market.core.miner;

import java.util.List;
import venus.market.core.cbor.CborEncodable;
import venus.market.core.cbor.CborReader;
import venus.market.core.cbor.CborWriter;
import venus.market.core.market.Fields;

/**
 * Params of PreCommitSectorBatch2 (method 28), the only pre-commit method current actors accept: tuple
 * {@code [Sectors]} of {@link SectorPreCommitInfo}. Chosen over PreCommitSector (6) and PreCommitSectorBatch (25),
 * which are deprecated since actors v13.
 */
public record PreCommitSectorBatchParams2(List<SectorPreCommitInfo> sectors) implements CborEncodable {

  public PreCommitSectorBatchParams2 {
    sectors = List.copyOf(sectors);
  }

  @Override
  public void writeCbor(CborWriter w) {
    w.writeArrayHeader(1);
    Fields.writeList(w, sectors, (ww, s) -> s.writeCbor(ww));
  }

  public static PreCommitSectorBatchParams2 read(CborReader r) {
    r.readTupleHeader("PreCommitSectorBatchParams2", 1);
    return new PreCommitSectorBatchParams2(Fields.readList(r, SectorPreCommitInfo::read));
  }

  public static PreCommitSectorBatchParams2 decode(byte[] cbor) {
    return CborReader.decode(cbor, PreCommitSectorBatchParams2::read);
  }
}
