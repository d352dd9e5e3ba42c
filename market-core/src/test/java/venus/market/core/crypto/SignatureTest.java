package venus.market.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SignatureTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void byteFormPrependsTheTypeByte() {
    Signature s = Signature.of(SigType.BLS, new byte[] {9, 8});
    assertThat(s.toBytes()).containsExactly(2, 9, 8);
    assertThat(Signature.fromBytes(s.toBytes())).isEqualTo(s);
    assertThat(Signature.fromBytes(new byte[] {1})).isEqualTo(Signature.of(SigType.SECP256K1, new byte[0]));
    assertThat(Signature.fromBytes(new byte[] {3, 1}).type()).isEqualTo(SigType.DELEGATED);
  }

  @Test
  void jsonFormMatchesLotus() throws Exception {
    JsonNode v = CryptoVectors.load("signed_message.json").get("tx").get("Signature");
    Signature s = Signature.fromJson(v);
    assertThat(s.type()).isEqualTo(SigType.SECP256K1);
    assertThat(s.dataLength()).isEqualTo(65);
    assertThat(s.toJson()).isEqualTo(JSON.readTree("{\"Type\":1,\"Data\":\"" + v.get("Data").asText() + "\"}"));
    assertThat(JSON.writeValueAsString(Signature.of(SigType.BLS, new byte[] {1, 2, 3}).toJson()))
        .isEqualTo("{\"Type\":2,\"Data\":\"" + Base64.getEncoder().encodeToString(new byte[] {1, 2, 3}) + "\"}");
    assertThat(Signature.fromJson(JSON.readTree("{\"Type\":2,\"Data\":null}")).dataLength()).isZero();
  }

  @Test
  void dataIsCopiedInAndOut() {
    byte[] data = {1, 2};
    Signature s = Signature.of(SigType.SECP256K1, data);
    data[0] = 7;
    s.data()[1] = 7;
    assertThat(s.data()).containsExactly(1, 2);
    assertThat(s.hashCode()).isEqualTo(Signature.of(SigType.SECP256K1, new byte[] {1, 2}).hashCode());
    assertThat(s.toString()).contains("secp256k1", "0102");
  }

  @Test
  void rejectsBadInput() throws Exception {
    assertThatThrownBy(() -> Signature.fromBytes(new byte[0])).isInstanceOf(CryptoException.class)
        .hasMessageContaining("length 0");
    assertThatThrownBy(() -> Signature.fromBytes(new byte[] {0, 1})).isInstanceOf(CryptoException.class)
        .hasMessageContaining("unknown signature type 0");
    assertThatThrownBy(() -> Signature.fromBytes(new byte[] {4})).isInstanceOf(CryptoException.class);
    assertThatThrownBy(() -> Signature.fromBytes(new byte[201])).isInstanceOf(CryptoException.class);
    assertThatThrownBy(() -> Signature.of(SigType.BLS, new byte[200])).isInstanceOf(CryptoException.class);
    assertThatThrownBy(() -> Signature.of(null, new byte[1])).isInstanceOf(CryptoException.class);
    for (String bad : new String[] {"[]", "{\"Data\":\"AA==\"}", "{\"Type\":\"1\",\"Data\":\"AA==\"}",
        "{\"Type\":1,\"Data\":\"%%\"}", "{\"Type\":1,\"Data\":5}", "{\"Type\":9,\"Data\":\"AA==\"}",
        "{\"Type\":1.5,\"Data\":\"AA==\"}"}) {
      JsonNode node = JSON.readTree(bad);
      assertThatThrownBy(() -> Signature.fromJson(node)).as(bad).isInstanceOf(CryptoException.class);
    }
    assertThatThrownBy(() -> SigType.fromKeyType("secp256k1-ledger")).isInstanceOf(CryptoException.class);
  }
}
