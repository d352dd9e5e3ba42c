package venus.market.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import venus.market.core.cbor.CborException;
import venus.market.core.cbor.CborReader;

class SignatureCborTest {

  @Test
  void encodesAsAByteStringOfTypeAndData() {
    Signature s = Signature.of(SigType.SECP256K1, new byte[65]);
    byte[] cbor = s.toCbor();
    assertThat(HexFormat.of().formatHex(cbor, 0, 3)).isEqualTo("584201");
    assertThat(cbor).hasSize(2 + 66);
    assertThat(CborReader.decode(cbor, Signature::readCbor)).isEqualTo(s);
    Signature bls = Signature.of(SigType.BLS, new byte[96]);
    assertThat(HexFormat.of().formatHex(bls.toCbor(), 0, 3)).isEqualTo("586102");
  }

  @Test
  void decodingRejectsBadSignaturesAsCborErrors() {
    for (String hex : new String[] {"40", "4100", "4104", "58c9" + "01".repeat(201), "01"}) {
      assertThatThrownBy(() -> CborReader.decode(HexFormat.of().parseHex(hex), Signature::readCbor)).as(hex)
          .isInstanceOf(CborException.class);
    }
  }
}
