package venus.market.core.storagemarket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static venus.market.core.market.MarketVectors.DEAL;
import static venus.market.core.market.MarketVectors.dealHex;
import static venus.market.core.market.MarketVectors.hex;

import java.math.BigInteger;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import venus.market.core.address.Address;
import venus.market.core.amount.TokenAmount;
import venus.market.core.cbor.CborException;
import venus.market.core.crypto.SigType;
import venus.market.core.crypto.Signature;
import venus.market.core.market.ClientDealProposal;
import venus.market.core.market.DealLabel;
import venus.market.core.market.DealProposal;
import venus.market.core.multiformats.Cid;

/** Known answers from vectors/market/computed-deal-example.json and wire.md §1.12, plus round trips. */
class ProtocolMessagesTest {

  private static final ClientDealProposal CDP = ClientDealProposal.decode(dealHex("client_deal_proposal_cbor_hex"));
  private static final Cid ROOT = Cid.parse(DEAL.get("payload_root").asText());
  private static final Signature SIG = Signature.of(SigType.BLS, new byte[96]);

  @Test
  void mk110ProposalMessageMatchesTheWorkedExample() {
    byte[] expected = dealHex("mk110_proposal_message_cbor_hex");
    DataRef piece = new DataRef("manual", ROOT, CDP.proposal().pieceCID(), 520192, 0);
    Proposal p = new Proposal(CDP, piece, true);
    assertThat(hex(p.toCbor())).isEqualTo(hex(expected));
    Proposal back = Proposal.decode(expected);
    assertThat(back).isEqualTo(p);
    assertThat(back.piece().isManual()).isTrue();
    assertThat(back.hasByteLabel()).isFalse();
  }

  @Test
  void askRequestForF01000() {
    AskRequest r = new AskRequest(Address.newId(1000));
    assertThat(hex(r.toCbor())).isEqualTo(DEAL.get("ask_request_f01000_cbor_hex").asText())
        .isEqualTo("a1654d696e65724300e807");
    assertThat(AskRequest.decode(r.toCbor())).isEqualTo(r);
    assertThat(hex(r.toCborV101())).isEqualTo("814300e807");
    assertThat(AskRequest.decodeV101(r.toCborV101())).isEqualTo(r);
  }

  @Test
  void statusRequestSignsTheCborOfTheProposalCid() {
    byte[] signed = DealStatusRequest.signingBytes(CDP.proposalCid());
    assertThat(hex(signed)).isEqualTo(DEAL.get("status_request_signed_bytes_hex").asText());
    DealStatusRequest req = new DealStatusRequest(CDP.proposalCid(), SIG);
    assertThat(DealStatusRequest.decode(req.toCbor())).isEqualTo(req);
    assertThat(DealStatusRequest.decodeV101(req.toCborV101())).isEqualTo(req);
    assertThat(hex(req.toCbor())).startsWith("a26850726f706f73616cd82a5825");
  }

  @Test
  void responseAndSignedResponse() {
    Response accepted = Response.accepted(CDP.proposalCid());
    assertThat(accepted.state()).isEqualTo(18);
    assertThat(accepted.status()).contains(StorageDealStatus.WAITING_FOR_DATA);
    // {State: 18, Message: "", Proposal: cid, PublishMessage: null}
    assertThat(hex(accepted.signingBytes())).startsWith("a465537461746512674d657373616765606850726f706f73616cd82a")
        .endsWith("6e5075626c6973684d657373616765f6");
    SignedResponse sr = new SignedResponse(accepted, SIG);
    byte[] cbor = sr.toCbor();
    assertThat(hex(cbor)).startsWith("a268526573706f6e7365a4");
    assertThat(SignedResponse.decode(cbor)).isEqualTo(sr);
    assertThat(SignedResponse.decodeV101(sr.toCborV101())).isEqualTo(sr);
    assertThat(hex(accepted.signingBytesV101())).startsWith("841260d82a");
    Response rejected = Response.rejected(CDP.proposalCid(), "no");
    assertThat(rejected.status()).contains(StorageDealStatus.FAILING);
    assertThat(SignedResponse.decode(new SignedResponse(rejected, null).toCbor()).signature()).isNull();
  }

