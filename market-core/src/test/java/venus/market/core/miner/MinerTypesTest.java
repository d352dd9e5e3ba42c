package venus.market.core.miner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static venus.market.core.market.MarketVectors.hex;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import venus.market.core.address.Address;
import venus.market.core.amount.TokenAmount;
import venus.market.core.cbor.CborException;
import venus.market.core.market.MarketVectors;
import venus.market.core.multiformats.Cid;
import venus.market.core.multiformats.Multicodec;
import venus.market.core.multiformats.Multihash;

class MinerTypesTest {

  private static final Cid SEALED = Cid.v1(Multicodec.FIL_COMMITMENT_SEALED,
      Multihash.of(Multicodec.POSEIDON_BLS12_381_A2_FC1, new byte[32]));
  private static final Cid PIECE = Cid.parse("baga6ea4seaqae5ysjdbsr4b5jhotaz5ooh62jrrdbxwygfpkkfjz44kvywycmgy");

  @Test
  void changePeerIdIsAOneFieldTuple() {
    byte[] peerId = hex("002408011220" + "ab".repeat(32));
    ChangePeerIDParams p = new ChangePeerIDParams(peerId);
    assertThat(hex(p.toCbor())).isEqualTo("815826" + hex(peerId));
    assertThat(ChangePeerIDParams.decode(p.toCbor())).isEqualTo(p);
    assertThatThrownBy(() -> ChangePeerIDParams.decode(hex("5826" + hex(peerId)))).isInstanceOf(CborException.class);
  }

  @Test
  void changeMultiaddrsIsATupleOfAnArrayOfBytes() {
    byte[] ma = hex("047f000001060fa1"); // /ip4/127.0.0.1/tcp/4001
    ChangeMultiaddrsParams p = new ChangeMultiaddrsParams(List.of(ma));
    assertThat(hex(p.toCbor())).isEqualTo("818148047f000001060fa1");
    assertThat(ChangeMultiaddrsParams.decode(p.toCbor())).isEqualTo(p);
    assertThat(hex(new ChangeMultiaddrsParams(List.of()).toCbor())).isEqualTo("8180");
  }

  @Test
  void changeWorkerAddress() {
    ChangeWorkerAddressParams p = new ChangeWorkerAddressParams(Address.newId(1001),
        List.of(Address.newId(1002), Address.newId(1003)));
    assertThat(hex(p.toCbor())).isEqualTo("824300e907824300ea074300eb07");
    assertThat(ChangeWorkerAddressParams.decode(p.toCbor())).isEqualTo(p);
  }

  @Test
  void preCommitSectorBatch2() {
    SectorPreCommitInfo info = new SectorPreCommitInfo(8, 3, SEALED, 1000, List.of(), 600000, PIECE);
    PreCommitSectorBatchParams2 p = new PreCommitSectorBatchParams2(List.of(info));
    byte[] cbor = p.toCbor();
    assertThat(hex(cbor)).startsWith("818187" + "08" + "03" + "d82a").contains("1903e8" + "80" + "1a000927c0" + "d82a");
    assertThat(PreCommitSectorBatchParams2.decode(cbor)).isEqualTo(p);
    SectorPreCommitInfo empty = new SectorPreCommitInfo(8, 4, SEALED, 1000, List.of(5L), 600000, null);
    assertThat(hex(empty.toCbor())).endsWith("8105" + "1a000927c0" + "f6");
  }

  @Test
  void proveCommitSectors3WithAMarketDealNotification() {
    DataActivationNotification n = DataActivationNotification.marketDeal(42);
    assertThat(hex(n.toCbor())).isEqualTo("82420005" + "42182a");
    PieceActivationManifest piece = new PieceActivationManifest(PIECE, 2048, null, List.of(n));
    SectorActivationManifest sector = new SectorActivationManifest(3, List.of(piece));
    ProveCommitSectors3Params p = new ProveCommitSectors3Params(List.of(sector), List.of(hex("c0ffee")), new byte[0],
        null, true, false);
    byte[] cbor = p.toCbor();
    assertThat(hex(cbor)).startsWith("8681820381" + "84d82a").endsWith("8143c0ffee40f6f5f4");
    assertThat(ProveCommitSectors3Params.decode(cbor)).isEqualTo(p);
    PieceActivationManifest verified = new PieceActivationManifest(PIECE, 2048, new VerifiedAllocationKey(1000, 7),
        List.of());
    assertThat(hex(verified.toCbor())).endsWith("19080082" + "1903e807" + "80");
  }

  @Test
  void legacyProveCommitSectorAndBatchReturn() {
    ProveCommitSectorParams p = new ProveCommitSectorParams(3, hex("0102"));
    assertThat(hex(p.toCbor())).isEqualTo("8203420102");
    assertThat(ProveCommitSectorParams.decode(p.toCbor())).isEqualTo(p);
    BatchReturn r = BatchReturn.decode(hex("8201818201" + "10"));
    assertThat(r.successCount()).isEqualTo(1);
    assertThat(r.failCodes()).containsExactly(new BatchReturn.FailCode(1, 16));
    assertThat(hex(r.toCbor())).isEqualTo("820181820110");
  }

  @Test
  void minerInfoRoundTrip() {
    MinerInfo info = new MinerInfo(Address.newId(1000), Address.newId(1001), List.of(Address.newId(1002)), null,
        hex("0024080112" + "20" + "cd".repeat(32)), List.of(hex("047f000001060fa1")), 5, 2048, 2349, -1, null,
        Address.newId(1000), new MinerInfo.BeneficiaryTerm(TokenAmount.ofAtto(BigInteger.ZERO),
            TokenAmount.ofAtto(BigInteger.ZERO), 0), null);
    byte[] cbor = info.toCbor();
    assertThat(hex(cbor)).startsWith("8e4300e8074300e907814300ea07f6");
    MinerInfo back = MinerInfo.decode(cbor);
    assertThat(back).isEqualTo(info);
    assertThat(back.sectorSize()).isEqualTo(2048);
    assertThat(back.isControlling(Address.newId(1002))).isTrue();
    assertThat(back.isControlling(Address.newId(1003))).isFalse();
  }

  @Test
  void exportedMethodNumbersAreFrc42() {
    assertThat(MinerMethods.CHANGE_WORKER_ADDRESS_EXPORTED).isEqualTo(MarketVectors.frc42("ChangeWorkerAddress"));
    assertThat(MinerMethods.CHANGE_PEER_ID_EXPORTED).isEqualTo(MarketVectors.frc42("ChangePeerID"));
    assertThat(MinerMethods.CHANGE_MULTIADDRS_EXPORTED).isEqualTo(MarketVectors.frc42("ChangeMultiaddrs"));
    assertThat(MinerMethods.GET_PEER_ID_EXPORTED).isEqualTo(MarketVectors.frc42("GetPeerID"));
    assertThat(MinerMethods.GET_MULTIADDRS_EXPORTED).isEqualTo(MarketVectors.frc42("GetMultiaddrs"));
  }
}
