package venus.market.daemon.intake;

import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import venus.market.core.address.Address;
import venus.market.core.cbor.CborException;
import venus.market.core.crypto.Signature;
import venus.market.core.storagemarket.BoostDealStatus;
import venus.market.core.storagemarket.BoostDealStatusRequest;
import venus.market.core.storagemarket.BoostDealStatusResponse;
import venus.market.core.storagemarket.DealStatusRequest;
import venus.market.core.storagemarket.DealStatusResponse;
import venus.market.core.storagemarket.ProviderDealState;
import venus.market.core.storagemarket.StorageDealStatus;
import venus.market.core.wallet.SignatureVerifier;
import venus.market.daemon.deals.ProviderDeal;
import venus.market.daemon.signer.Signer;
import venus.market.p2p.P2pStream;

/**
 * The deal status protocols. Only the deal's client may ask: the request carries the client's signature (over the
 * deal UUID's 16 bytes on status/1.2.0, over the CBOR of the proposal CID on 1.1.0/1.0.1), checked against the
 * proposal's client key; anyone else gets an error answer that tells nothing about the deal.
 * <ul>
 *   <li>{@code /fil/storage/status/1.2.0} (boost): unsigned DealStatusResponse. SealingStatus carries our
 *       go-fil-markets state name (what market-client and the guide print), Status a boost checkpoint, Error the
 *       reason of a failed or rejected deal.</li>
 *   <li>{@code /fil/storage/status/1.1.0} and {@code 1.0.1} (go-fil-markets): ProviderDealState signed by the
 *       worker; errors are State 26 with "no such proposal" as go-fil-markets answers.</li>
 * </ul>
 */
public final class DealStatusProtocol {
  public static final String V120 = "/fil/storage/status/1.2.0";
  public static final String V110 = "/fil/storage/status/1.1.0";
  public static final String V101 = "/fil/storage/status/1.0.1";
  private static final Logger LOG = LoggerFactory.getLogger(DealStatusProtocol.class);

  private final DealIntake intake;
  private final ResponseSigner signer;

  public DealStatusProtocol(DealIntake intake, ResponseSigner signer) {
    this.intake = intake;
    this.signer = signer;
  }

  public void serveBoost(P2pStream s) throws IOException {
    BoostDealStatusRequest req;
    try {
      req = BoostDealStatusRequest.decode(ProtocolIo.readRequest(s, "deal status request on " + V120));
    } catch (CborException e) {
      LOG.info("refusing deal status request from {}: {}", s.remotePeer(), e.getMessage());
      throw e;
    }
    ProtocolIo.reply(s, boostStatus(req).toCbor());
  }

  BoostDealStatusResponse boostStatus(BoostDealStatusRequest req) {
    Optional<ProviderDeal> found = intake.byUuid(req.dealUUID());
    if (found.isEmpty()) {
      return error(req, "no storage deal found with deal UUID " + req.dealUUID());
    }
    ProviderDeal d = found.get();
    if (!signedByClient(d, req.signature(), BoostDealStatusRequest.signingBytes(req.dealUUID()))) {
      LOG.info("deal {}: status request with a signature not by its client", d.proposalCid());
      return error(req, "signature verification failed");
    }
    String err = failed(d) ? (d.message().isEmpty() ? "deal failed (" + d.state().goName() + ")" : d.message()) : "";
    BoostDealStatus status = new BoostDealStatus(err, checkpoint(d.state()), d.state().goName(),
        d.proposal().proposal(), d.proposalCid(), d.publishCid(), d.dealId());
    return new BoostDealStatusResponse(req.dealUUID(), "", status, d.transfer().isOffline(), d.transfer().size(),
        d.transferredBytes());
  }

  private static BoostDealStatusResponse error(BoostDealStatusRequest req, String why) {
    return new BoostDealStatusResponse(req.dealUUID(), why, null, false, 0, 0);
  }

  public void serveLegacy(P2pStream s) throws IOException {
    boolean v101 = V101.equals(s.protocol());
    DealStatusRequest req;
    try {
      byte[] b = ProtocolIo.readRequest(s, "deal status request on " + s.protocol());
      req = v101 ? DealStatusRequest.decodeV101(b) : DealStatusRequest.decode(b);
    } catch (CborException e) {
      LOG.info("refusing deal status request from {}: {}", s.remotePeer(), e.getMessage());
      throw e;
    }
    Optional<ProviderDeal> deal = intake.byProposalCid(req.proposal());
    ProviderDealState state = legacyState(deal, req);
    Address miner = deal.map(d -> d.proposal().proposal().provider()).orElse(null);
    Signature sig = signer.sign(miner, v101 ? state.signingBytesV101() : state.signingBytes(),
        Signer.SignMeta.PROVIDER_DEAL_STATE);
    DealStatusResponse resp = new DealStatusResponse(state, sig);
    ProtocolIo.reply(s, v101 ? resp.toCborV101() : resp.toCbor());
  }

  ProviderDealState legacyState(Optional<ProviderDeal> deal, DealStatusRequest req) {
    if (deal.isEmpty()) {
      return ProviderDealState.error("no such proposal");
    }
    ProviderDeal d = deal.get();
    if (!signedByClient(d, req.signature(), DealStatusRequest.signingBytes(req.proposal()))) {
      LOG.info("deal {}: status request with a signature not by its client", d.proposalCid());
      return ProviderDealState.error("invalid deal status request signature");
    }
    return new ProviderDealState(d.state().code(), d.message(), d.proposal().proposal(), d.proposalCid(),
        d.addFundsCid(), d.publishCid(), d.dealId(), d.fastRetrieval());
  }

  private boolean signedByClient(ProviderDeal d, Signature sig, byte[] data) {
    Address client = d.proposal().proposal().client();
    try {
      Address key = intake.checks().clientKey(client);
      return SignatureVerifier.verify(sig, key, data);
    } catch (RuntimeException e) {
      LOG.warn("deal {}: cannot resolve the key of client {}: {}", d.proposalCid(), client, e.toString());
      return false;
    }
  }

  private static boolean failed(ProviderDeal d) {
    return switch (d.state()) {
      case REJECTING, FAILING, ERROR, SLASHED, EXPIRED -> true;
      default -> false;
    };
  }

  /** boost's checkpoint for the stage our deal is in (boost dealcheckpoints names). */
  static String checkpoint(StorageDealStatus s) {
    return switch (s) {
      case VERIFY_DATA, RESERVE_PROVIDER_FUNDS, PROVIDER_FUNDING, PUBLISH -> "Transferred";
      case PUBLISHING -> "Published";
      case STAGED -> "PublishConfirmed";
      case AWAITING_PRE_COMMIT, SEALING -> "AddedPiece";
      case FINALIZING, ACTIVE -> "IndexedAndAnnounced";
      case REJECTING, FAILING, ERROR, SLASHED, EXPIRED -> "Complete";
      default -> "Accepted";
    };
  }
}
