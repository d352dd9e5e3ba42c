package venus.market.core.bitfield;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;

/**
 * Hostile RLE+ bytes must only ever produce a BitfieldException, and whatever is accepted must be the minimal
 * encoding: re-encoding the decoded set gives the input back.
 */
class RlePlusFuzzTest {

  @FuzzTest(maxDuration = "10s")
  void decodesOnlyMinimalEncodingsAndFailsOnlyWithBitfieldException(byte[] input) {
    BitField set;
    try {
      set = RlePlus.decode(input);
    } catch (BitfieldException expected) {
      return;
    }
    byte[] again = set.toRlePlus();
    if (!Arrays.equals(again, input)) {
      throw new AssertionError("accepted a non-minimal encoding: " + java.util.HexFormat.of().formatHex(input)
          + " re-encodes as " + java.util.HexFormat.of().formatHex(again));
    }
  }
}
