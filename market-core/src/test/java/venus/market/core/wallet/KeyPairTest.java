package venus.market.core.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import venus.market.core.address.Address;
import venus.market.core.address.Network;
import venus.market.core.crypto.CryptoException;
import venus.market.core.crypto.KeyInfo;
import venus.market.core.crypto.SigType;
import venus.market.core.crypto.Signature;

class KeyPairTest {

  private static JsonNode load(String name) {
    try (InputStream in = KeyPairTest.class.getResourceAsStream("/vectors/crypto/" + name)) {
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] b64(JsonNode n) {
    return Base64.getDecoder().decode(n.asText());
  }

  @Test
  void zondaxWalletKeysGiveTheirAddresses() {
    JsonNode w = load("wallet.json");
    KeyPair secp = KeyPair.fromKeyInfo(KeyInfo.of(SigType.SECP256K1, b64(w.get("private_key"))));
    assertThat(secp.address().toString(Network.MAINNET)).isEqualTo("f1d2xrzcslx7xlbbylc5c3d5lvandqw4iwl6epxba");
    KeyPair bls = KeyPair.fromKeyInfo(KeyInfo.of(SigType.BLS, b64(w.get("bls_private_key"))));
    assertThat(bls.address().toString(Network.TESTNET)).isEqualTo(w.get("bls_address").asText());
  }

  @Test
  void blsVectorKeysGiveTheSenderAddresses() {
    for (JsonNode v : load("message_signing.json")) {
      KeyPair k = BlsKeyPair.fromPrivateKey(b64(v.get("PrivateKey")));
      assertThat(k.address()).isEqualTo(Address.parse(v.get("Unsigned").get("From").asText()));
      byte[] cid = HexFormat.of().parseHex(v.get("CidHexBytes").asText());
      Signature sig = k.sign(cid);
      assertThat(sig).isEqualTo(Signature.fromJson(v.get("Signature")));
      assertThat(SignatureVerifier.verify(sig, k.address(), cid)).isTrue();
    }
    for (JsonNode c : load("bls_generated_test_cases.json")) {
      KeyPair k = BlsKeyPair.fromPrivateKey(HexFormat.of().parseHex(c.get("sk").asText()));
      assertThat(k.address()).isEqualTo(Address.parse(c.get("message").get("From").asText()));
    }
  }

  @Test
  void verifiesByAddressForBothTypes() {
    SecureRandom random = new SecureRandom(new byte[] {4});
    byte[] msg = "ask".getBytes(StandardCharsets.UTF_8);
    for (SigType type : new SigType[] {SigType.SECP256K1, SigType.BLS}) {
      KeyPair k = KeyPair.generate(type, random);
      KeyPair other = KeyPair.generate(type, random);
      Signature sig = k.sign(msg);
      assertThat(sig.type()).isEqualTo(type);
      assertThat(SignatureVerifier.verify(sig, k.address(), msg)).isTrue();
      assertThat(SignatureVerifier.verify(sig, other.address(), msg)).isFalse();
      assertThat(SignatureVerifier.verify(sig, k.address(), "bid".getBytes(StandardCharsets.UTF_8))).isFalse();
      assertThat(SignatureVerifier.verify(sig, Address.newId(1000), msg)).isFalse();
      assertThat(SignatureVerifier.verify(Signature.of(type, new byte[3]), k.address(), msg)).isFalse();
      SignatureVerifier.requireValid(sig, k.address(), msg);
      assertThatThrownBy(() -> SignatureVerifier.requireValid(sig, other.address(), msg))
          .isInstanceOf(CryptoException.class).hasMessageContaining(other.address().toString());
      KeyPair back = KeyPair.fromKeyInfo(KeyInfo.importHex(k.toKeyInfo().exportHex()));
      assertThat(back.address()).isEqualTo(k.address());
      assertThat(back.publicKey()).isEqualTo(k.publicKey());
      assertThat(k.toString()).contains(k.address().toString()).doesNotContain("privateKey");
    }
    Signature delegated = Signature.of(SigType.DELEGATED, new byte[65]);
    assertThat(SignatureVerifier.verify(delegated, Address.newId(1), msg)).isFalse();
  }

  @Test
  void delegatedKeysAreRefused() {
    assertThatThrownBy(() -> KeyPair.fromKeyInfo(KeyInfo.of(SigType.DELEGATED, new byte[32])))
        .isInstanceOf(CryptoException.class);
    assertThatThrownBy(() -> KeyPair.generate(SigType.DELEGATED, new SecureRandom()))
        .isInstanceOf(CryptoException.class);
    assertThatThrownBy(() -> Secp256k1KeyPair.fromPrivateKey(new byte[32])).isInstanceOf(CryptoException.class);
  }
}
