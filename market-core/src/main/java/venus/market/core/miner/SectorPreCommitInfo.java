package venus.market.core.miner;

import java.util.List;
import java.util.Objects;
import venus.market.core.cbor.CborEncodable;
import venus.market.core.cbor.CborReader;
import venus.market.core.cbor.CborWriter;
import venus.market.core.market.Fields;
import venus.market.core.multiformats.Cid;

/**
 * miner.SectorPreCommitInfo (actors v9+ / builtin-actors): tuple {@code [SealProof, SectorNumber, SealedCID,
 * SealRandEpoch, DealIDs, Expiration, UnsealedCid]}.
 *
 * <p>On current actors, sectors that will be proven with ProveCommitSectors3 must have <b>empty DealIDs</b>
 * ("new onboarding entry point does not allow pre-committed deals"); market deals are then activated through
 * piece manifests with a notification to f05 (see {@link DataActivationNotification#marketDeal}).
 *
 * @param sealProof RegisteredSealProof (e.g. 8 = StackedDrg2KiBV1_1, 9 = 8MiB, 10 = 512MiB, 11 = 32GiB, 12 = 64GiB)
 * @param unsealedCid CommD, or null for an all-zero sector (Go *cid.Cid nil, Rust CompactCommD None)
 */
public record SectorPreCommitInfo(
    long sealProof,
    long sectorNumber,
    Cid sealedCID,
    long sealRandEpoch,
    List<Long> dealIDs,
    long expiration,
    Cid unsealedCid) implements CborEncodable {

  public SectorPreCommitInfo {
    Objects.requireNonNull(sealedCID, "sealedCID");
    dealIDs = List.copyOf(dealIDs);
  }

  @Override
  public void writeCbor(CborWriter w) {
    w.writeArrayHeader(7);
    w.writeInt64(sealProof);
    w.writeUint64(sectorNumber);
    w.writeCid(sealedCID);
    w.writeInt64(sealRandEpoch);
    Fields.writeUintList(w, dealIDs);
    w.writeInt64(expiration);
    w.writeNullableCid(unsealedCid);
  }

  public static SectorPreCommitInfo read(CborReader r) {
    r.readTupleHeader("SectorPreCommitInfo", 7);
    return new SectorPreCommitInfo(r.readInt64(), r.readUint64(), r.readCid(), r.readInt64(), Fields.readUintList(r),
        r.readInt64(), r.readNullableCid().orElse(null));
  }
}
