package venus.market.core.storagemarket;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import venus.market.core.cbor.CborEncodable;
import venus.market.core.cbor.CborException;
import venus.market.core.market.ClientDealProposal;
import venus.market.core.market.DealProposal;
import venus.market.core.market.PublishStorageDealsParams;
import venus.market.core.market.PublishStorageDealsReturn;
import venus.market.core.miner.MinerInfo;
import venus.market.core.miner.ProveCommitSectors3Params;

/**
 * Every decoder of peer or chain input throws only CborException on hostile bytes, and what it accepts re-decodes
 * to the same value after re-encoding. The first input byte picks the decoder. In a normal build this replays the
 * committed corpus (StorageMarketFuzzTestInputs/); fuzz with {@code JAZZER_FUZZ=1 mvn -pl market-core test
 * -Dtest=StorageMarketFuzzTest -Dsurefire.failIfNoSpecifiedTests=false} and
 * {@code JAZZER_INSTRUMENTATION_INCLUDES='venus.market.core.**'}.
 */
class StorageMarketFuzzTest {

  private static final List<Function<byte[], ? extends CborEncodable>> DECODERS = List.of(
      DealProposal::decode,
      ClientDealProposal::decode,
      Proposal::decode,
      SignedResponse::decode,
      AskRequest::decode,
      AskResponse::decode,
      DealStatusRequest::decode,
      DealStatusResponse::decode,
      DealParams::decode,
      DealResponse::decode,
      BoostDealStatusRequest::decode,
      BoostDealStatusResponse::decode,
      PublishStorageDealsParams::decode,
      PublishStorageDealsReturn::decode,
      MinerInfo::decode,
      ProveCommitSectors3Params::decode);

  @FuzzTest(maxDuration = "10s")
  void decodersFailOnlyWithCborException(byte[] input) {
    if (input.length == 0) {
      return;
    }
    Function<byte[], ? extends CborEncodable> decoder = DECODERS.get((input[0] & 0xff) % DECODERS.size());
    byte[] body = Arrays.copyOfRange(input, 1, input.length);
    CborEncodable value;
    try {
      value = decoder.apply(body);
    } catch (CborException expected) {
      return;
    }
    assertThat(decoder.apply(value.toCbor())).isEqualTo(value);
  }
}
