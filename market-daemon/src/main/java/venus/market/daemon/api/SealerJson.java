package venus.market.daemon.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** JSON shapes of the sealer-facing methods (venus-shared types/market assigner_type.go, Lotus JSON conventions). */
public final class SealerJson {
  private SealerJson() {}

  /** abi.SectorID: the miner as its actor ID number. */
  public record SectorId(@JsonProperty("Miner") long miner, @JsonProperty("Number") long number) {}

  /**
   * market.DealInfoIncludePath: the embedded DealProposal's fields flattened at the top level (Go struct embedding),
   * then the piece's place in the sector. A zero filler piece has DealID 0, only PieceCID and PieceSize set, the
   * other fields Go zero values ({@code "<empty>"} addresses, {@code null} CIDs).
   */
  @JsonPropertyOrder({"PieceCID", "PieceSize", "VerifiedDeal", "Client", "Provider", "Label", "StartEpoch", "EndEpoch",
      "StoragePricePerEpoch", "ProviderCollateral", "ClientCollateral", "Offset", "Length", "PayloadSize", "DealID",
      "TotalStorageFee", "FastRetrieval", "PublishCid"})
  public record DealInfoIncludePath(
      @JsonProperty("PieceCID") ApiJson.CidJson pieceCid,
      @JsonProperty("PieceSize") long pieceSize,
      @JsonProperty("VerifiedDeal") boolean verifiedDeal,
      @JsonProperty("Client") String client,
      @JsonProperty("Provider") String provider,
      @JsonProperty("Label") String label,
      @JsonProperty("StartEpoch") long startEpoch,
      @JsonProperty("EndEpoch") long endEpoch,
      @JsonProperty("StoragePricePerEpoch") String storagePricePerEpoch,
      @JsonProperty("ProviderCollateral") String providerCollateral,
      @JsonProperty("ClientCollateral") String clientCollateral,
      @JsonProperty("Offset") long offset,
      @JsonProperty("Length") long length,
      @JsonProperty("PayloadSize") long payloadSize,
      @JsonProperty("DealID") long dealId,
      @JsonProperty("TotalStorageFee") String totalStorageFee,
      @JsonProperty("FastRetrieval") boolean fastRetrieval,
      @JsonProperty("PublishCid") ApiJson.CidJson publishCid) {}

  /**
   * market.DealInfo (GetDeals): piecestore.DealInfo {DealID, SectorID, Offset, Length} and ClientDealProposal
   * {Proposal, ClientSignature} embedded, then transfer and piece status.
   */
  @JsonPropertyOrder({"DealID", "SectorID", "Offset", "Length", "Proposal", "ClientSignature", "TransferType", "Root",
      "PublishCid", "FastRetrieval", "Status"})
  public record DealInfo(
      @JsonProperty("DealID") long dealId,
      @JsonProperty("SectorID") long sectorId,
      @JsonProperty("Offset") long offset,
      @JsonProperty("Length") long length,
      @JsonProperty("Proposal") ApiJson.DealProposal proposal,
      @JsonProperty("ClientSignature") ApiJson.Signature clientSignature,
      @JsonProperty("TransferType") String transferType,
      @JsonProperty("Root") ApiJson.CidJson root,
      @JsonProperty("PublishCid") ApiJson.CidJson publishCid,
      @JsonProperty("FastRetrieval") boolean fastRetrieval,
      @JsonProperty("Status") String status) {}
}
