package venus.market.daemon.deals;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import venus.market.core.amount.TokenAmount;
import venus.market.core.market.ClientDealProposal;
import venus.market.core.multiformats.Cid;
import venus.market.core.storagemarket.StorageDealStatus;

/**
 * A provider's view of one storage deal, keyed by {@link #proposalCid()} (the sha2-256 proposal CID that clients,
 * go-fil-markets and droplet use). Immutable: every change goes through {@link DealStateMachine} and yields a new
 * record, built with {@link #toBuilder()}. In Lotus JSON the state is the numeric StorageDealStatus code (as
 * droplet's MinerDeal) and times are RFC 3339.
 *
 * @param dealId the on-chain deal ID, 0 until the publish message landed (Go's zero value)
 * @param piecePath where the piece data is stored, "" until known
 * @param transferredBytes bytes of deal data received so far
 * @param publishCid the PublishStorageDeals message CID, or null before publishing
 * @param message the last error or status note, "" when none (go-fil-markets MinerDeal.Message)
 * @param dealUuid boost's deal UUID (mk/1.2 proposals, status/1.2 queries), null for mk/1.1 deals
 * @param protocol the libp2p protocol ID the proposal came in on, "" when unknown
 * @param clientPeerId the client's libp2p peer ID, "" when unknown
 * @param transfer how the data arrives (offline/manual or a provider pull)
 * @param payloadCid the root CID of the deal's DAG (DataRef.Root), null when unknown
 * @param payloadSize the CAR size in bytes, 0 when unknown
 * @param fastRetrieval whether the client asked to keep an unsealed copy
 * @param inboundPath the staging file of an online transfer, "" when none
 * @param fundsReserved provider collateral reserved for this deal and not yet released
 * @param addFundsCid the message that topped up provider escrow for this deal, or null
 * @param pieceStatus the sealer's view: "Undefined" (not yet assigned), "Assigned", "Packing", "Proving"
 *     (venus-market PieceStatus)
 * @param sectorNumber the sector the sealer put the deal in, 0 until assigned
 * @param offset the padded byte offset of the piece in that sector
 */
@JsonPropertyOrder({"ProposalCid", "ClientDealProposal", "State", "DealID", "PiecePath", "TransferredBytes",
    "PublishCid", "Message", "CreationTime", "UpdatedAt", "DealUuid", "Protocol", "ClientPeerID", "Transfer",
    "PayloadCid", "PayloadSize", "FastRetrieval", "InboundCAR", "FundsReserved", "AddFundsCid", "PieceStatus",
    "SectorNumber", "Offset"})
