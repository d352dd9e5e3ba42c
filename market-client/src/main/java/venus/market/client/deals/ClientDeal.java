package venus.market.client.deals;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import venus.market.core.market.ClientDealProposal;
import venus.market.core.multiformats.Cid;
import venus.market.core.storagemarket.StorageDealStatus;

/**
 * One storage deal as the client tracks it: the signed proposal exactly as sent (resending it is idempotent — same
 * bytes, same deal UUID), how the provider gets the data, and what the provider and the chain last said.
 *
 * @param carPath online deals: the CAR the HTTP server offers; null for offline deals
 * @param transferToken online deals: the bearer token the provider must present; null for offline deals
 * @param state the client-side go-fil-markets state shown by {@code storage deals list}
 * @param providerState the provider's own account of the deal (status protocol), "" until asked
 * @param message last error or note, "" if none
 * @param dealId on-chain deal ID, 0 until published
 * @param sectorStartEpoch -1 until the sector holding the deal is proven
 */
public record ClientDeal(
    Cid proposalCid,
    UUID dealUuid,
    ClientDealProposal proposal,
    Cid dataRoot,
    boolean offline,
    String carPath,
    String transferToken,
    long transferSize,
    String providerPeer,
    List<String> providerAddrs,
    StorageDealStatus state,
    String providerState,
    String message,
    long dealId,
    Cid publishCid,
    long sectorStartEpoch,
    long slashEpoch,
    long bytesSent,
    Instant created,
    Instant updated) {

  public ClientDeal {
    Objects.requireNonNull(proposalCid, "proposalCid");
    Objects.requireNonNull(dealUuid, "dealUuid");
    Objects.requireNonNull(proposal, "proposal");
    Objects.requireNonNull(dataRoot, "dataRoot");
    Objects.requireNonNull(state, "state");
    providerAddrs = List.copyOf(providerAddrs);
    providerState = providerState == null ? "" : providerState;
    message = message == null ? "" : message;
  }

  /** States after which nothing changes any more except through the chain (slashing) or never. */
  public boolean isFinal() {
    return state == StorageDealStatus.ERROR || state == StorageDealStatus.EXPIRED
        || state == StorageDealStatus.SLASHED || state == StorageDealStatus.PROPOSAL_REJECTED;
  }

  public ClientDeal withState(StorageDealStatus s, String msg, Instant now) {
    return new ClientDeal(proposalCid, dealUuid, proposal, dataRoot, offline, carPath, transferToken, transferSize,
        providerPeer, providerAddrs, s, providerState, msg, dealId, publishCid, sectorStartEpoch, slashEpoch,
        bytesSent, created, now);
  }

  public ClientDeal withProvider(String provState, Cid publish, long id, Instant now) {
    return new ClientDeal(proposalCid, dealUuid, proposal, dataRoot, offline, carPath, transferToken, transferSize,
        providerPeer, providerAddrs, state, provState, message, id, publish, sectorStartEpoch, slashEpoch,
        bytesSent, created, now);
  }

  public ClientDeal withChain(long id, long sectorStart, long slash, Instant now) {
    return new ClientDeal(proposalCid, dealUuid, proposal, dataRoot, offline, carPath, transferToken, transferSize,
        providerPeer, providerAddrs, state, providerState, message, id, publishCid, sectorStart, slash,
        bytesSent, created, now);
  }

  public ClientDeal withBytesSent(long n, Instant now) {
    return new ClientDeal(proposalCid, dealUuid, proposal, dataRoot, offline, carPath, transferToken, transferSize,
        providerPeer, providerAddrs, state, providerState, message, dealId, publishCid, sectorStartEpoch, slashEpoch,
        n, created, now);
  }
}
