package venus.market.client.deals;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import venus.market.client.net.MarketProtocols;
import venus.market.client.node.ChainNode;
import venus.market.client.wallet.ClientSigner;
import venus.market.core.MarketException;
import venus.market.core.crypto.Signature;
import venus.market.core.market.ClientDealProposal;
import venus.market.core.market.PublishStorageDealsParams;
import venus.market.core.market.PublishStorageDealsReturn;
import venus.market.core.multiformats.Cid;
import venus.market.core.storagemarket.BoostDealStatus;
import venus.market.core.storagemarket.BoostDealStatusRequest;
import venus.market.core.storagemarket.BoostDealStatusResponse;
import venus.market.core.storagemarket.StorageDealStatus;

/**
 * Keeps open deals current: resends undelivered proposals (same bytes), asks the provider over
 * /fil/storage/status/1.2.0 (request signed by the client key) and reads the chain — the publish message's return
 * for the deal ID, then the market actor's deal state for sector start and slashing.
 *
 * <p>Client states: StorageDealCheckForAcceptance while the provider works on the deal, StorageDealAwaitingPreCommit
 * once it is published on chain, StorageDealActive once its sector is proven, StorageDealSlashed, StorageDealError when
 * the provider failed it.
 */
public final class DealTracker {
  private static final Logger LOG = LoggerFactory.getLogger(DealTracker.class);

  private final ChainNode node;
  private final ClientSigner signer;
  private final MarketProtocols protocols;
  private final DealStore deals;
  private final DealService service;
  private final Clock clock;

  public DealTracker(ChainNode node, ClientSigner signer, MarketProtocols protocols, DealStore deals,
      DealService service, Clock clock) {
    this.node = node;
    this.signer = signer;
    this.protocols = protocols;
    this.deals = deals;
    this.service = service;
    this.clock = clock;
  }

  /** One pass over every open deal; a failure on one deal is recorded on it and does not stop the others. */
  public synchronized void refreshAll() {
    for (ClientDeal d : deals.list()) {
      if (d.isFinal() && d.state() != StorageDealStatus.ERROR) {
        continue;
      }
      try {
        refresh(d);
      } catch (RuntimeException | IOException e) {
        LOG.debug("deal {} refresh failed: {}", d.proposalCid(), e.toString());
      }
    }
  }

  public synchronized ClientDeal refresh(ClientDeal d) throws IOException {
    if (d.state() == StorageDealStatus.UNKNOWN) {
      return service.send(d);
    }
    if (d.state() == StorageDealStatus.ERROR && d.dealId() == 0) {
      return d;
    }
    ClientDeal next = d;
    if (d.state() == StorageDealStatus.CHECK_FOR_ACCEPTANCE) {
      next = askProvider(next);
    }
    next = readChain(next);
    next = followProvider(next);
    if (!next.equals(d)) {
      deals.put(next);
    }
    return next;
  }

  private ClientDeal askProvider(ClientDeal d) {
    BoostDealStatusResponse r;
    try {
      r = statusOf(d);
    } catch (IOException | MarketException e) {
      return d.withState(d.state(), "cannot reach provider for status: " + e.getMessage(), clock.instant());
    }
    if (!r.error().isEmpty() || r.dealStatus() == null) {
      return d.withState(d.state(), "provider status error: " + r.error(), clock.instant());
    }
    BoostDealStatus s = r.dealStatus();
    String provState = providerState(s);
    ClientDeal next = d.withProvider(provState, s.publishCid() != null ? s.publishCid() : d.publishCid(),
        s.chainDealID() > 0 ? s.chainDealID() : d.dealId(), clock.instant());
    if (!s.error().isEmpty()) {
      next = next.withState(StorageDealStatus.ERROR, "provider failed the deal: " + s.error(), clock.instant());
    } else if (!next.message().isEmpty()) {
      next = next.withState(next.state(), "", clock.instant());
    }
    return next;
  }