  @Test
  void storageAskMapTupleAndLegacyOrder() {
    StorageAsk ask = new StorageAsk(TokenAmount.ofAtto(BigInteger.valueOf(500_000_000)),
        TokenAmount.ofAtto(BigInteger.ZERO), 256, 1L << 35, Address.newId(1000), 100, 200, 3);
    byte[] map = ask.signingBytes();
    assertThat(hex(map)).startsWith("a8654d696e65724300e807655072696365");
    assertThat(StorageAsk.decode(map)).isEqualTo(ask);
    byte[] tuple = ask.signingBytesV101();
    assertThat(hex(tuple)).startsWith("88" + "45001dcd6500" + "40" + "190100");
    byte[] legacy = ask.signingBytesGoLegacyOrder();
    assertThat(hex(legacy)).startsWith("a8655072696365");
    assertThat(StorageAsk.decode(legacy)).isEqualTo(ask);
    SignedStorageAsk signed = new SignedStorageAsk(ask, SIG);
    AskResponse resp = new AskResponse(signed);
    assertThat(AskResponse.decode(resp.toCbor())).isEqualTo(resp);
    assertThat(AskResponse.decodeV101(resp.toCborV101())).isEqualTo(resp);
    assertThat(hex(new AskResponse(null).toCbor())).isEqualTo("a16341736bf6");
    assertThat(AskResponse.decode(hex("a16341736bf6")).ask()).isNull();
  }

  @Test
  void providerDealStateErrorAnswerAndRoundTrips() {
    ProviderDealState err = ProviderDealState.error("deal not found");
    assertThat(err.state()).isEqualTo(26);
    byte[] cbor = err.toCbor();
    // Canonical key order: State, DealID, Message, Proposal, PublishCid, AddFundsCid, ProposalCid, FastRetrieval.
    assertThat(hex(cbor)).startsWith("a865537461746518" + "1a" + "664465616c494400" + "674d657373616765");
    DealStatusResponse resp = new DealStatusResponse(err, SIG);
    assertThat(DealStatusResponse.decode(resp.toCbor())).isEqualTo(resp);
    assertThat(DealStatusResponse.decodeV101(resp.toCborV101())).isEqualTo(resp);
    ProviderDealState full = new ProviderDealState(7, "", CDP.proposal(), CDP.proposalCid(), null, ROOT, 42, true);
    assertThat(DealStatusResponse.decode(new DealStatusResponse(full, SIG).toCbor()).dealState()).isEqualTo(full);
    assertThat(hex(full.signingBytesV101())).startsWith("8807608b");
  }

  @Test
  void legacyTupleProposal() {
    DataRef piece = new DataRef("graphsync", ROOT, null, 0, 77);
    Proposal p = new Proposal(CDP, piece, false);
    byte[] v101 = p.toCborV101();
    assertThat(hex(v101)).startsWith("83828b");
    Proposal back = Proposal.decodeV101(v101);
    // 1.0.1 has no RawBlockSize.
    assertThat(back).isEqualTo(new Proposal(CDP, new DataRef("graphsync", ROOT, null, 0, 0), false));
  }

  @Test
  void byteLabelIsFlaggedForOldProtocols() {
    DealProposal d = CDP.proposal();
    DealProposal bytesLabel = new DealProposal(d.pieceCID(), d.pieceSize(), d.verifiedDeal(), d.client(),
        d.provider(), DealLabel.ofBytes(new byte[] {1, 2}), d.startEpoch(), d.endEpoch(), d.storagePricePerEpoch(),
        d.providerCollateral(), d.clientCollateral());
    Proposal p = new Proposal(new ClientDealProposal(bytesLabel, CDP.clientSignature()), null, false);
    assertThat(p.hasByteLabel()).isTrue();
    assertThat(Proposal.decode(p.toCbor())).isEqualTo(p);
  }

