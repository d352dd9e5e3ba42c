package venus.market.daemon.intake;

import java.util.Objects;
import java.util.UUID;
import venus.market.core.market.ClientDealProposal;
import venus.market.core.multiformats.Cid;
import venus.market.daemon.deals.DealTransfer;

/**
 * A deal proposal as one of the deal protocols received it, before validation.
 *
 * @param dealUuid boost's deal UUID, null for mk/1.1 and 1.0.1 proposals
 * @param transfer how the data arrives; {@link DealTransfer#MANUAL} for offline deals
 * @param payloadCid the root of the deal's DAG
 * @param byteLabelAllowed false on protocols whose Go peers parse the label as a string only (mk/1.1.0, 1.0.1)
 * @param unsupportedTransfer a reason to reject the transfer the client asked for (graphsync push), or null
 */
public record IncomingProposal(
    ClientDealProposal proposal,
    String protocol,
    String clientPeerId,
    UUID dealUuid,
    DealTransfer transfer,
    Cid payloadCid,
    boolean fastRetrieval,
    boolean byteLabelAllowed,
    String unsupportedTransfer) {

  public IncomingProposal {
    Objects.requireNonNull(proposal, "proposal");
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(clientPeerId, "clientPeerId");
    Objects.requireNonNull(transfer, "transfer");
    Objects.requireNonNull(payloadCid, "payloadCid");
  }

  public Cid proposalCid() {
    return proposal.proposalCid();
  }

  public boolean isOffline() {
    return transfer.isOffline();
  }
}
