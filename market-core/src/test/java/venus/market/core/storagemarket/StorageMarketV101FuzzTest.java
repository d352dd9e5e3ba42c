package venus.market.core.storagemarket;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import venus.market.core.cbor.CborException;

/**
 * The tuple encodings of go-fil-markets' 1.0.1 protocols (mk/1.0.1 proposal and response, ask/1.0.1, status/1.0.1)
 * and the bare ask: hostile bytes fail only with a CborException, and what is accepted re-decodes to the same value
 * after re-encoding in the same form. The first input byte picks the codec; {@link StorageMarketFuzzTest} covers the
 * map (1.1.x) and boost forms. Fuzz longer as docs/reliability.md says.
 */
class StorageMarketV101FuzzTest {

  private record Codec<T>(Function<byte[], T> decode, Function<T, byte[]> encode) {
    boolean roundTrips(byte[] body) {
      T value;
      try {
        value = decode.apply(body);
      } catch (CborException expected) {
        return true;
      }
      return decode.apply(encode.apply(value)).equals(value);
    }
  }

  private static final List<Codec<?>> CODECS = List.of(
      new Codec<>(Proposal::decodeV101, Proposal::toCborV101),
      new Codec<>(SignedResponse::decodeV101, SignedResponse::toCborV101),
      new Codec<>(AskRequest::decodeV101, AskRequest::toCborV101),
      new Codec<>(AskResponse::decodeV101, AskResponse::toCborV101),
      new Codec<>(DealStatusRequest::decodeV101, DealStatusRequest::toCborV101),
      new Codec<>(DealStatusResponse::decodeV101, DealStatusResponse::toCborV101),
      new Codec<>(StorageAsk::decode, StorageAsk::toCbor));

  @FuzzTest(maxDuration = "10s")
  void legacyDecodersFailOnlyWithCborException(byte[] input) {
    if (input.length == 0) {
      return;
    }
    Codec<?> codec = CODECS.get((input[0] & 0xff) % CODECS.size());
    assertThat(codec.roundTrips(Arrays.copyOfRange(input, 1, input.length))).isTrue();
  }
}