  @Test
  void boostDealParamsV121AndV120() {
    UUID uuid = UUID.fromString("01234567-89ab-cdef-0123-456789abcdef");
    Transfer t = new Transfer("http", "client-1", "{\"URL\":\"http://127.0.0.1:1/x.car\"}".getBytes(), 1234);
    DealParams dp = new DealParams(uuid, false, CDP, ROOT, t, true, true);
    byte[] cbor = dp.toCbor();
    // 7 keys; first DealUUID (8 chars) with the 16 raw UUID bytes.
    assertThat(hex(cbor)).startsWith("a7684465616c55554944500123456789abcdef0123456789abcdef" + "685472616e73666572a4");
    assertThat(DealParams.decode(cbor)).isEqualTo(dp);

    byte[] v120 = dp.toCborV120();
    assertThat(v120[0]).isEqualTo((byte) 0xa5);
    DealParams old = DealParams.decode(v120);
    assertThat(old.removeUnsealedCopy()).isFalse();
    assertThat(old.skipIPNIAnnounce()).isFalse();
    assertThat(old.transfer()).isEqualTo(t);

    DealParams offline = new DealParams(uuid, true, CDP, ROOT, Transfer.NONE, false, false);
    assertThat(hex(Transfer.NONE.toCbor()))
        .isEqualTo("a46453697a6500645479706560" + "66506172616d7340" + "68436c69656e74494460");
    assertThat(DealParams.decode(offline.toCbor())).isEqualTo(offline);
  }

  @Test
  void boostDealResponseAndStatus() {
    DealResponse r = new DealResponse(true, "");
    assertThat(hex(r.toCbor())).isEqualTo("a2674d65737361676560684163636570746564f5");
    assertThat(DealResponse.decode(r.toCbor())).isEqualTo(r);

    UUID uuid = UUID.randomUUID();
    assertThat(BoostDealStatusRequest.signingBytes(uuid)).hasSize(16);
    BoostDealStatusRequest req = new BoostDealStatusRequest(uuid, SIG);
    assertThat(BoostDealStatusRequest.decode(req.toCbor())).isEqualTo(req);

    BoostDealStatus st = new BoostDealStatus("", "Published", "", CDP.proposal(), CDP.proposalCid(), ROOT, 9);
    BoostDealStatusResponse resp = new BoostDealStatusResponse(uuid, "", st, false, 100, 50);
    assertThat(BoostDealStatusResponse.decode(resp.toCbor())).isEqualTo(resp);
    BoostDealStatusResponse err = new BoostDealStatusResponse(uuid, "no such deal", null, false, 0, 0);
    assertThat(BoostDealStatusResponse.decode(err.toCbor())).isEqualTo(err);
    // Wire order: Error, DealUUID, IsOffline, DealStatus, TransferSize, NBytesReceived.
    assertThat(hex(err.toCbor())).startsWith("a6654572726f72");
  }

  @Test
  void mapDecodingSkipsUnknownKeysAcceptsAnyOrderAndRejectsDuplicates() {
    // {"Zzz": 1, "Accepted": true, "Message": "x"}: unknown key first, then keys out of canonical order.
    byte[] unordered = hex("a3" + "635a7a7a01" + "684163636570746564f5" + "674d6573736167656178");
    assertThat(DealResponse.decode(unordered)).isEqualTo(new DealResponse(true, "x"));
    byte[] dup = hex("a2" + "684163636570746564f5" + "684163636570746564f4");
    assertThatThrownBy(() -> DealResponse.decode(dup)).isInstanceOf(CborException.class)
        .hasMessageContaining("duplicate");
    assertThatThrownBy(() -> DealResponse.decode(hex("a1" + "01f5"))).isInstanceOf(CborException.class);
    assertThatThrownBy(() -> AskRequest.decode(hex("a0"))).isInstanceOf(CborException.class)
        .hasMessageContaining("Miner");
    assertThatThrownBy(() -> DealResponse.decode(hex("82f560"))).isInstanceOf(CborException.class);
  }

  @Test
  void uuidMustBe16Bytes() {
    String sig = "695369676e61747572655861" + "02" + "00".repeat(96);
    byte[] ok = hex("a2684465616c5555494450" + "11".repeat(16) + sig);
    assertThat(BoostDealStatusRequest.decode(ok).dealUUID())
        .isEqualTo(UUID.fromString("11111111-1111-1111-1111-111111111111"));
    byte[] shorter = hex("a2684465616c555549444f" + "11".repeat(15) + sig);
    assertThatThrownBy(() -> BoostDealStatusRequest.decode(shorter)).isInstanceOf(CborException.class)
        .hasMessageContaining("16-byte");
  }

}
