package venus.market.core.storagemarket;

import static org.assertj.core.api.Assertions.assertThat;
import static venus.market.core.market.MarketVectors.hex;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import venus.market.core.address.Address;
import venus.market.core.cbor.CborReader;
import venus.market.core.crypto.Bls;
import venus.market.core.crypto.Signature;
import venus.market.core.market.DealLabel;
import venus.market.core.market.DealProposal;
import venus.market.core.multiformats.Cid;

/**
 * Maps as go-fil-markets encoded them before v1.28 (keys in Go <em>declaration</em> order, not canonical). Bytes
 * from filecoin-project/cpp-filecoin (Apache-2.0) test/core/markets/storage/protocol/*_named_cbor_test.cpp, which
 * state they come from go-fil-markets commit b1a66cfd. Address t2i4llai5x72clnz643iydyplvjmni74x4vyme7ny, CID
 * QmTTA2daxGqo5denp6SwLzzkLJm3fuisYEi9CoWsuHpzfb (CIDv0). Their BLS signatures (key 00..1f) verify over the
 * declaration-order bytes, which proves what legacy peers sign.
 */
class GoLegacyOrderVectorsTest {

  private static final String CID_HEX = "d82a58230012204bf5122f344554c53bde2ebb8cd2b7e3d1600ad631c385a5d7cce23c7785459a";
  private static final String ADDR_HEX = "55024716b023b7fe84b6e7dcda303c3d754b1a8ff2fc";
  private static final String DEAL_PROPOSAL_HEX = "8b" + CID_HEX + "190100f5" + ADDR_HEX + ADDR_HEX
      + "656c6162656c18651907d24200164300014d4300115c";

  private static final String STORAGE_ASK_HEX = "a865507269636542007b6d56657269666965645072696365430001c86c4d696e50"
      + "6965636553697a651901006c4d6178506965636553697a651a00100000654d696e6572" + ADDR_HEX
      + "6954696d657374616d701904d266457870697279191a85655365714e6f182a";
  private static final String ASK_SIGNATURE_HEX = "58610289564aca0dabd06015c1c87816f6aedec346c6c0dad93549503907d97e21"
      + "47e0b07fb35d29da1477d5e946efbfd5b07708aa8d753060ffdbc244c117e3119d279510ba4b2e0423da649e751b9422cd6d7ee3bbf"
      + "216a517de6fde0f6eb67640b7";

  private static final String PROVIDER_DEAL_STATE_HEX = "a865537461746500674d657373616765676d6573736167656850726f"
      + "706f73616c" + DEAL_PROPOSAL_HEX + "6b50726f706f73616c436964" + CID_HEX + "6b41646446756e6473436964" + CID_HEX
      + "6a5075626c697368436964" + CID_HEX + "664465616c4944182a6d4661737452657472696576616cf5";

  /** The fixture's BLS private key (little-endian scalar, as Filecoin stores BLS keys). */
  private static final byte[] BLS_KEY = hex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

  private static boolean blsVerifies(byte[] message, Signature sig) {
    return Bls.verify(Bls.publicKey(BLS_KEY), message, sig.data());
  }

  private static Cid cid() {
    return Cid.parse("QmTTA2daxGqo5denp6SwLzzkLJm3fuisYEi9CoWsuHpzfb");
  }

  private static Address address() {
    return Address.parse("t2i4llai5x72clnz643iydyplvjmni74x4vyme7ny");
  }

  @Test
  void dealProposalWithCidV0AndStringLabel() {
    DealProposal p = DealProposal.decode(hex(DEAL_PROPOSAL_HEX));
    assertThat(p.pieceCID()).isEqualTo(cid());
    assertThat(p.client()).isEqualTo(address());
    assertThat(p.label()).isEqualTo(DealLabel.ofString("label"));
    assertThat(p.startEpoch()).isEqualTo(101);
    assertThat(p.endEpoch()).isEqualTo(2002);
    assertThat(p.clientCollateral().atto()).isEqualTo(BigInteger.valueOf(4444));
    assertThat(hex(p.toCbor())).isEqualTo(DEAL_PROPOSAL_HEX);
  }

  @Test
  void legacyProposalMessageDecodesDespiteKeyOrder() {
    String go = "a36c4465616c50726f706f73616c82" + DEAL_PROPOSAL_HEX + "584201" + "00".repeat(65)
        + "655069656365a56c5472616e7366657254797065666d616e75616c64526f6f74" + CID_HEX + "685069656365436964" + CID_HEX
        + "69506965636553697a651901006c526177426c6f636b53697a65182a6d4661737452657472696576616cf5";
    Proposal p = Proposal.decode(hex(go));
    assertThat(p.fastRetrieval()).isTrue();
    assertThat(p.piece()).isEqualTo(new DataRef("manual", cid(), cid(), 256, 42));
    assertThat(p.dealProposal().proposal().pieceSize()).isEqualTo(256);
    // Re-encoded canonically: different bytes, same message.
    byte[] canonical = p.toCbor();
    assertThat(hex(canonical)).isNotEqualTo(go).startsWith("a3655069656365a5");
    assertThat(Proposal.decode(canonical)).isEqualTo(p);
  }

