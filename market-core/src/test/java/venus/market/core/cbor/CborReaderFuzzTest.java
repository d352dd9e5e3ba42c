package venus.market.core.cbor;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Hostile bytes must only ever produce a CborException, and anything accepted must be canonical: re-encoding the
 * decoded value reproduces the input exactly. In a normal build this replays the committed corpus
 * (CborReaderFuzzTestInputs/); how to fuzz for real is in market-core/README.md (cbor section).
 */
class CborReaderFuzzTest {

  @FuzzTest(maxDuration = "10s")
  void decodesOnlyCanonicalInputAndFailsOnlyWithCborException(byte[] input) {
    byte[] reencoded;
    try {
      reencoded = CborCopy.roundTrip(input);
    } catch (CborException expected) {
      return;
    }
    assertThat(reencoded).isEqualTo(input);
  }
}
