package venus.market.daemon.intake;

import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import venus.market.core.cbor.CborException;
import venus.market.core.crypto.Signature;
import venus.market.core.storagemarket.DataRef;
import venus.market.core.storagemarket.Proposal;
import venus.market.core.storagemarket.Response;
import venus.market.core.storagemarket.SignedResponse;
import venus.market.daemon.deals.DealTransfer;
import venus.market.daemon.signer.Signer;
import venus.market.p2p.P2pStream;

/**
 * go-fil-markets' {@code /fil/storage/mk/1.1.1}, {@code 1.1.0} (maps) and {@code 1.0.1} (tuples): one Proposal in,
 * one SignedResponse out, signed by the miner's worker (State 18 WaitingForData when accepted, 11 Failing with the
 * reason when not). Only manual (offline) transfers are accepted: this provider does not run go-data-transfer, so a
 * graphsync push is refused with a message telling the client what works instead. mk/1.1.0 and 1.0.1 clients parse
 * the label as a string only, so a byte label is refused there.
 */
public final class LegacyDealProtocol {
  public static final String V111 = "/fil/storage/mk/1.1.1";
  public static final String V110 = "/fil/storage/mk/1.1.0";
  public static final String V101 = "/fil/storage/mk/1.0.1";
  public static final String GRAPHSYNC_REFUSED = "graphsync transfers are not supported; use an offline deal or a "
      + "boost (mk/1.2.0) client with http transfer";
  private static final Logger LOG = LoggerFactory.getLogger(LegacyDealProtocol.class);

  private final DealIntake intake;
  private final ResponseSigner signer;

  public LegacyDealProtocol(DealIntake intake, ResponseSigner signer) {
    this.intake = intake;
    this.signer = signer;
  }

  public void serve(P2pStream s) throws IOException {
    String protocol = s.protocol();
    boolean v101 = V101.equals(protocol);
    Proposal proposal;
    try {
      byte[] req = ProtocolIo.readRequest(s, "deal proposal on " + protocol);
      proposal = v101 ? Proposal.decodeV101(req) : Proposal.decode(req);
    } catch (CborException e) {
      LOG.info("refusing deal proposal from {} on {}: {}", s.remotePeer(), protocol, e.getMessage());
      throw e;
    }
    if (proposal.dealProposal() == null || proposal.piece() == null) {
      // Without the signed proposal there is no proposal CID to answer for.
      LOG.info("refusing deal proposal from {} on {}: DealProposal or Piece is null", s.remotePeer(), protocol);
      throw new CborException(0, "Proposal without DealProposal or Piece");
    }
    IntakeResult r = intake.receive(toIncoming(proposal, protocol, s.remotePeer().toString()));
    Response resp = r.accepted() ? Response.accepted(r.proposalCid()) : Response.rejected(r.proposalCid(), r.message());
    Signature sig;
    try {
      sig = signer.sign(proposal.dealProposal().proposal().provider(),
          v101 ? resp.signingBytesV101() : resp.signingBytes(), Signer.SignMeta.NETWORK_RESPONSE);
    } catch (RuntimeException e) {
      LOG.error("deal {}: cannot sign the answer with the worker key: {}", r.proposalCid(), e.toString());
      intake.answered(r, false);
      throw e;
    }
    SignedResponse signed = new SignedResponse(resp, sig);
    boolean sent = ProtocolIo.reply(s, v101 ? signed.toCborV101() : signed.toCbor());
    intake.answered(r, sent);
  }

  static IncomingProposal toIncoming(Proposal p, String protocol, String peer) {
    DataRef ref = p.piece();
    DealTransfer transfer;
    String unsupported = null;
    if (ref.isManual()) {
      transfer = DealTransfer.MANUAL;
    } else {
      transfer = new DealTransfer(ref.transferType(), "", ref.rawBlockSize());
      unsupported = DataRef.TRANSFER_GRAPHSYNC.equals(ref.transferType()) ? GRAPHSYNC_REFUSED
          : "transfer type " + ref.transferType() + " not supported (use manual, or a boost mk/1.2.0 client)";
    }
    return new IncomingProposal(p.dealProposal(), protocol, peer, null, transfer, ref.root(), p.fastRetrieval(),
        V111.equals(protocol), unsupported);
  }
}