  @Test
  void responseIsTheSameInBothOrders() {
    String go = "a465537461746500674d657373616765676d6573736167656850726f706f73616c" + CID_HEX
        + "6e5075626c6973684d657373616765" + CID_HEX;
    Response r = CborReader.decode(hex(go), Response::read);
    assertThat(r).isEqualTo(new Response(0, "message", cid(), cid()));
    assertThat(hex(r.signingBytes())).isEqualTo(go);
  }

  @Test
  void storageAskLegacyOrderReproducesGoBytes() {
    StorageAsk ask = CborReader.decode(hex(STORAGE_ASK_HEX), StorageAsk::read);
    assertThat(ask.price().atto()).isEqualTo(BigInteger.valueOf(123));
    assertThat(ask.verifiedPrice().atto()).isEqualTo(BigInteger.valueOf(456));
    assertThat(ask.minPieceSize()).isEqualTo(256);
    assertThat(ask.maxPieceSize()).isEqualTo(1 << 20);
    assertThat(ask.miner()).isEqualTo(address());
    assertThat(ask.timestamp()).isEqualTo(1234);
    assertThat(ask.expiry()).isEqualTo(6789);
    assertThat(ask.seqNo()).isEqualTo(42);
    assertThat(hex(ask.signingBytesGoLegacyOrder())).isEqualTo(STORAGE_ASK_HEX);
    assertThat(hex(ask.signingBytes())).isNotEqualTo(STORAGE_ASK_HEX).startsWith("a8654d696e6572");
  }

  @Test
  void signedAskAndAskResponse() {
    String signedHex = "a26341736b" + STORAGE_ASK_HEX + "695369676e6174757265" + ASK_SIGNATURE_HEX;
    SignedStorageAsk signed = CborReader.decode(hex(signedHex), SignedStorageAsk::read);
    assertThat(signed.signature().dataLength()).isEqualTo(96);
    // The signature is over the declaration-order map: what legacy peers sign and verify.
    assertThat(blsVerifies(signed.ask().signingBytesGoLegacyOrder(), signed.signature())).isTrue();
    assertThat(blsVerifies(signed.ask().signingBytes(), signed.signature())).isFalse();
    AskResponse resp = AskResponse.decode(hex("a16341736b" + signedHex));
    assertThat(resp.ask()).isEqualTo(signed);
    assertThat(AskRequest.decode(hex("a1654d696e6572" + ADDR_HEX)).miner()).isEqualTo(address());
  }

  @Test
  void providerDealStateLegacyOrderReproducesGoBytes() {
    String go = "a2694465616c5374617465" + PROVIDER_DEAL_STATE_HEX + "695369676e6174757265586102a533b8cfcbd0725c7310"
        + "95ede28f8ea3927af07186ed87a6711eb3059fc86a5796143293f86842239026b8cef7f65f0f03e507e9a35a9ca2535bf71e442f"
        + "1b16a49fd394b49dd33ba6d92561d4c9cf56b1fb9d7883a2eb4909096d9454d65143";
    DealStatusResponse resp = DealStatusResponse.decode(hex(go));
    ProviderDealState s = resp.dealState();
    assertThat(s.message()).isEqualTo("message");
    assertThat(s.dealID()).isEqualTo(42);
    assertThat(s.fastRetrieval()).isTrue();
    assertThat(s.proposalCid()).isEqualTo(cid());
    assertThat(hex(s.signingBytesGoLegacyOrder())).isEqualTo(PROVIDER_DEAL_STATE_HEX);
    assertThat(blsVerifies(s.signingBytesGoLegacyOrder(), resp.signature())).isTrue();
    assertThat(DealStatusResponse.decode(resp.toCbor())).isEqualTo(resp);
  }

  @Test
  void dealStatusRequest() {
    String go = "a26850726f706f73616c" + CID_HEX + "695369676e6174757265586102813f191c43c7a8d0822e8c5ec8cc9e8c8f01655e"
        + "8e80e800087fa968e55b88919cebbdbb543e20ecc3f3a29b2a66fa2d0577ed97ea6892590f4a5b47da745d99b4b7882d04f744b0a"
        + "6280f336579b8de3a3ca83fba16ed0ab6ce3d5242ee2a23";
    DealStatusRequest req = DealStatusRequest.decode(hex(go));
    assertThat(req.proposal()).isEqualTo(cid());
    assertThat(hex(req.toCbor())).isEqualTo(go);
    assertThat(blsVerifies(DealStatusRequest.signingBytes(req.proposal()), req.signature())).isTrue();
  }
}
