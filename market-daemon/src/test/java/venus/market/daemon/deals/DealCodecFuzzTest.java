package venus.market.daemon.deals;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Deal records and history entries read back from the metadata store (a repo copied between versions, a disk that
 * flipped bits) fail only with a DealStoreException naming the key, and an accepted record re-encodes to a record
 * that decodes the same. Replays DealCodecFuzzTestInputs/ (records written by this build); to fuzz longer see
 * docs/reliability.md.
 */
class DealCodecFuzzTest {

  @FuzzTest(maxDuration = "10s")
  void storedRecordsFailOnlyWithDealStoreException(byte[] input) {
    try {
      ProviderDeal d = DealCodec.decodeDeal("/storage/provider/deals/", input);
      String key = "/storage/provider/deals/" + d.proposalCid();
      assertThat(DealCodec.decodeDeal(key, DealCodec.encode(d))).isEqualTo(d);
    } catch (DealStoreException expected) {
      // refused
    }
    try {
      DealTransition t = DealCodec.decodeEntry("/storage/provider/deal-history/x/0", input);
      assertThat(DealCodec.decodeEntry("k", DealCodec.encode(t))).isEqualTo(t);
    } catch (DealStoreException expected) {
      // refused
    }
  }
}
