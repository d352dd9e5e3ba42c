package venus.market.core.miner;

import java.util.List;
import java.util.Objects;
import venus.market.core.address.Address;
import venus.market.core.amount.TokenAmount;
import venus.market.core.cbor.CborEncodable;
import venus.market.core.cbor.CborReader;
import venus.market.core.cbor.CborWriter;
import venus.market.core.market.Fields;

/**
 * miner.MinerInfo as stored by actors v9+ (unchanged through v17): a tuple of 14 fields. What a market reads from it:
 * owner, worker (signs asks and responses, sends PublishStorageDeals), control addresses, peer ID and multiaddrs
 * (where clients dial), sector size. lotus StateMinerInfo returns it as JSON with the same field names (plus
 * NewWorker and WorkerChangeEpoch).
 *
 * @param peerId binary peer ID (multihash bytes); empty when unset
 * @param multiaddrs binary multiaddrs
 * @param pendingWorkerKey null when no worker change is pending
 * @param pendingOwnerAddress null when no owner change is pending
 * @param pendingBeneficiaryTerm null when no beneficiary change is pending
 */
public record MinerInfo(
    Address owner,
    Address worker,
    List<Address> controlAddresses,
    WorkerKeyChange pendingWorkerKey,
    byte[] peerId,
    List<byte[]> multiaddrs,
    long windowPoStProofType,
    long sectorSize,
    long windowPoStPartitionSectors,
    long consensusFaultElapsed,
    Address pendingOwnerAddress,
    Address beneficiary,
    BeneficiaryTerm beneficiaryTerm,
    PendingBeneficiaryChange pendingBeneficiaryTerm) implements CborEncodable {

  /** miner.WorkerKeyChange: tuple {@code [NewWorker, EffectiveAt]}. */
  public record WorkerKeyChange(Address newWorker, long effectiveAt) {}

  /** miner.BeneficiaryTerm: tuple {@code [Quota, UsedQuota, Expiration]}. */
  public record BeneficiaryTerm(TokenAmount quota, TokenAmount usedQuota, long expiration) {}

  /** miner.PendingBeneficiaryChange: tuple of 5. */
  public record PendingBeneficiaryChange(Address newBeneficiary, TokenAmount newQuota, long newExpiration,
      boolean approvedByBeneficiary, boolean approvedByNominee) {}

  public MinerInfo {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(worker, "worker");
    controlAddresses = List.copyOf(controlAddresses);
    peerId = peerId.clone();
    multiaddrs = Fields.copyBytesList(multiaddrs);
    Objects.requireNonNull(beneficiary, "beneficiary");
    Objects.requireNonNull(beneficiaryTerm, "beneficiaryTerm");
  }

  @Override
  public byte[] peerId() {
    return peerId.clone();
  }

  @Override
  public List<byte[]> multiaddrs() {
    return Fields.copyBytesList(multiaddrs);
  }

  @Override
  public void writeCbor(CborWriter w) {
    w.writeArrayHeader(14);
    Fields.writeAddress(w, owner);
    Fields.writeAddress(w, worker);
    Fields.writeList(w, controlAddresses, Fields::writeAddress);
    if (pendingWorkerKey == null) {
      w.writeNull();
    } else {
      w.writeArrayHeader(2);
      Fields.writeAddress(w, pendingWorkerKey.newWorker());
      w.writeInt64(pendingWorkerKey.effectiveAt());
    }
    w.writeBytes(peerId);
    Fields.writeBytesList(w, multiaddrs);
    w.writeInt64(windowPoStProofType);
    w.writeUint64(sectorSize);
    w.writeUint64(windowPoStPartitionSectors);
    w.writeInt64(consensusFaultElapsed);
    if (pendingOwnerAddress == null) {
      w.writeNull();
    } else {
      Fields.writeAddress(w, pendingOwnerAddress);
    }
    Fields.writeAddress(w, beneficiary);
    w.writeArrayHeader(3);
    Fields.writeAmount(w, beneficiaryTerm.quota());
    Fields.writeAmount(w, beneficiaryTerm.usedQuota());
    w.writeInt64(beneficiaryTerm.expiration());
    if (pendingBeneficiaryTerm == null) {
      w.writeNull();
    } else {
      PendingBeneficiaryChange p = pendingBeneficiaryTerm;
      w.writeArrayHeader(5);
      Fields.writeAddress(w, p.newBeneficiary());
      Fields.writeAmount(w, p.newQuota());
      w.writeInt64(p.newExpiration());
      w.writeBool(p.approvedByBeneficiary());
      w.writeBool(p.approvedByNominee());
    }
  }

  public static MinerInfo read(CborReader r) {
    r.readTupleHeader("MinerInfo", 14);
    Address owner = Fields.readAddress(r);
    Address worker = Fields.readAddress(r);
    List<Address> control = Fields.readList(r, Fields::readAddress);
    WorkerKeyChange pending = null;
    if (!r.readNullIfPresent()) {
      r.readTupleHeader("WorkerKeyChange", 2);
      pending = new WorkerKeyChange(Fields.readAddress(r), r.readInt64());
    }
    byte[] peerId = r.readBytes();
    List<byte[]> multiaddrs = Fields.readBytesList(r);
    long postProof = r.readInt64();
    long sectorSize = r.readUint64();
    long partitionSectors = r.readUint64();
    long faultElapsed = r.readInt64();
    Address pendingOwner = r.readNullIfPresent() ? null : Fields.readAddress(r);
    Address beneficiary = Fields.readAddress(r);
    r.readTupleHeader("BeneficiaryTerm", 3);
    BeneficiaryTerm term = new BeneficiaryTerm(Fields.readAmount(r), Fields.readAmount(r), r.readInt64());
    PendingBeneficiaryChange pendingTerm = null;
    if (!r.readNullIfPresent()) {
      r.readTupleHeader("PendingBeneficiaryChange", 5);
      pendingTerm = new PendingBeneficiaryChange(Fields.readAddress(r), Fields.readAmount(r), r.readInt64(),
          r.readBool(), r.readBool());
    }
    return new MinerInfo(owner, worker, control, pending, peerId, multiaddrs, postProof, sectorSize,
        partitionSectors, faultElapsed, pendingOwner, beneficiary, term, pendingTerm);
  }

  public static MinerInfo decode(byte[] cbor) {
    return CborReader.decode(cbor, MinerInfo::read);
  }

  /** Whether {@code a} (an ID address) is the owner, the worker or a control address. */
  public boolean isControlling(Address a) {
    return a.equals(owner) || a.equals(worker) || controlAddresses.contains(a);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MinerInfo m && m.owner.equals(owner) && m.worker.equals(worker)
        && m.controlAddresses.equals(controlAddresses) && Objects.equals(m.pendingWorkerKey, pendingWorkerKey)
        && java.util.Arrays.equals(m.peerId, peerId) && Fields.bytesListEquals(m.multiaddrs, multiaddrs)
        && m.windowPoStProofType == windowPoStProofType && m.sectorSize == sectorSize
        && m.windowPoStPartitionSectors == windowPoStPartitionSectors
        && m.consensusFaultElapsed == consensusFaultElapsed
        && Objects.equals(m.pendingOwnerAddress, pendingOwnerAddress) && m.beneficiary.equals(beneficiary)
        && m.beneficiaryTerm.equals(beneficiaryTerm) && Objects.equals(m.pendingBeneficiaryTerm, pendingBeneficiaryTerm);
  }

  @Override
  public int hashCode() {
    return Objects.hash(owner, worker, controlAddresses, java.util.Arrays.hashCode(peerId), sectorSize);
  }
}
