package venus.market.core.storagemarket;

import static org.assertj.core.api.Assertions.assertThat;
import static venus.market.core.market.MarketVectors.dealHex;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import venus.market.core.cbor.CborEncodable;
import venus.market.core.cbor.CborReader;
import venus.market.core.crypto.SigType;
import venus.market.core.crypto.Signature;
import venus.market.core.market.ClientDealProposal;

/**
 * Top-level key order on the wire equals the order the current Go cbor-gen code writes (boost 31acd663
 * storagemarket/types/types_cbor_gen.go; go-fil-markets 6e1b1dc0 storagemarket/network/types_cbor_gen.go and
 * storagemarket/types_cbor_gen.go).
 */
class WireKeyOrderTest {

  private static final ClientDealProposal CDP = ClientDealProposal.decode(dealHex("client_deal_proposal_cbor_hex"));
  private static final Signature SIG = Signature.of(SigType.SECP256K1, new byte[65]);
  private static final UUID UUID_1 = UUID.fromString("11111111-1111-1111-1111-111111111111");

  private static List<String> keys(CborEncodable value) {
    return CborReader.decode(value.toCbor(), r -> {
      int n = r.readMapHeader();
      List<String> out = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        out.add(r.readMapKey());
        r.skipValue();
      }
      return out;
    });
  }

  @Test
  void boostTypes() {
    DealParams dp = new DealParams(UUID_1, false, CDP, CDP.proposal().pieceCID(), Transfer.NONE, false, false);
    assertThat(keys(dp)).containsExactly("DealUUID", "Transfer", "IsOffline", "DealDataRoot", "SkipIPNIAnnounce",
        "ClientDealProposal", "RemoveUnsealedCopy");
    assertThat(keys(Transfer.NONE)).containsExactly("Size", "Type", "Params", "ClientID");
    assertThat(keys(new DealResponse(true, ""))).containsExactly("Message", "Accepted");
    assertThat(keys(new BoostDealStatusRequest(UUID_1, SIG))).containsExactly("DealUUID", "Signature");
    BoostDealStatus st = new BoostDealStatus("", "", "", CDP.proposal(), CDP.proposalCid(), null, 0);
    assertThat(keys(new BoostDealStatusResponse(UUID_1, "", st, false, 0, 0))).containsExactly("Error", "DealUUID",
        "IsOffline", "DealStatus", "TransferSize", "NBytesReceived");
    assertThat(keys(st)).containsExactly("Error", "Status", "Proposal", "PublishCid", "ChainDealID", "SealingStatus",
        "SignedProposalCid");
  }

  @Test
  void goFilMarketsTypes() {
    DataRef ref = new DataRef("manual", CDP.proposal().pieceCID(), null, 0, 0);
    assertThat(keys(new Proposal(CDP, ref, false))).containsExactly("Piece", "DealProposal", "FastRetrieval");
    assertThat(keys(ref)).containsExactly("Root", "PieceCid", "PieceSize", "RawBlockSize", "TransferType");
    Response resp = Response.accepted(CDP.proposalCid());
    assertThat(keys(resp)).containsExactly("State", "Message", "Proposal", "PublishMessage");
    assertThat(keys(new SignedResponse(resp, SIG))).containsExactly("Response", "Signature");
    ProviderDealState pds = ProviderDealState.error("x");
    assertThat(keys(pds)).containsExactly("State", "DealID", "Message", "Proposal", "PublishCid", "AddFundsCid",
        "ProposalCid", "FastRetrieval");
    assertThat(keys(new DealStatusResponse(pds, SIG))).containsExactly("DealState", "Signature");
    assertThat(keys(new DealStatusRequest(CDP.proposalCid(), SIG))).containsExactly("Proposal", "Signature");
    StorageAsk ask = new StorageAsk(venus.market.core.amount.TokenAmount.ZERO, venus.market.core.amount.TokenAmount.ZERO,
        256, 2048, CDP.proposal().provider(), 1, 2, 3);
    assertThat(keys(ask)).containsExactly("Miner", "Price", "SeqNo", "Expiry", "Timestamp", "MaxPieceSize",
        "MinPieceSize", "VerifiedPrice");
    assertThat(pds.signingBytesCandidates()).hasSize(2);
    assertThat(pds.signingBytesCandidates().get(1)).isEqualTo(pds.signingBytesGoLegacyOrder());
  }
}
