package venus.market.core.chain;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import venus.market.core.cbor.CborEncodable;
import venus.market.core.cbor.CborException;
import venus.market.core.market.AddBalanceParams;
import venus.market.core.market.DealState;
import venus.market.core.market.MarketBalance;
import venus.market.core.market.WithdrawBalanceParams;
import venus.market.core.miner.BatchReturn;
import venus.market.core.miner.ChangeMultiaddrsParams;
import venus.market.core.miner.ChangePeerIDParams;
import venus.market.core.miner.ChangeWorkerAddressParams;
import venus.market.core.miner.PreCommitSectorBatchParams2;
import venus.market.core.miner.ProveCommitSectorParams;

/**
 * What the node hands back (messages, actor state and return values) is untrusted too: hostile bytes fail only with
 * a CborException and anything accepted survives re-encoding. The first input byte picks the decoder; the market
 * messages and MinerInfo are in StorageMarketFuzzTest.
 */
class ChainMessagesFuzzTest {

  private static final List<Function<byte[], ? extends CborEncodable>> DECODERS = List.of(
      UnsignedMessage::fromCbor,
      SignedMessage::fromCbor,
      DealState::decode,
      MarketBalance::decode,
      AddBalanceParams::decode,
      WithdrawBalanceParams::decode,
      BatchReturn::decode,
      ChangeMultiaddrsParams::decode,
      ChangePeerIDParams::decode,
      ChangeWorkerAddressParams::decode,
      PreCommitSectorBatchParams2::decode,
      ProveCommitSectorParams::decode);

  @FuzzTest(maxDuration = "10s")
  void chainDecodersFailOnlyWithCborException(byte[] input) {
    if (input.length == 0) {
      return;
    }
    Function<byte[], ? extends CborEncodable> decoder = DECODERS.get((input[0] & 0xff) % DECODERS.size());
    CborEncodable value;
    try {
      value = decoder.apply(Arrays.copyOfRange(input, 1, input.length));
    } catch (CborException expected) {
      return;
    }
    assertThat(decoder.apply(value.toCbor())).isEqualTo(value);
  }
}
