package venus.market.core.miner;

import java.util.Arrays;
import java.util.List;
import venus.market.core.cbor.CborEncodable;
import venus.market.core.cbor.CborReader;
import venus.market.core.cbor.CborWriter;
import venus.market.core.market.Fields;

/**
 * Params of ProveCommitSectors3 (method 34, actors v13+): tuple {@code [SectorActivations, SectorProofs,
 * AggregateProof, AggregateProofType|null, RequireActivationSuccess, RequireNotificationSuccess]}. Exactly one of
 * SectorProofs (one per sector, parallel to the manifests) or AggregateProof is non-empty. Returns a {@link
 * BatchReturn}.
 *
 * @param aggregateProofType RegisteredAggregationProof, or null when there is no aggregate proof
 */
public record ProveCommitSectors3Params(
    List<SectorActivationManifest> sectorActivations,
    List<byte[]> sectorProofs,
    byte[] aggregateProof,
    Long aggregateProofType,
    boolean requireActivationSuccess,
    boolean requireNotificationSuccess) implements CborEncodable {

  public ProveCommitSectors3Params {
    sectorActivations = List.copyOf(sectorActivations);
    sectorProofs = Fields.copyBytesList(sectorProofs);
    aggregateProof = aggregateProof.clone();
  }

  @Override
  public List<byte[]> sectorProofs() {
    return Fields.copyBytesList(sectorProofs);
  }

  @Override
  public byte[] aggregateProof() {
    return aggregateProof.clone();
  }

  @Override
  public void writeCbor(CborWriter w) {
    w.writeArrayHeader(6);
    Fields.writeList(w, sectorActivations, (ww, s) -> s.writeCbor(ww));
    Fields.writeBytesList(w, sectorProofs);
    w.writeBytes(aggregateProof);
    if (aggregateProofType == null) {
      w.writeNull();
    } else {
      w.writeInt64(aggregateProofType);
    }
    w.writeBool(requireActivationSuccess);
    w.writeBool(requireNotificationSuccess);
  }

  public static ProveCommitSectors3Params read(CborReader r) {
    r.readTupleHeader("ProveCommitSectors3Params", 6);
    List<SectorActivationManifest> activations = Fields.readList(r, SectorActivationManifest::read);
    List<byte[]> proofs = Fields.readBytesList(r);
    byte[] aggregate = r.readBytes();
    Long type = r.readNullIfPresent() ? null : r.readInt64();
    return new ProveCommitSectors3Params(activations, proofs, aggregate, type, r.readBool(), r.readBool());
  }

  public static ProveCommitSectors3Params decode(byte[] cbor) {
    return CborReader.decode(cbor, ProveCommitSectors3Params::read);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ProveCommitSectors3Params p && p.sectorActivations.equals(sectorActivations)
        && Fields.bytesListEquals(p.sectorProofs, sectorProofs) && Arrays.equals(p.aggregateProof, aggregateProof)
        && java.util.Objects.equals(p.aggregateProofType, aggregateProofType)
        && p.requireActivationSuccess == requireActivationSuccess
        && p.requireNotificationSuccess == requireNotificationSuccess;
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(sectorActivations, Fields.bytesListHash(sectorProofs),
        Arrays.hashCode(aggregateProof), aggregateProofType, requireActivationSuccess, requireNotificationSuccess);
  }
}
