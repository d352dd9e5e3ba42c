package venus.market.core.amount;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenAmountTest {

  private static List<String[]> shortVectors() throws IOException {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        TokenAmountTest.class.getResourceAsStream("/vectors/amount/lotus-fil-short.csv"), StandardCharsets.UTF_8))) {
      return r.lines().filter(l -> !l.startsWith("#") && !l.startsWith("input,")).map(l -> l.split(",", 2)).toList();
    }
  }

  @Test
  void shortFormMatchesLotusFilTest() throws IOException {
    List<String[]> vectors = shortVectors();
    assertThat(vectors).hasSize(74);
    for (String[] v : vectors) {
      assertThat(TokenAmount.parse(v[0]).toShortString()).as(v[0]).isEqualTo(v[1]);
    }
  }

  @Test
  void parsesWhatLotusParseFilAccepts() {
    assertThat(TokenAmount.parse("0.02fil").atto()).isEqualTo(new BigInteger("20000000000000000"));
    assertThat(TokenAmount.parse("0.02 FIL")).isEqualTo(TokenAmount.parse("0.02fil"));
    assertThat(TokenAmount.parse("0.02 Fil ")).isEqualTo(TokenAmount.parse("0.02fil"));
    assertThat(TokenAmount.parse("100afil")).isEqualTo(TokenAmount.ofAtto(100));
    assertThat(TokenAmount.parse("100 attoFIL")).isEqualTo(TokenAmount.ofAtto(100));
    assertThat(TokenAmount.parse("5")).isEqualTo(TokenAmount.ofFil(5));
    assertThat(TokenAmount.parse("5 ")).isEqualTo(TokenAmount.ofFil(5));
    assertThat(TokenAmount.parse("1.")).isEqualTo(TokenAmount.ofFil(1));
    assertThat(TokenAmount.parse(".5")).isEqualTo(TokenAmount.parse("0.5"));
    assertThat(TokenAmount.parse("-1.5").atto()).isEqualTo(new BigInteger("-1500000000000000000"));
    assertThat(TokenAmount.parse("0.000000000000000001")).isEqualTo(TokenAmount.ofAtto(1));
    assertThat(TokenAmount.parse("100fil")).isEqualTo(TokenAmount.ofFil(100));
  }

  @Test
  void rejectsWhatLotusRejects() {
    assertBad("1.5mfil", "unrecognized suffix");
    assertBad("1.5 afil", "invalid attoFIL value");
    assertBad("0.0000000000000000001", "invalid FIL value");
    assertBad("fil", "failed to parse");
    assertBad("", "failed to parse");
    assertBad(" 5", "unrecognized suffix");
    assertBad("1e3", "unrecognized suffix");
    assertBad("0x10", "unrecognized suffix");
    assertBad("--1", "failed to parse");
    assertBad("1.2.3", "failed to parse");
    assertBad(".", "failed to parse");
    assertBad("1-2", "failed to parse");
    assertBad("1".repeat(51), "string length too large");
    assertBad("5 fil fil", "unrecognized suffix");
  }

  private static void assertBad(String input, String message) {
    assertThatThrownBy(() -> TokenAmount.parse(input)).as(input).isInstanceOf(AmountException.class)
        .hasMessageContaining(message);
  }

  @Test
  void printsLikeFilString() {
    assertThat(TokenAmount.parse("0.02").toString()).isEqualTo("0.02 FIL");
    assertThat(TokenAmount.ZERO.toString()).isEqualTo("0 FIL");
    assertThat(TokenAmount.ofAtto(new BigInteger("9922122955257240")).toString())
        .isEqualTo("0.00992212295525724 FIL");
    assertThat(TokenAmount.parse("9499.999999856612207905").toString()).isEqualTo("9499.999999856612207905 FIL");
    assertThat(TokenAmount.ofFil(10).toString()).isEqualTo("10 FIL");
    assertThat(TokenAmount.ofFil(-10).unitless()).isEqualTo("-10");
    assertThat(TokenAmount.ofAtto(1).toString()).isEqualTo("0.000000000000000001 FIL");
    assertThat(TokenAmount.ZERO.toShortString()).isEqualTo("0");
    assertThat(TokenAmount.ofFil(1_000_000).toShortString()).isEqualTo("1000000 FIL");
    assertThat(TokenAmount.parse("0.0000000015").toNanoString()).isEqualTo("1.5 nFIL");
    assertThat(TokenAmount.ZERO.toNanoString()).isEqualTo("0");
    // FloatString(3) rounds halves away from zero.
    assertThat(TokenAmount.ofAtto(1_500_500).toShortString()).isEqualTo("1.501 pFIL");
    assertThat(TokenAmount.ofAtto(-1_500_500).toShortString()).isEqualTo("-1.501 pFIL");
  }

  @Test
  void arithmetic() {
    TokenAmount a = TokenAmount.ofAtto(7);
    TokenAmount b = TokenAmount.ofAtto(2);
    assertThat(a.add(b)).isEqualTo(TokenAmount.ofAtto(9));
    assertThat(a.subtract(b)).isEqualTo(TokenAmount.ofAtto(5));
    assertThat(b.subtract(a).isNegative()).isTrue();
    assertThat(a.multiply(3)).isEqualTo(TokenAmount.ofAtto(21));
    assertThat(a.multiply(BigInteger.TWO)).isEqualTo(TokenAmount.ofAtto(14));
    assertThat(a.divide(2)).isEqualTo(TokenAmount.ofAtto(3));
    assertThat(a.negate().divide(2)).isEqualTo(TokenAmount.ofAtto(-4));
    assertThat(a.negate().divide(-2)).isEqualTo(TokenAmount.ofAtto(4));
    assertThat(a.divide(-2)).isEqualTo(TokenAmount.ofAtto(-3));
    assertThatThrownBy(() -> a.divide(0)).isInstanceOf(AmountException.class);
    assertThat(a.negate().abs()).isEqualTo(a);
    assertThat(TokenAmount.min(a, b)).isEqualTo(b);
    assertThat(TokenAmount.max(a, b)).isEqualTo(a);
    assertThat(a.greaterThan(b)).isTrue();
    assertThat(a.lessThan(b)).isFalse();
    assertThat(TokenAmount.ZERO.isZero()).isTrue();
    assertThat(a.isPositive()).isTrue();
    assertThat(a.signum()).isEqualTo(1);
    assertThat(a.requireNonNegative("price")).isSameAs(a);
    assertThatThrownBy(() -> a.negate().requireNonNegative("price")).isInstanceOf(AmountException.class)
        .hasMessageContaining("price");
    assertThatThrownBy(() -> new TokenAmount(null)).isInstanceOf(AmountException.class);
  }

  @Test
  void parsesAttoIntegers() {
    assertThat(TokenAmount.parseAtto("1000")).isEqualTo(TokenAmount.ofAtto(1000));
    assertThat(TokenAmount.parseAtto("-5")).isEqualTo(TokenAmount.ofAtto(-5));
    for (String bad : new String[] {"", "1.0", "+5", "1e3", " 1", "1".repeat(101)}) {
      assertThatThrownBy(() -> TokenAmount.parseAtto(bad)).as(bad).isInstanceOf(AmountException.class);
    }
  }
}
