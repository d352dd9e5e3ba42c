package venus.market.core.market;

import com.fasterxml.jackson.annotation.JsonIgnore;
import venus.market.core.cbor.CborEncodable;
import venus.market.core.cbor.CborReader;
import venus.market.core.cbor.CborWriter;

/**
 * market.DealState of actors v13+ (network v22+): tuple {@code [SectorNumber, SectorStartEpoch, LastUpdatedEpoch,
 * SlashEpoch]}. -1 means "not yet". (Actors v9–v12 had {@code [SectorStartEpoch, LastUpdatedEpoch, SlashEpoch,
 * VerifiedClaim]} — same length, different meaning; only the v13+ form is read here.)
 */
public record DealState(long sectorNumber, long sectorStartEpoch, long lastUpdatedEpoch, long slashEpoch)
    implements CborEncodable {

  /** The state of a deal that is not yet activated. */
  public static final DealState EMPTY = new DealState(0, -1, -1, -1);

  @Override
  public void writeCbor(CborWriter w) {
    w.writeArrayHeader(4);
    w.writeUint64(sectorNumber);
    w.writeInt64(sectorStartEpoch);
    w.writeInt64(lastUpdatedEpoch);
    w.writeInt64(slashEpoch);
  }

  public static DealState read(CborReader r) {
    r.readTupleHeader("DealState", 4);
    return new DealState(r.readUint64(), r.readInt64(), r.readInt64(), r.readInt64());
  }

  public static DealState decode(byte[] cbor) {
    return CborReader.decode(cbor, DealState::read);
  }

  /** A deal is active once it is in a proven sector. */
  @JsonIgnore
  public boolean isActive() {
    return sectorStartEpoch > -1;
  }

  @JsonIgnore
  public boolean isSlashed() {
    return slashEpoch > -1;
  }
}