public record ProviderDeal(
    @JsonProperty("ProposalCid") Cid proposalCid,
    @JsonProperty("ClientDealProposal") ClientDealProposal proposal,
    @JsonProperty("State") @JsonFormat(shape = JsonFormat.Shape.NUMBER) StorageDealStatus state,
    @JsonProperty("DealID") long dealId,
    @JsonProperty("PiecePath") String piecePath,
    @JsonProperty("TransferredBytes") long transferredBytes,
    @JsonProperty("PublishCid") Cid publishCid,
    @JsonProperty("Message") String message,
    @JsonProperty("CreationTime") @JsonSerialize(using = ToStringSerializer.class) Instant createdAt,
    @JsonProperty("UpdatedAt") @JsonSerialize(using = ToStringSerializer.class) Instant updatedAt,
    @JsonProperty("DealUuid") UUID dealUuid,
    @JsonProperty("Protocol") String protocol,
    @JsonProperty("ClientPeerID") String clientPeerId,
    @JsonProperty("Transfer") DealTransfer transfer,
    @JsonProperty("PayloadCid") Cid payloadCid,
    @JsonProperty("PayloadSize") long payloadSize,
    @JsonProperty("FastRetrieval") boolean fastRetrieval,
    @JsonProperty("InboundCAR") String inboundPath,
    @JsonProperty("FundsReserved") TokenAmount fundsReserved,
    @JsonProperty("AddFundsCid") Cid addFundsCid,
    @JsonProperty("PieceStatus") String pieceStatus,
    @JsonProperty("SectorNumber") long sectorNumber,
    @JsonProperty("Offset") long offset) {

  /** venus-market's PieceStatus of a deal no sealer has taken yet. */
  public static final String PIECE_UNDEFINED = "Undefined";

  public ProviderDeal {
    Objects.requireNonNull(proposalCid, "proposalCid");
    Objects.requireNonNull(proposal, "proposal");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(piecePath, "piecePath");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(clientPeerId, "clientPeerId");
    Objects.requireNonNull(transfer, "transfer");
    Objects.requireNonNull(inboundPath, "inboundPath");
    Objects.requireNonNull(fundsReserved, "fundsReserved");
    Objects.requireNonNull(pieceStatus, "pieceStatus");
    if (dealId < 0 || transferredBytes < 0 || payloadSize < 0 || sectorNumber < 0 || offset < 0) {
      throw new IllegalArgumentException("deal " + proposalCid + ": negative dealId " + dealId + ", transferredBytes "
          + transferredBytes + ", payloadSize " + payloadSize + ", sectorNumber " + sectorNumber + " or offset "
          + offset);
    }
  }

  /** A just-received proposal, before any event (state Unknown), offline unless the builder says otherwise. */
  public static ProviderDeal received(ClientDealProposal proposal, Instant now) {
    return new Builder(proposal, now).build();
  }

  /** A builder for a just-received proposal; set what the protocol carried (UUID, transfer, peer) and build. */
  public static Builder builder(ClientDealProposal proposal, Instant now) {
    return new Builder(proposal, now);
  }

  /** A builder holding this record's values, for changing some of them. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  public ProviderDeal withState(StorageDealStatus s, Instant now) {
    return toBuilder().state(s).updatedAt(now).build();
  }

  public ProviderDeal withDealId(long id) {
    return toBuilder().dealId(id).build();
  }

  public ProviderDeal withPiecePath(String path) {
    return toBuilder().piecePath(path).build();
  }

  public ProviderDeal withTransferredBytes(long bytes) {
    return toBuilder().transferredBytes(bytes).build();
  }

  public ProviderDeal withPublishCid(Cid cid) {
    return toBuilder().publishCid(cid).build();
  }

  public ProviderDeal withMessage(String m) {
    return toBuilder().message(m).build();
  }

  /** True once nothing more happens to the deal (Error, Expired, Slashed). */
  @JsonIgnore
  public boolean isTerminal() {
    return DealTransitions.isTerminal(state);
  }

  /** Mutable staging for a new {@link ProviderDeal}; {@link #build()} validates. */
  public static final class Builder {
    private final Cid proposalCid;
    private final ClientDealProposal proposal;
    private StorageDealStatus state;
    private long dealId;
    private String piecePath;
    private long transferredBytes;
    private Cid publishCid;
    private String message;
    private final Instant createdAt;
    private Instant updatedAt;
    private UUID dealUuid;
    private String protocol;
    private String clientPeerId;
    private DealTransfer transfer;
    private Cid payloadCid;
    private long payloadSize;
    private boolean fastRetrieval;
    private String inboundPath;
    private TokenAmount fundsReserved;
    private Cid addFundsCid;
    private String pieceStatus;
    private long sectorNumber;
    private long offset;

    private Builder(ClientDealProposal proposal, Instant now) {
      this.proposalCid = proposal.proposalCid();
      this.proposal = proposal;
      this.state = StorageDealStatus.UNKNOWN;
      this.piecePath = "";
      this.message = "";
      this.createdAt = now;
      this.updatedAt = now;
      this.protocol = "";
      this.clientPeerId = "";
      this.transfer = DealTransfer.MANUAL;
      this.inboundPath = "";
      this.fundsReserved = TokenAmount.ZERO;
      this.pieceStatus = PIECE_UNDEFINED;
    }

    private Builder(ProviderDeal d) {
      this.proposalCid = d.proposalCid;
      this.proposal = d.proposal;
      this.state = d.state;
      this.dealId = d.dealId;
      this.piecePath = d.piecePath;
      this.transferredBytes = d.transferredBytes;
      this.publishCid = d.publishCid;
      this.message = d.message;
      this.createdAt = d.createdAt;
      this.updatedAt = d.updatedAt;
      this.dealUuid = d.dealUuid;
      this.protocol = d.protocol;
      this.clientPeerId = d.clientPeerId;
      this.transfer = d.transfer;
      this.payloadCid = d.payloadCid;
      this.payloadSize = d.payloadSize;
      this.fastRetrieval = d.fastRetrieval;
      this.inboundPath = d.inboundPath;
      this.fundsReserved = d.fundsReserved;
      this.addFundsCid = d.addFundsCid;
      this.pieceStatus = d.pieceStatus;
      this.sectorNumber = d.sectorNumber;
      this.offset = d.offset;
    }

    /** Only {@link DealStateMachine} and the store set the state; an event update that changes it is refused. */
    public Builder state(StorageDealStatus v) {
      this.state = v;
      return this;
    }

    public Builder updatedAt(Instant v) {
      this.updatedAt = v;
      return this;
    }

    public Builder dealId(long v) {
      this.dealId = v;
      return this;
    }

    public Builder piecePath(String v) {
      this.piecePath = v;
      return this;
    }

    public Builder transferredBytes(long v) {
      this.transferredBytes = v;
      return this;
    }

    public Builder publishCid(Cid v) {
      this.publishCid = v;
      return this;
    }

    public Builder message(String v) {
      this.message = v;
      return this;
    }

    public Builder dealUuid(UUID v) {
      this.dealUuid = v;
      return this;
    }

    public Builder protocol(String v) {
      this.protocol = v;
      return this;
    }

    public Builder clientPeerId(String v) {
      this.clientPeerId = v;
      return this;
    }

    public Builder transfer(DealTransfer v) {
      this.transfer = v;
      return this;
    }

    public Builder payloadCid(Cid v) {
      this.payloadCid = v;
      return this;
    }

    public Builder payloadSize(long v) {
      this.payloadSize = v;
      return this;
    }

    public Builder fastRetrieval(boolean v) {
      this.fastRetrieval = v;
      return this;
    }

    public Builder inboundPath(String v) {
      this.inboundPath = v;
      return this;
    }

    public Builder fundsReserved(TokenAmount v) {
      this.fundsReserved = v;
      return this;
    }

    public Builder addFundsCid(Cid v) {
      this.addFundsCid = v;
      return this;
    }

    public Builder pieceStatus(String v) {
      this.pieceStatus = v;
      return this;
    }

    public Builder sectorNumber(long v) {
      this.sectorNumber = v;
      return this;
    }

    public Builder offset(long v) {
      this.offset = v;
      return this;
    }

    public ProviderDeal build() {
      return new ProviderDeal(proposalCid, proposal, state, dealId, piecePath, transferredBytes, publishCid, message,
          createdAt, updatedAt, dealUuid, protocol, clientPeerId, transfer, payloadCid, payloadSize, fastRetrieval,
          inboundPath, fundsReserved, addFundsCid, pieceStatus, sectorNumber, offset);
    }
  }
}
