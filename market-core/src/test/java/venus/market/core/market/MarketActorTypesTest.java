package venus.market.core.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static venus.market.core.market.MarketVectors.dealHex;
import static venus.market.core.market.MarketVectors.hex;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import venus.market.core.address.Address;
import venus.market.core.amount.TokenAmount;
import venus.market.core.bitfield.BitField;
import venus.market.core.cbor.CborException;

class MarketActorTypesTest {

  @Test
  void addBalanceParamsAreTheBareAddress() {
    AddBalanceParams p = new AddBalanceParams(Address.newId(1000));
    assertThat(hex(p.toCbor())).isEqualTo("4300e807");
    assertThat(AddBalanceParams.decode(hex("4300e807"))).isEqualTo(p);
    assertThatThrownBy(() -> AddBalanceParams.decode(hex("814300e807"))).isInstanceOf(CborException.class);
  }

  @Test
  void withdrawBalanceParamsAreATuple() {
    WithdrawBalanceParams p = new WithdrawBalanceParams(Address.newId(1000),
        TokenAmount.ofAtto(BigInteger.valueOf(1000)));
    assertThat(hex(p.toCbor())).isEqualTo("824300e807430003e8");
    assertThat(WithdrawBalanceParams.decode(p.toCbor())).isEqualTo(p);
    assertThat(WithdrawBalanceParams.readReturn(hex("430003e8")).atto()).isEqualTo(BigInteger.valueOf(1000));
  }

  @Test
  void marketBalanceIsTheGetBalanceTuple() {
    MarketBalance b = MarketBalance.decode(hex("82430003e84200c8"));
    assertThat(b.escrow().atto()).isEqualTo(BigInteger.valueOf(1000));
    assertThat(b.locked().atto()).isEqualTo(BigInteger.valueOf(200));
    assertThat(b.available().atto()).isEqualTo(BigInteger.valueOf(800));
    assertThat(hex(b.toCbor())).isEqualTo("82430003e84200c8");
  }

  @Test
  void dealStateV13() {
    DealState s = new DealState(9, 1200, -1, -1);
    assertThat(hex(s.toCbor())).isEqualTo("84091904b02020");
    assertThat(DealState.decode(s.toCbor())).isEqualTo(s);
    assertThat(s.isActive()).isTrue();
    assertThat(DealState.EMPTY.isActive()).isFalse();
    assertThatThrownBy(() -> DealState.decode(hex("83091904b020"))).isInstanceOf(CborException.class)
        .hasMessageContaining("DealState");
  }

  @Test
  void publishStorageDealsParamsWrapTheDealArray() {
    byte[] cdp = dealHex("client_deal_proposal_cbor_hex");
    ClientDealProposal deal = ClientDealProposal.decode(cdp);
    PublishStorageDealsParams p = new PublishStorageDealsParams(List.of(deal, deal));
    byte[] cbor = p.toCbor();
    assertThat(hex(cbor)).isEqualTo("8182" + hex(cdp) + hex(cdp));
    assertThat(PublishStorageDealsParams.decode(cbor)).isEqualTo(p);
  }

  @Test
  void publishStorageDealsReturnMapsIndexesToIds() {
    // Deals 0 and 2 of three were valid and got IDs 7 and 8: bitfield {0, 2}.
    BitField valid = BitField.of(0, 2);
    PublishStorageDealsReturn ret = new PublishStorageDealsReturn(List.of(7L, 8L), valid);
    byte[] cbor = ret.toCbor();
    PublishStorageDealsReturn back = PublishStorageDealsReturn.decode(cbor);
    assertThat(back).isEqualTo(ret);
    assertThat(back.dealIdAt(0)).isEqualTo(7);
    assertThat(back.dealIdAt(1)).isEqualTo(-1);
    assertThat(back.dealIdAt(2)).isEqualTo(8);
    // ValidDeals {0, 2} in RLE+: version 00, first run of ones, runs 1/1/1 → bits 0,0,1,1,1,1 → 0x3c.
    assertThat(hex(cbor)).isEqualTo("82820708413c");
  }

  @Test
  void policyBounds() {
    assertThat(MarketPolicy.DEAL_MIN_DURATION).isEqualTo(518400);
    assertThat(MarketPolicy.DEAL_MAX_DURATION).isEqualTo(3680640);
    assertThat(MarketPolicy.isDurationInBounds(518400)).isTrue();
    assertThat(MarketPolicy.isDurationInBounds(518399)).isFalse();
    assertThat(MarketPolicy.isDurationInBounds(3680641)).isFalse();
    assertThat(MarketPolicy.isValidPaddedPieceSize(2048)).isTrue();
    assertThat(MarketPolicy.isValidPaddedPieceSize(2032)).isFalse();
    assertThat(MarketPolicy.isValidPaddedPieceSize(64)).isFalse();
    // 1% of 1000 FIL circulating supply, piece 1/4 of max(raw power, baseline) → 2.5 FIL.
    BigInteger fil = BigInteger.TEN.pow(18);
    assertThat(MarketPolicy.minProviderCollateral(1024, BigInteger.valueOf(4096), BigInteger.valueOf(2048),
        fil.multiply(BigInteger.valueOf(1000)))).isEqualTo(fil.multiply(BigInteger.valueOf(25)).divide(BigInteger.TEN));
  }

  @Test
  void exportedMethodNumbersAreFrc42() {
    assertThat(MarketMethods.ADD_BALANCE_EXPORTED).isEqualTo(MarketVectors.frc42("AddBalance"));
    assertThat(MarketMethods.WITHDRAW_BALANCE_EXPORTED).isEqualTo(MarketVectors.frc42("WithdrawBalance"));
    assertThat(MarketMethods.PUBLISH_STORAGE_DEALS_EXPORTED).isEqualTo(MarketVectors.frc42("PublishStorageDeals"));
    assertThat(MarketMethods.GET_BALANCE_EXPORTED).isEqualTo(MarketVectors.frc42("GetBalance"));
    assertThat(MarketMethods.GET_DEAL_ACTIVATION_EXPORTED).isEqualTo(MarketVectors.frc42("GetDealActivation"));
    assertThat(MarketMethods.SECTOR_CONTENT_CHANGED).isEqualTo(MarketVectors.frc42("SectorContentChanged"));
  }
}
