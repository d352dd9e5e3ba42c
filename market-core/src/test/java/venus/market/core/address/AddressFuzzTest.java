package venus.market.core.address;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Hostile address bytes and strings must only ever produce an AddressException, and anything accepted must round
 * trip through both forms. In a normal build this replays AddressFuzzTestInputs/; fuzz with {@code JAZZER_FUZZ=1
 * JAZZER_INSTRUMENTATION_INCLUDES='venus.market.core.**' mvn -pl market-core test -Dtest=AddressFuzzTest
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class AddressFuzzTest {

  @FuzzTest(maxDuration = "10s")
  void bytesParseOrFailWithAddressException(byte[] input) {
    Address a;
    try {
      a = Address.fromBytes(input);
    } catch (AddressException expected) {
      return;
    }
    assertThat(a.bytes()).isEqualTo(input);
    assertThat(Address.parse(a.toString(Network.MAINNET))).isEqualTo(a);
  }

  @FuzzTest(maxDuration = "10s")
  void stringsParseOrFailWithAddressException(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    Address a;
    try {
      a = Address.parse(text);
    } catch (AddressException expected) {
      return;
    }
    assertThat(Address.fromBytes(a.bytes())).isEqualTo(a);
    assertThat(Address.parse(a.toString(Network.fromPrefix(text.charAt(0))))).isEqualTo(a);
  }
}
