package venus.market.daemon.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import venus.market.core.cbor.CborException;
import venus.market.core.storagemarket.DealParams;
import venus.market.core.storagemarket.DealResponse;
import venus.market.core.storagemarket.Transfer;
import venus.market.daemon.deals.DealTransfer;
import venus.market.p2p.P2pStream;

/**
 * boost's {@code /fil/storage/mk/1.2.1} and {@code /1.2.0} (handled alike; a 1.2.0 client's 5-key DealParams reads the
 * two newer keys as false): one DealParams in, one unsigned DealResponse{Accepted, Message} out. Online deals name an
 * {@code http} or {@code libp2p} transfer that the provider pulls; offline deals set IsOffline and wait for
 * import-data. A request that cannot be read as CBOR resets the stream; one that is CBOR but not DealParams gets a
 * rejection naming the decode error.
 */
public final class BoostDealProtocol {
  public static final String V121 = "/fil/storage/mk/1.2.1";
  public static final String V120 = "/fil/storage/mk/1.2.0";
  static final Set<String> PULL_TYPES = Set.of(DealTransfer.TYPE_HTTP, DealTransfer.TYPE_LIBP2P);
  private static final Logger LOG = LoggerFactory.getLogger(BoostDealProtocol.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final DealIntake intake;

  public BoostDealProtocol(DealIntake intake) {
    this.intake = intake;
  }

  public void serve(P2pStream s) throws IOException {
    String protocol = s.protocol();
    byte[] req;
    try {
      req = ProtocolIo.readRequest(s, "deal proposal on " + protocol);
    } catch (CborException e) {
      LOG.info("refusing deal proposal from {} on {}: {}", s.remotePeer(), protocol, e.getMessage());
      throw e;
    }
    DealParams params;
    try {
      params = DealParams.decode(req);
    } catch (CborException e) {
      LOG.info("undecodable deal proposal from {} on {}: {}", s.remotePeer(), protocol, e.getMessage());
      ProtocolIo.reply(s, new DealResponse(false, "failed to decode deal proposal: " + e.getMessage()).toCbor());
      return;
    }
    LOG.info("received deal proposal id={} client-peer={} protocol={}", params.dealUUID(), s.remotePeer(), protocol);
    IntakeResult r = intake.receive(toIncoming(params, protocol, s.remotePeer().toString()));
    boolean sent = ProtocolIo.reply(s, new DealResponse(r.accepted(), r.message()).toCbor());
    if (!sent) {
      LOG.warn("deal {}: could not send the answer to {}", r.proposalCid(), s.remotePeer());
    }
    intake.answered(r, sent);
  }

  static IncomingProposal toIncoming(DealParams p, String protocol, String peer) {
    DealTransfer transfer;
    String unsupported = null;
    if (p.isOffline()) {
      transfer = DealTransfer.MANUAL;
    } else {
      Transfer t = p.transfer();
      transfer = new DealTransfer(t.type(), new String(t.params(), StandardCharsets.UTF_8), t.size());
      if (!PULL_TYPES.contains(t.type())) {
        unsupported = "transfer type " + (t.type().isEmpty() ? "\"\"" : t.type()) + " not supported (use http or "
            + "libp2p, or make an offline deal)";
      } else {
        unsupported = checkTransferParams(t.params());
      }
    }
    return new IncomingProposal(p.clientDealProposal(), protocol, peer, p.dealUUID(), transfer, p.dealDataRoot(),
        !p.removeUnsealedCopy(), true, unsupported);
  }

  /** boost parses the params as {"URL", "Headers"} and needs a URL to pull from. */
  private static String checkTransferParams(byte[] params) {
    try {
      JsonNode n = JSON.readTree(params);
      if (n == null || !n.path("URL").isTextual() || n.path("URL").asText().isEmpty()) {
        return "server error: get deal transfer host: transfer params have no URL";
      }
      java.net.URI.create(n.path("URL").asText());
      return null;
    } catch (IOException | IllegalArgumentException e) {
      return "server error: get deal transfer host: transfer params are not {\"URL\": ..., \"Headers\": ...} JSON";
    }
  }
}
