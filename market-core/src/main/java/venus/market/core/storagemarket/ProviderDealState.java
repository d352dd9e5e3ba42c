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
 * storagemarket.ProviderDealState, the body of a status/1.1.0 answer: map of 8 keys; status/1.0.1: tuple {@code
 * [State, Message, Proposal, ProposalCid, AddFundsCid, PublishCid, DealID, FastRetrieval]} (Go declaration order).
 * Signed by the worker. On an unknown proposal or a bad signature go-fil-markets answers State = 26
 * (StorageDealError) with the error text and every pointer null ({@link #error}).
 *
 * @param proposal null in error answers
 * @param dealID the on-chain deal ID, 0 until published
 */
public record ProviderDealState(
    long state,
    String message,
    DealProposal proposal,
    Cid proposalCid,
    Cid addFundsCid,
    Cid publishCid,
    long dealID,
    boolean fastRetrieval) implements CborEncodable {

  public ProviderDealState {
    Objects.requireNonNull(message, "message");
  }

  public static ProviderDealState error(String message) {
    return new ProviderDealState(StorageDealStatus.ERROR.code(), message, null, null, null, null, 0, false);
  }

  private List<MapStruct.Field> fields() {
    return List.of(
        field("State", w -> w.writeUint64(state)),
        field("Message", w -> w.writeText(message)),
        field("Proposal", w -> {
          if (proposal == null) {
            w.writeNull();
          } else {
            proposal.writeCbor(w);
          }
        }),
        field("ProposalCid", w -> w.writeNullableCid(proposalCid)),
        field("AddFundsCid", w -> w.writeNullableCid(addFundsCid)),
        field("PublishCid", w -> w.writeNullableCid(publishCid)),
        field("DealID", w -> w.writeUint64(dealID)),
        field("FastRetrieval", w -> w.writeBool(fastRetrieval)));
  }

  @Override
  public void writeCbor(CborWriter w) {
    MapStruct.write(w, fields());
  }

  public void writeCborV101(CborWriter w) {
    w.writeArrayHeader(8);
    for (MapStruct.Field f : fields()) {
      f.value().accept(w);
    }
  }

  /** What the worker signs on status/1.1.0: the canonical map (current Go). */
  public byte[] signingBytes() {
    return toCbor();
  }

  /** What the worker signs on status/1.0.1: the tuple. */
  public byte[] signingBytesV101() {
    CborWriter w = new CborWriter();
    writeCborV101(w);
    return w.toByteArray();
  }

  /** The map in Go declaration order: what go-fil-markets before v1.28 signed. Verifiers should accept either. */
  public byte[] signingBytesGoLegacyOrder() {
    return MapStruct.encodeInDeclarationOrder(fields());
  }

  /**
   * Every byte form a peer may have signed for the map protocol: canonical (current Go) first, then the legacy
   * declaration order. Verify a received signature against each; accept if any verifies.
   */
  public List<byte[]> signingBytesCandidates() {
    return List.of(signingBytes(), signingBytesGoLegacyOrder());
  }

  public static ProviderDealState read(CborReader r) {
    MapStruct.Keys k = MapStruct.read(r, "ProviderDealState");
    long state = 0;
    String message = "";
    DealProposal proposal = null;
    Cid proposalCid = null;
    Cid addFunds = null;
    Cid publish = null;
    long dealId = 0;
    boolean fast = false;
    while (k.hasNext()) {
      switch (k.next()) {
        case "State" -> state = r.readUint64();
        case "Message" -> message = r.readText();
        case "Proposal" -> proposal = r.readNullIfPresent() ? null : DealProposal.read(r);
        case "ProposalCid" -> proposalCid = r.readNullableCid().orElse(null);
        case "AddFundsCid" -> addFunds = r.readNullableCid().orElse(null);
        case "PublishCid" -> publish = r.readNullableCid().orElse(null);
        case "DealID" -> dealId = r.readUint64();
        case "FastRetrieval" -> fast = r.readBool();
        default -> r.skipValue();
      }
    }
    return new ProviderDealState(state, message, proposal, proposalCid, addFunds, publish, dealId, fast);
  }

  public static ProviderDealState readV101(CborReader r) {
    r.readTupleHeader("ProviderDealState0", 8);
    long state = r.readUint64();
    String message = r.readText();
    DealProposal proposal = r.readNullIfPresent() ? null : DealProposal.read(r);
    return new ProviderDealState(state, message, proposal, r.readNullableCid().orElse(null),
        r.readNullableCid().orElse(null), r.readNullableCid().orElse(null), r.readUint64(), r.readBool());
  }
}
