package venus.market.daemon.deals;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.time.Instant;
import java.util.Objects;
import venus.market.core.market.ClientDealProposal;
import venus.market.core.multiformats.Cid;
import venus.market.core.storagemarket.StorageDealStatus;

/**
 * A provider's view of one storage deal, keyed by {@link #proposalCid()} (the sha2-256 proposal CID that clients,
 * go-fil-markets and droplet use). Immutable: every change goes through {@link DealStateMachine} and yields a new
 * record. In Lotus JSON the state is the numeric StorageDealStatus code (as droplet's MinerDeal) and times are
 * RFC 3339.
 *
 * @param dealId the on-chain deal ID, 0 until the publish message landed (Go's zero value)
 * @param piecePath where the piece data is stored, "" until known
 * @param transferredBytes bytes of deal data received so far
 * @param publishCid the PublishStorageDeals message CID, or null before publishing
 * @param message the last error or status note, "" when none (go-fil-markets MinerDeal.Message)
 */
@JsonPropertyOrder({"ProposalCid", "ClientDealProposal", "State", "DealID", "PiecePath", "TransferredBytes",
    "PublishCid", "Message", "CreationTime", "UpdatedAt"})
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
    @JsonProperty("UpdatedAt") @JsonSerialize(using = ToStringSerializer.class) Instant updatedAt) {

  public ProviderDeal {
    Objects.requireNonNull(proposalCid, "proposalCid");
    Objects.requireNonNull(proposal, "proposal");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(piecePath, "piecePath");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    if (dealId < 0 || transferredBytes < 0) {
      throw new IllegalArgumentException("deal " + proposalCid + ": negative dealId " + dealId
          + " or transferredBytes " + transferredBytes);
    }
  }

  /** A just-received proposal, before any event (state Unknown). */
  public static ProviderDeal received(ClientDealProposal proposal, Instant now) {
    return new ProviderDeal(proposal.proposalCid(), proposal, StorageDealStatus.UNKNOWN, 0, "", 0, null, "", now, now);
  }

  public ProviderDeal withState(StorageDealStatus s, Instant now) {
    return new ProviderDeal(proposalCid, proposal, s, dealId, piecePath, transferredBytes, publishCid, message,
        createdAt, now);
  }

  public ProviderDeal withDealId(long id) {
    return new ProviderDeal(proposalCid, proposal, state, id, piecePath, transferredBytes, publishCid, message,
        createdAt, updatedAt);
  }

  public ProviderDeal withPiecePath(String path) {
    return new ProviderDeal(proposalCid, proposal, state, dealId, path, transferredBytes, publishCid, message,
        createdAt, updatedAt);
  }

  public ProviderDeal withTransferredBytes(long bytes) {
    return new ProviderDeal(proposalCid, proposal, state, dealId, piecePath, bytes, publishCid, message,
        createdAt, updatedAt);
  }

  public ProviderDeal withPublishCid(Cid cid) {
    return new ProviderDeal(proposalCid, proposal, state, dealId, piecePath, transferredBytes, cid, message,
        createdAt, updatedAt);
  }

  public ProviderDeal withMessage(String m) {
    return new ProviderDeal(proposalCid, proposal, state, dealId, piecePath, transferredBytes, publishCid, m,
        createdAt, updatedAt);
  }

  /** True once nothing more happens to the deal (Error, Expired, Slashed). */
  @JsonIgnore
  public boolean isTerminal() {
    return DealTransitions.isTerminal(state);
  }
}
