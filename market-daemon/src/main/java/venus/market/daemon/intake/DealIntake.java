package venus.market.daemon.intake;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import venus.market.core.market.DealProposal;
import venus.market.core.multiformats.Cid;
import venus.market.core.storagemarket.StorageDealStatus;
import venus.market.daemon.config.DealPolicy;
import venus.market.daemon.config.MarketConfig;
import venus.market.daemon.deals.DealPipeline;
import venus.market.daemon.deals.DealTransition;
import venus.market.daemon.deals.ProviderDeal;
import venus.market.daemon.deals.ProviderEvent;
import venus.market.daemon.node.NodeClient;

/**
 * Decides on incoming proposals and records them. A proposal for one of our miners with a valid client signature is
 * opened in the state machine (Unknown → Validating) before anything else, then either moves on through AcceptWait to
 * WaitingForData (accepted: the transfer or import-data takes over) or to Rejecting with the reason; the protocol
 * reports the sent answer with {@link #answered}, which ends a rejected deal in Failing → Error as go-fil-markets does,
 * so {@code storage-deals list} shows why a client's deal was refused. Proposals for other providers or with a bad
 * signature are answered but never stored (anyone could fill the store with them).
 *
 * <p>Every state is persisted before the answer goes out. A proposal received again (same proposal CID: a client
 * retrying after a lost answer) gets the same answer and never opens a second deal; a different proposal reusing a
 * known deal UUID, or the same proposal under another UUID, is refused as boost refuses them.
 */
public final class DealIntake {
  private static final Logger LOG = LoggerFactory.getLogger(DealIntake.class);
  private static final int STRIPES = 64;

  private final Supplier<MarketConfig> config;
  private final NodeClient node;
  private final ProposalChecks checks;
  private final FilterCommand filter;
  private final DealPipeline pipeline;
  private final DealUuidIndex uuids;
  private final Clock clock;
  private final Object[] stripes = new Object[STRIPES];
  private final Object uuidLock = new Object();
  private final ChainHeadCache heads;

  public DealIntake(Supplier<MarketConfig> config, NodeClient node, ProposalChecks checks, FilterCommand filter,
      DealPipeline pipeline, DealUuidIndex uuids, Clock clock) {
    this.config = config;
    this.node = node;
    this.checks = checks;
    this.filter = filter;
    this.pipeline = pipeline;
    this.uuids = uuids;
    this.clock = clock;
    this.heads = new ChainHeadCache(() -> node.chainHead().height(), System::nanoTime);
    for (int i = 0; i < STRIPES; i++) {
      stripes[i] = new Object();
    }
  }

  public DealUuidIndex uuids() {
    return uuids;
  }

  public ProposalChecks checks() {
    return checks;
  }

  /** The stored deal with this boost deal UUID. */
  public Optional<ProviderDeal> byUuid(UUID uuid) {
    return uuids.find(uuid).flatMap(cid -> pipeline.deals().get(cid)).filter(d -> uuid.equals(d.dealUuid()));
  }

  public Optional<ProviderDeal> byProposalCid(Cid cid) {
    return pipeline.deals().get(cid);
  }

  /** Validates, decides and records one proposal; the caller sends the answer and then calls {@link #answered}. */
  public IntakeResult receive(IncomingProposal in) {
    Cid cid = in.proposalCid();
    synchronized (stripes[Math.floorMod(cid.hashCode(), STRIPES)]) {
      Optional<ProviderDeal> known = pipeline.deals().get(cid);
      if (known.isPresent()) {
        return again(known.get(), in);
      }
      return decide(in);
    }
  }

  /** Records that the answer went out (or could not be sent); moves a recorded rejection on to Failing. */
  public void answered(IntakeResult result, boolean sent) {
    if (result.accepted() || !result.recorded()) {
      return;
    }
    try {
      ProviderDeal d = pipeline.deals().get(result.proposalCid()).orElse(null);
      if (d != null && d.state() == StorageDealStatus.REJECTING) {
        pipeline.apply(result.proposalCid(), sent ? ProviderEvent.REJECTION_SENT : ProviderEvent.SEND_RESPONSE_FAILED,
            sent ? "" : "sending the rejection to the client failed");
      }
    } catch (RuntimeException e) {
      LOG.warn("deal {}: could not record the rejection answer: {}", result.proposalCid(), e.toString());
    }
  }

