package venus.market.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class KeyInfoTest {

  private static final byte[] SECP_KEY =
      Base64.getDecoder().decode("8VcW07ADswS4BV2cxi5rnIadVsyTDDhY1NfDH19T8Uo=");

  @Test
  void exportsTheLotusHexOfJson() {
    KeyInfo ki = KeyInfo.of(SigType.SECP256K1, SECP_KEY);
    String json = "{\"Type\":\"secp256k1\",\"PrivateKey\":\"8VcW07ADswS4BV2cxi5rnIadVsyTDDhY1NfDH19T8Uo=\"}";
    assertThat(ki.toJson()).isEqualTo(json);
    assertThat(ki.exportHex()).isEqualTo(HexFormat.of().formatHex(json.getBytes(StandardCharsets.UTF_8)));
    assertThat(ki.exportHex()).startsWith("7b2254797065223a22736563703235366b31222c");
    assertThat(KeyInfo.importHex(ki.exportHex() + "\n")).isEqualTo(ki);
  }

  @Test
  void importsBlsAndToleratesGoJsonLeniency() {
    byte[] bls = Base64.getDecoder().decode("P2pSgkvsZSgi0LOczuHmSXT1+l/hvSs3fVBb4y8OgVo=");
    String json = "{ \"privatekey\": \"P2pSgkvsZSgi0LOczuHmSXT1+l/hvSs3fVBb4y8OgVo=\", \"type\": \"bls\", \"x\": 1 }";
    KeyInfo ki = KeyInfo.fromJson(json);
    assertThat(ki.type()).isEqualTo(SigType.BLS);
    assertThat(ki.privateKey()).isEqualTo(bls);
    String hex = HexFormat.of().withUpperCase().formatHex(json.getBytes(StandardCharsets.UTF_8));
    assertThat(KeyInfo.importHex(hex)).isEqualTo(ki);
  }

  @Test
  void neverPrintsTheKey() {
    KeyInfo ki = KeyInfo.of(SigType.SECP256K1, SECP_KEY);
    assertThat(ki.toString()).doesNotContain("8VcW").contains("redacted");
  }

  @Test
  void rejectsBadInput() {
    String[] badJson = {"", "[]", "{\"Type\":\"bls\"}", "{\"PrivateKey\":\"AA==\"}",
        "{\"Type\":\"rsa\",\"PrivateKey\":\"8VcW07ADswS4BV2cxi5rnIadVsyTDDhY1NfDH19T8Uo=\"}",
        "{\"Type\":\"bls\",\"PrivateKey\":\"AAAA\"}", "{\"Type\":\"bls\",\"PrivateKey\":\"!!\"}",
        "{\"Type\":2,\"PrivateKey\":\"AA==\"}", "{\"Type\":\"bls\",\"PrivateKey\":", "null",
        "{\"Type\":\"bls\",\"PrivateKey\":\"P2pSgkvsZSgi0LOczuHmSXT1+l/hvSs3fVBb4y8OgVo=\"} {}"};
    for (String s : badJson) {
      assertThatThrownBy(() -> KeyInfo.fromJson(s)).as(s).isInstanceOf(CryptoException.class);
    }
    assertThatThrownBy(() -> KeyInfo.importHex("7b2")).isInstanceOf(CryptoException.class);
    assertThatThrownBy(() -> KeyInfo.importHex("zz")).isInstanceOf(CryptoException.class);
    assertThatThrownBy(() -> KeyInfo.importHex("7b".repeat(5000))).isInstanceOf(CryptoException.class);
    assertThatThrownBy(() -> KeyInfo.of(SigType.BLS, new byte[31])).isInstanceOf(CryptoException.class);
  }
}
