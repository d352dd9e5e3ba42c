package venus.market.core.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static venus.market.core.market.MarketVectors.DEAL;
import static venus.market.core.market.MarketVectors.dealHex;
import static venus.market.core.market.MarketVectors.hex;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import venus.market.core.address.Address;
import venus.market.core.amount.TokenAmount;
import venus.market.core.cbor.CborException;
import venus.market.core.cbor.CborReader;
import venus.market.core.crypto.Secp256k1;
import venus.market.core.crypto.SigType;
import venus.market.core.crypto.Signature;
import venus.market.core.multiformats.Cid;

/** Known answers from vectors/market/computed-deal-example.json (the full deal worked example of wire.md §1.12). */
class DealProposalTest {

  private static final byte[] CLIENT_KEY = Base64.getDecoder().decode(DEAL.get("client_private_key_base64").asText());

  static DealProposal exampleProposal() {
    return new DealProposal(
        Cid.parse("baga6ea4seaqae5ysjdbsr4b5jhotaz5ooh62jrrdbxwygfpkkfjz44kvywycmgy"),
        524288,
        false,
        Address.fromBytes(dealHex("client_address_bytes_hex")),
        Address.newId(1000),
        DealLabel.ofString(DEAL.get("label").asText()),
        10000,
        528400,
        TokenAmount.ofAtto(BigInteger.valueOf(1000)),
        TokenAmount.ofAtto(BigInteger.ZERO),
        TokenAmount.ofAtto(BigInteger.ZERO));
  }

  @Test
  void encodesTheWorkedExampleByteForByte() {
    DealProposal p = exampleProposal();
    assertThat(hex(p.toCbor())).isEqualTo(DEAL.get("deal_proposal_cbor_hex").asText());
    assertThat(p.cid().toString()).isEqualTo(DEAL.get("deal_proposal_cid_blake2b").asText());
    assertThat(p.signingBytes()).isEqualTo(p.toCbor());
    assertThat(p.hasValidPieceCidPrefix()).isTrue();
  }

  @Test
  void decodesAndReencodesTheWorkedExample() {
    byte[] cbor = dealHex("deal_proposal_cbor_hex");
    DealProposal p = DealProposal.decode(cbor);
    assertThat(p).isEqualTo(exampleProposal());
    assertThat(p.toCbor()).isEqualTo(cbor);
    assertThat(p.duration()).isEqualTo(518400);
    assertThat(p.totalStorageFee().atto()).isEqualTo(BigInteger.valueOf(518_400_000L));
    assertThat(p.clientBalanceRequirement().atto()).isEqualTo(BigInteger.valueOf(518_400_000L));
  }

  @Test
  void clientSignatureVerifiesAndClientDealProposalMatches() {
    byte[] sigRsv = dealHex("client_signature_rsv_hex");
    DealProposal p = exampleProposal();
    assertThat(Secp256k1.verify(Secp256k1.publicKey(CLIENT_KEY), p.signingBytes(), sigRsv)).isTrue();
    // RFC 6979 signing is deterministic: we reproduce the example's signature.
    assertThat(Secp256k1.sign(CLIENT_KEY, p.signingBytes())).isEqualTo(sigRsv);

    ClientDealProposal cdp = new ClientDealProposal(p, Signature.of(SigType.SECP256K1, sigRsv));
    assertThat(hex(cdp.toCbor())).isEqualTo(DEAL.get("client_deal_proposal_cbor_hex").asText());
    assertThat(cdp.proposalCid().toString()).isEqualTo(DEAL.get("proposal_cid_sha256").asText());
    assertThat(ClientDealProposal.decode(cdp.toCbor())).isEqualTo(cdp);
  }

