package venus.market.core.storagemarket;

import static venus.market.core.market.MapStruct.field;

import java.util.List;
import java.util.Objects;
import venus.market.core.cbor.CborEncodable;
import venus.market.core.cbor.CborReader;
import venus.market.core.cbor.CborWriter;
import venus.market.core.market.DealProposal;
import venus.market.core.market.MapStruct;

import venus.market.core.multiformats.Cid;

/**
 * boost types.DealStatus (inside a status/1.2.0 answer): map of 7 keys.
 *
 * @param status boost checkpoint name: "Accepted", "Transferred", "Published", "PublishConfirmed", "AddedPiece",
 *     "IndexedAndAnnounced", "Complete"
 * @param signedProposalCid the sha2-256 proposal CID of the ClientDealProposal
 * @param publishCid null until published
 */
public record BoostDealStatus(
    String error,
    String status,
    String sealingStatus,
    DealProposal proposal,
    Cid signedProposalCid,
    Cid publishCid,
    long chainDealID) implements CborEncodable {

  public BoostDealStatus {
    Objects.requireNonNull(error, "error");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(sealingStatus, "sealingStatus");
    Objects.requireNonNull(proposal, "proposal");
    Objects.requireNonNull(signedProposalCid, "signedProposalCid");
  }

  @Override
  public void writeCbor(CborWriter w) {
    MapStruct.write(w, List.of(
        field("Error", ww -> ww.writeText(error)),
        field("Status", ww -> ww.writeText(status)),
        field("SealingStatus", ww -> ww.writeText(sealingStatus)),
        field("Proposal", proposal::writeCbor),
        field("SignedProposalCid", ww -> ww.writeCid(signedProposalCid)),
        field("PublishCid", ww -> ww.writeNullableCid(publishCid)),
        field("ChainDealID", ww -> ww.writeUint64(chainDealID))));
  }

  public static BoostDealStatus read(CborReader r) {
    MapStruct.Keys k = MapStruct.read(r, "DealStatus");
    String error = "";
    String status = "";
    String sealing = "";
    DealProposal proposal = null;
    Cid signed = null;
    Cid publish = null;
    long dealId = 0;
    while (k.hasNext()) {
      switch (k.next()) {
        case "Error" -> error = r.readText();
        case "Status" -> status = r.readText();
        case "SealingStatus" -> sealing = r.readText();
        case "Proposal" -> proposal = DealProposal.read(r);
        case "SignedProposalCid" -> signed = r.readCid();
        case "PublishCid" -> publish = r.readNullableCid().orElse(null);
        case "ChainDealID" -> dealId = r.readUint64();
        default -> r.skipValue();
      }
    }
    k.require("Proposal", "SignedProposalCid");
    return new BoostDealStatus(error, status, sealing, proposal, signed, publish, dealId);
  }
}
