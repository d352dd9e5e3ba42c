package venus.market.core.amount;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import venus.market.core.cbor.CborException;
import venus.market.core.cbor.CborReader;

class TokenAmountCborTest {

  @Test
  void encodesAsFilecoinBigInt() {
    // wire.md §0.1: 1000 → 43 00 03 e8; zero is the empty byte string; 100000 as in the Zondax message CBOR.
    assertThat(HexFormat.of().formatHex(TokenAmount.ofAtto(1000).toCbor())).isEqualTo("430003e8");
    assertThat(HexFormat.of().formatHex(TokenAmount.ZERO.toCbor())).isEqualTo("40");
    assertThat(HexFormat.of().formatHex(TokenAmount.ofAtto(100000).toCbor())).isEqualTo("44000186a0");
    assertThat(HexFormat.of().formatHex(TokenAmount.ofAtto(-1).toCbor())).isEqualTo("420101");
    TokenAmount big = TokenAmount.parse("123456789.123456789");
    assertThat(CborReader.decode(big.toCbor(), TokenAmount::readCbor)).isEqualTo(big);
  }

  @Test
  void rejectsNonCanonicalBigInts() {
    for (String hex : new String[] {"4100", "43000001", "4102", "00"}) {
      assertThatThrownBy(() -> CborReader.decode(HexFormat.of().parseHex(hex), TokenAmount::readCbor)).as(hex)
          .isInstanceOf(CborException.class);
    }
  }
}