  @Test
  void roundTripsAFevmExampleProposal() {
    // DealProposal inside the MockMarket messageAuthParams of public FEVM examples: f0104 → f0102, label "label".
    String hex = "8bd82a5828000181e2039220206b86b273ff34fce19d6b804eff5a3f5747ada4eaa22f1d49c01e52ddb7875b4b"
        + "190800f4420068420066656c6162656c0a1a0008ca0a42000a42000a42000a";
    DealProposal p = DealProposal.decode(hex(hex));
    assertThat(p.pieceSize()).isEqualTo(2048);
    assertThat(p.client()).isEqualTo(Address.newId(104));
    assertThat(p.provider()).isEqualTo(Address.newId(102));
    assertThat(p.label()).isEqualTo(DealLabel.ofString("label"));
    assertThat(p.endEpoch()).isEqualTo(576010);
    assertThat(p.providerCollateral().atto()).isEqualTo(BigInteger.TEN);
    assertThat(hex(p.toCbor())).isEqualTo(hex);
  }

  @Test
  void negativeEpochsUseMajorTypeOne() {
    DealProposal p = exampleProposal();
    DealProposal q = new DealProposal(p.pieceCID(), p.pieceSize(), true, p.client(), p.provider(), DealLabel.EMPTY,
        -1, -25, p.storagePricePerEpoch(), p.providerCollateral(), p.clientCollateral());
    String h = hex(q.toCbor());
    assertThat(DealProposal.decode(q.toCbor())).isEqualTo(q);
    // label "" then StartEpoch -1 (0x20), EndEpoch -25 (0x38 18)
    assertThat(h).contains("60203818");
  }

  @Test
  void rejectsWrongFieldCountTruncationAndTrailingBytes() {
    byte[] cbor = dealHex("deal_proposal_cbor_hex");
    byte[] ten = cbor.clone();
    ten[0] = (byte) 0x8a;
    assertThatThrownBy(() -> DealProposal.decode(ten)).isInstanceOf(CborException.class)
        .hasMessageContaining("DealProposal");
    for (int cut : new int[] {1, 5, 44, cbor.length - 1}) {
      assertThatThrownBy(() -> DealProposal.decode(Arrays.copyOf(cbor, cut))).isInstanceOf(CborException.class);
    }
    byte[] trailing = Arrays.copyOf(cbor, cbor.length + 1);
    assertThatThrownBy(() -> DealProposal.decode(trailing)).isInstanceOf(CborException.class)
        .hasMessageContaining("trailing");
  }

  @Test
  void rejectsANonCanonicalInteger() {
    // PieceSize 524288 as an 8-byte integer instead of 4.
    String good = DEAL.get("deal_proposal_cbor_hex").asText();
    String bad = good.replace("1a00080000", "1b0000000000080000");
    assertThatThrownBy(() -> DealProposal.decode(hex(bad))).isInstanceOf(CborException.class);
  }

  @Test
  void rejectsAnInvalidAddressAsCborException() {
    // Client address bytes replaced by a 1-byte string (protocol byte only).
    String good = DEAL.get("deal_proposal_cbor_hex").asText();
    String bad = good.replace("55011eaf1c8a4bbfeeb0870b1745b1f57503470b7116", "4101");
    assertThatThrownBy(() -> DealProposal.decode(hex(bad))).isInstanceOf(CborException.class)
        .hasMessageContaining("address");
  }

  @Test
  void decodeThrowsOnlyCborExceptionOnEveryTruncationAndByteFlip() {
    byte[] cbor = dealHex("client_deal_proposal_cbor_hex");
    for (int i = 0; i < cbor.length; i++) {
      byte[] t = Arrays.copyOf(cbor, i);
      assertThatThrownBy(() -> ClientDealProposal.decode(t)).isInstanceOf(CborException.class);
      byte[] flipped = cbor.clone();
      flipped[i] ^= (byte) 0xff;
      try {
        CborReader.decode(flipped, ClientDealProposal::read);
      } catch (CborException expected) {
        // fine: the only exception a decoder may throw
      }
    }
  }
}
