package venus.market.daemon.deals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import venus.market.core.amount.TokenAmount;
import venus.market.core.cbor.CborWriter;
import venus.market.core.multiformats.Cid;
import venus.market.core.multiformats.Multicodec;
import venus.market.core.multiformats.Multihash;
import venus.market.core.storagemarket.StorageDealStatus;

class DealCodecTest {
  @Test
  void everyFieldRoundTrips() {
    Instant created = Instant.parse("2026-11-24T08:00:00.123456789Z");
    ProviderDeal d = ProviderDeal.builder(TestDeals.proposal(7), created)
        .state(StorageDealStatus.AWAITING_PRE_COMMIT).updatedAt(created.plusSeconds(90)).dealId(42)
        .piecePath("/pieces/baga").transferredBytes(4064).publishCid(cid(1)).message("note")
        .dealUuid(UUID.fromString("3f2504e0-4f89-11d3-9a0c-0305e82c3301")).protocol("/fil/storage/mk/1.2.0")
        .clientPeerId("12D3KooWExample").transfer(new DealTransfer("http", "{\"URL\":\"http://127.0.0.1/x\"}", 4064))
        .payloadCid(cid(2)).payloadSize(4000).fastRetrieval(true).inboundPath("/staging/x.car")
        .fundsReserved(TokenAmount.ofAtto(123)).addFundsCid(cid(3)).pieceStatus("Assigned").sectorNumber(9)
        .offset(2048).build();
    String key = "deals/" + d.proposalCid();
    ProviderDeal back = DealCodec.decodeDeal(key, DealCodec.encode(d));
    assertThat(back).isEqualTo(d);
    assertThat(back.createdAt()).isEqualTo(created);
  }

  @Test
  void aVersion1RecordReadsWithDefaultsForTheNewFields() {
    ProviderDeal d = ProviderDeal.received(TestDeals.proposal(8), Instant.parse("2026-11-24T08:00:00Z"));
    CborWriter w = new CborWriter();
    w.writeArrayHeader(11);
    w.writeUint64(1);
    w.write(d.proposal());
    w.writeUint64(StorageDealStatus.WAITING_FOR_DATA.code());
    w.writeUint64(0);
    w.writeText("");
    w.writeUint64(0);
    w.writeNullableCid(null);
    w.writeText("");
    for (int i = 0; i < 2; i++) {
      w.writeArrayHeader(2);
      w.writeInt64(d.createdAt().getEpochSecond());
      w.writeUint64(0);
    }
    w.writeUint64(0);
    ProviderDeal back = DealCodec.decodeDeal("deals/" + d.proposalCid(), w.toByteArray());
    assertThat(back).isEqualTo(d.withState(StorageDealStatus.WAITING_FOR_DATA, d.createdAt()));
    assertThat(back.transfer().isOffline()).isTrue();
    assertThat(back.pieceStatus()).isEqualTo(ProviderDeal.PIECE_UNDEFINED);
  }

  @Test
  void anUnknownVersionIsRefusedWithAnExplanation() {
    ProviderDeal d = ProviderDeal.received(TestDeals.proposal(9), Instant.parse("2026-11-24T08:00:00Z"));
    byte[] bytes = DealCodec.encode(d);
    bytes[1] = 9; // after the array header (one byte for 23 fields: 0x97), version uint 2 -> 9
    assertThat(bytes[0]).isEqualTo((byte) 0x97);
    assertThatThrownBy(() -> DealCodec.decodeDeal("deals/" + d.proposalCid(), bytes))
        .isInstanceOf(DealStoreException.class).hasMessageContaining("record version 9")
        .hasMessageContaining("newer venus-market");
  }

  private static Cid cid(int n) {
    return Cid.v1(Multicodec.DAG_CBOR, Multihash.sha256(new byte[] {(byte) n}));
  }
}