  /**
   * After publication the chain decides the client's state, but "Provider state:" should not stay frozen at the
   * state the provider had when the deal was published: keep asking until the provider reports a final state.
   * A provider that cannot be reached now leaves the last answer in place (the chain still moves the deal on).
   */
  private ClientDeal followProvider(ClientDeal d) {
    boolean onChainPhase = d.state() == StorageDealStatus.AWAITING_PRE_COMMIT
        || d.state() == StorageDealStatus.SEALING || d.state() == StorageDealStatus.ACTIVE;
    if (!onChainPhase || PROVIDER_DONE.contains(d.providerState())) {
      return d;
    }
    try {
      BoostDealStatusResponse r = statusOf(d);
      if (!r.error().isEmpty() || r.dealStatus() == null) {
        return d;
      }
      return d.withProvider(providerState(r.dealStatus()), d.publishCid(), d.dealId(), clock.instant());
    } catch (IOException | RuntimeException e) {
      LOG.debug("deal {}: provider status not available: {}", d.proposalCid(), e.toString());
      return d;
    }
  }

  /** status/1.2.0, signed by the deal's client over the UUID bytes. */
  private BoostDealStatusResponse statusOf(ClientDeal d) throws IOException {
    Signature sig = signer.sign(d.proposal().proposal().client(),
        BoostDealStatusRequest.signingBytes(d.dealUuid()), ClientSigner.META_UNKNOWN, null);
    return protocols.status(DealService.peerOf(d), new BoostDealStatusRequest(d.dealUuid(), sig));
  }

  private static final Set<String> PROVIDER_DONE = Set.of(StorageDealStatus.ACTIVE.goName(),
      StorageDealStatus.EXPIRED.goName(), StorageDealStatus.SLASHED.goName(), StorageDealStatus.ERROR.goName());

  /**
   * What "Provider state:" shows: our provider (like droplet) puts its go-fil-markets state name in SealingStatus,
   * which is what the guide prints; a boost provider's checkpoint ("Accepted", "Published"…) otherwise.
   */
  static String providerState(BoostDealStatus s) {
    if (StorageDealStatus.fromGoName(s.sealingStatus()).isPresent()) {
      return s.sealingStatus();
    }
    return s.sealingStatus().isEmpty() || s.sealingStatus().equals(s.status()) ? s.status()
        : s.status() + " (" + s.sealingStatus() + ")";
  }

  private ClientDeal readChain(ClientDeal d) {
    // 0 is a real deal ID (the market actor counts from 0: the first deal on a fresh chain has it), so a recorded 0
    // is "not known yet" only until the executed publish message says otherwise.
    Optional<Long> known = d.dealId() != 0 ? Optional.of(d.dealId()) : Optional.empty();
    if (known.isEmpty() && d.publishCid() != null) {
      known = dealIdFromPublish(d.publishCid(), d.proposal());
    }
    if (known.isEmpty()) {
      return d;
    }
    long dealId = known.get();
    Optional<ChainNode.MarketDeal> onChain = node.stateMarketStorageDeal(dealId);
    if (onChain.isEmpty()) {
      return d.withChain(dealId, d.sectorStartEpoch(), d.slashEpoch(), clock.instant());
    }
    ChainNode.MarketDeal m = onChain.get();
    var p = d.proposal().proposal();
    if (!m.pieceCid().equals(p.pieceCID()) || !m.provider().equals(p.provider())) {
      return d.withState(d.state(), "chain deal " + dealId + " is not this proposal (piece " + m.pieceCid() + ")",
          clock.instant());
    }
    ClientDeal next = d.withChain(dealId, m.sectorStartEpoch(), m.slashEpoch(), clock.instant());
    StorageDealStatus state = m.slashEpoch() > 0 ? StorageDealStatus.SLASHED
        : m.sectorStartEpoch() > 0 ? StorageDealStatus.ACTIVE : StorageDealStatus.AWAITING_PRE_COMMIT;
    return next.withState(state, next.state() == StorageDealStatus.ERROR ? "" : next.message(), clock.instant());
  }

  /** The deal ID of our proposal in an executed PublishStorageDeals message, if it is on chain and valid. */
  private Optional<Long> dealIdFromPublish(Cid publish, ClientDealProposal ours) {
    Optional<ChainNode.MsgResult> res = node.stateSearchMsg(publish);
    if (res.isEmpty() || res.get().exitCode() != 0) {
      return Optional.empty();
    }
    List<ClientDealProposal> sent = PublishStorageDealsParams.decode(node.chainGetMessageParams(publish)).deals();
    PublishStorageDealsReturn ret = PublishStorageDealsReturn.decode(res.get().returnValue());
    for (int i = 0; i < sent.size(); i++) {
      if (sent.get(i).proposal().equals(ours.proposal())) {
        try {
          long id = ret.dealIdAt(i);
          return id < 0 ? Optional.empty() : Optional.of(id);
        } catch (RuntimeException e) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }
}
