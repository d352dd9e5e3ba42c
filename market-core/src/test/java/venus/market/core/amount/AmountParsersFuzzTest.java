package venus.market.core.amount;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Operator-typed amounts, sizes and durations must parse or fail with an AmountException, nothing else; accepted
 * token amounts must survive printing and re-parsing. Replays AmountParsersFuzzTestInputs/ in a normal build.
 */
class AmountParsersFuzzTest {

  @FuzzTest(maxDuration = "10s")
  void parsersFailOnlyWithAmountException(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    try {
      TokenAmount a = TokenAmount.parse(text);
      assertThat(TokenAmount.parse(a.unitless())).isEqualTo(a);
      assertThat(a.toShortString()).isNotEmpty();
    } catch (AmountException expected) {
      // rejected input is fine
    }
    try {
      assertThat(ByteSizes.parse(text)).isNotNegative();
    } catch (AmountException expected) {
      // rejected input is fine
    }
    try {
      Durations.format(Durations.parse(text));
    } catch (AmountException expected) {
      // rejected input is fine
    }
  }
}