  private IntakeResult again(ProviderDeal d, IncomingProposal in) {
    if (in.dealUuid() != null && d.dealUuid() != null && !in.dealUuid().equals(d.dealUuid())) {
      return IntakeResult.rejected(d.proposalCid(), "deal proposal is identical to deal " + d.dealUuid()
          + " (proposed at " + d.createdAt() + ")", false);
    }
    boolean accepted = wasAccepted(d);
    LOG.info("deal {}: proposal received again on {} from {}; answering as before ({})", d.proposalCid(),
        in.protocol(), in.clientPeerId(), accepted ? "accepted" : "rejected");
    if (accepted) {
      return new IntakeResult(d.proposalCid(), true, "", true);
    }
    String why = d.message().isEmpty() ? "deal " + d.proposalCid() + " was not accepted (state "
        + d.state().goName() + ")" : d.message();
    return new IntakeResult(d.proposalCid(), false, why, true);
  }

  /** Accepted = the deal once reached WaitingForData (it may have moved on, or failed later). */
  boolean wasAccepted(ProviderDeal d) {
    if (d.state() == StorageDealStatus.WAITING_FOR_DATA) {
      return true;
    }
    for (DealTransition t : pipeline.deals().history(d.proposalCid())) {
      if (t.event() == ProviderEvent.DATA_REQUESTED) {
        return true;
      }
    }
    return false;
  }

  private IntakeResult decide(IncomingProposal in) {
    Cid cid = in.proposalCid();
    DealProposal p = in.proposal().proposal();
    long head;
    try {
      head = heads.height();
    } catch (RuntimeException e) {
      LOG.warn("deal {}: node error: {}", cid, e.toString());
      return IntakeResult.rejected(cid, "node error getting most recent state id: " + e.getMessage(), false);
    }
    if (!checks.isOurProvider(p)) {
      LOG.info("deal {}: rejected proposal from {} for provider {}, which this market does not serve", cid,
          in.clientPeerId(), p.provider());
      return IntakeResult.rejected(cid, "incorrect provider for deal", false);
    }
    try {
      checks.checkSignature(in.proposal());
    } catch (DealRejectedException e) {
      LOG.info("deal {}: rejected proposal from {}: {}", cid, in.clientPeerId(), e.getMessage());
      return IntakeResult.rejected(cid, e.getMessage(), false);
    }
    if (in.dealUuid() != null) {
      synchronized (uuidLock) {
        Optional<ProviderDeal> other = byUuid(in.dealUuid());
        if (other.isPresent()) {
          return IntakeResult.rejected(cid, "deal has the same uuid as deal " + other.get().proposalCid()
              + " (proposed at " + other.get().createdAt() + ")", false);
        }
        uuids.put(in.dealUuid(), cid);
      }
    }
    ProviderDeal received = ProviderDeal.builder(in.proposal(), clock.instant()).dealUuid(in.dealUuid())
        .protocol(in.protocol()).clientPeerId(in.clientPeerId()).transfer(in.transfer()).payloadCid(in.payloadCid())
        .payloadSize(in.transfer().size()).fastRetrieval(in.fastRetrieval()).build();
    ProviderDeal deal = pipeline.open(received, "proposal received on " + in.protocol() + " from " + in.clientPeerId());
    try {
      checks.checkProposal(p, head, in.byteLabelAllowed());
      if (in.unsupportedTransfer() != null) {
        throw new DealRejectedException(in.unsupportedTransfer());
      }
    } catch (DealRejectedException e) {
      return reject(cid, e.getMessage());
    } catch (RuntimeException e) {
      LOG.warn("deal {}: validation failed unexpectedly", cid, e);
      return reject(cid, "server error: validating the deal: " + e.getMessage());
    }
    deal = pipeline.apply(cid, ProviderEvent.DEAL_DECIDING, "");
    DealPolicy policy = config.get().policyFor(p.provider().toString());
    try {
      AcceptancePolicy.check(policy, p, in.isOffline(), head);
      if (!policy.filter().isBlank()) {
        filter.check(policy.filter(), deal);
      }
    } catch (DealRejectedException e) {
      return reject(cid, e.getMessage());
    }
    pipeline.apply(cid, ProviderEvent.DATA_REQUESTED, in.isOffline()
        ? "offline deal: waiting for `storage-deals import-data`" : "waiting for the " + in.transfer().type() + " transfer");
    LOG.info("deal {}: accepted {} deal from {} (client {}, piece {}, {} bytes)", cid,
        in.isOffline() ? "offline" : in.transfer().type(), in.clientPeerId(), p.client(), p.pieceCID(), p.pieceSize());
    return IntakeResult.accepted(cid);
  }

  private IntakeResult reject(Cid cid, String why) {
    pipeline.apply(cid, ProviderEvent.DEAL_REJECTED, why);
    return IntakeResult.rejected(cid, why, true);
  }
}
