package venus.market.core.multiformats;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;

/**
 * Hostile CID bytes and strings must only ever produce a MultiformatsException; accepted binary CIDs are canonical
 * (re-encoding gives the input back) and survive a trip through their string form.
 */
class CidFuzzTest {

  @FuzzTest(maxDuration = "10s")
  void binaryCidsRoundTripOrFailWithMultiformatsException(byte[] input) {
    Cid cid;
    try {
      cid = Cid.decode(input);
    } catch (MultiformatsException expected) {
      return;
    }
    if (!Arrays.equals(cid.bytes(), input)) {
      throw new AssertionError("accepted a non-canonical binary CID");
    }
    String text = cid.toString();
    // strings longer than the parser's DoS limit are refused by design
    if (text.length() <= Cid.MAX_STRING_LENGTH && !Cid.parse(text).equals(cid)) {
      throw new AssertionError("string form does not parse back: " + cid);
    }
  }

  @FuzzTest(maxDuration = "10s")
  void cidStringsFailOnlyWithMultiformatsException(byte[] input) {
    String text = new String(input, ISO_8859_1);
    try {
      Cid cid = Cid.parse(text);
      if (!Cid.parse(cid.toString()).equals(cid)) {
        throw new AssertionError("string form does not parse back: " + cid);
      }
    } catch (MultiformatsException expected) {
      // the only allowed failure
    }
  }
}
