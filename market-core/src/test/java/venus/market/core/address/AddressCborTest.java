package venus.market.core.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import venus.market.core.cbor.CborException;
import venus.market.core.cbor.CborReader;

class AddressCborTest {

  private static final HexFormat HEX = HexFormat.of();

  @Test
  void encodesAsAByteStringOfTheByteForm() {
    // Zondax txs.json: To t01002 is "43 00 ea 07", From t1d2xr… is "55 01 1eaf…7116".
    assertThat(HEX.formatHex(Address.parse("t01002").toCbor())).isEqualTo("4300ea07");
    Address secp = Address.parse("t1d2xrzcslx7xlbbylc5c3d5lvandqw4iwl6epxba");
    assertThat(HEX.formatHex(secp.toCbor())).isEqualTo("55011eaf1c8a4bbfeeb0870b1745b1f57503470b7116");
    assertThat(CborReader.decode(secp.toCbor(), Address::readCbor)).isEqualTo(secp);
  }

  @Test
  void decodingRejectsBadAddressesAsCborErrors() {
    for (String hex : new String[] {"40", "4100", "420080", "4105", "5841" + "04".repeat(65), "00", "6130"}) {
      assertThatThrownBy(() -> CborReader.decode(HEX.parseHex(hex), Address::readCbor)).as(hex)
          .isInstanceOf(CborException.class);
    }
  }
}
