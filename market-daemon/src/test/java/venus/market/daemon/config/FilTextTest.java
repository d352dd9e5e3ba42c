package venus.market.daemon.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class FilTextTest {
  @Test
  void parsesFilAndAttoFil() {
    assertThat(FilText.parseAtto("0 FIL")).contains(BigInteger.ZERO);
    assertThat(FilText.parseAtto("0.02fil")).contains(new BigInteger("20000000000000000"));
    assertThat(FilText.parseAtto("1")).contains(new BigInteger("1000000000000000000"));
    assertThat(FilText.parseAtto("500 attofil")).contains(BigInteger.valueOf(500));
  }

  @Test
  void rejectsBadAmounts() {
    assertThat(FilText.parseAtto("-1 FIL")).isEmpty();
    assertThat(FilText.parseAtto("abc")).isEmpty();
    assertThat(FilText.parseAtto("0.0000000000000000001")).isEmpty();
    assertThat(FilText.parseAtto("")).isEmpty();
  }

  @Test
  void formatsLikeLotus() {
    assertThat(FilText.format(BigInteger.ZERO)).isEqualTo("0 FIL");
    assertThat(FilText.format(new BigInteger("20000000000000000"))).isEqualTo("0.02 FIL");
    assertThat(FilText.format(new BigInteger("1500000000000000000"))).isEqualTo("1.5 FIL");
  }
}
