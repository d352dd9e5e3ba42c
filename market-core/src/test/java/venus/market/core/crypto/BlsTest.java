package venus.market.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static venus.market.core.crypto.CryptoVectors.hex;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlsTest {

  private static byte[] reversed(byte[] b) {
    byte[] out = new byte[b.length];
    for (int i = 0; i < b.length; i++) {
      out[i] = b[b.length - 1 - i];
    }
    return out;
  }

  @Test
  void matchesNobleCurvesKnownAnswer() {
    byte[] sk = reversed(hex("263dbd792f5b1be47ed85f8938c0f29586af0d3ac7b977f21c278fe1462040e3"));
    byte[] msg = "filecoin storage market deal proposal".getBytes(StandardCharsets.UTF_8);
    byte[] pk = Bls.publicKey(sk);
    assertThat(hex(pk)).isEqualTo(
        "a491d1b0ecd9bb917989f0e74f0dea0422eac4a873e5e2644f368dffb9a6e20fd6e10c1b77654d067c0618f6e5a7f79a");
    byte[] sig = Bls.sign(sk, msg);
    assertThat(hex(sig)).isEqualTo(
        "833ce3d0d497a2fe9dbecf649eab656f36d557418b1403b374cdc7dbed86d6186f093f958c719f7f90436f952b720a56"
            + "11cf2d61591c797cf4a15eba28a68ef2ecb62880102ddeca19cabc338c9512e2e11fdbd6659f509121e8f8b3f528cb10");
    assertThat(Bls.verify(pk, msg, sig)).isTrue();
    assertThat(Bls.verify(pk, "other".getBytes(StandardCharsets.UTF_8), sig)).isFalse();
  }

  @Test
  void reproducesSerializationVectorsMessageSignatures() {
    for (JsonNode v : CryptoVectors.load("message_signing.json")) {
      byte[] sk = Base64.getDecoder().decode(v.get("PrivateKey").asText());
      byte[] cid = hex(v.get("CidHexBytes").asText());
      assertThat(v.get("Signature").get("Type").asInt()).isEqualTo(SigType.BLS.code());
      byte[] expected = Base64.getDecoder().decode(v.get("Signature").get("Data").asText());
      assertThat(hex(Bls.sign(sk, cid))).isEqualTo(hex(expected));
      assertThat(Bls.verify(Bls.publicKey(sk), cid, expected)).isTrue();
    }
  }

  @Test
  void reproducesZondaxGeneratedCases() {
    // All cases sign the same message as txs.json[0] except for From, the signer's t3 address (M2 of 49 bytes).
    String template = CryptoVectors.load("txs.json").get(0).get("cbor").asText();
    String fromSecp = "55011eaf1c8a4bbfeeb0870b1745b1f57503470b7116";
    assertThat(template).contains(fromSecp);
    for (JsonNode c : CryptoVectors.load("bls_generated_test_cases.json")) {
      byte[] sk = hex(c.get("sk").asText());
      byte[] pk = Bls.publicKey(sk);
      assertThat(hex(pk)).isEqualTo(c.get("pk").asText());
      byte[] cid = CryptoVectors.messageCid(hex(template.replace(fromSecp, "583103" + hex(pk))));
      byte[] sig = Bls.sign(sk, cid);
      assertThat(hex(sig)).isEqualTo(c.get("sig").asText());
      assertThat(Bls.verify(pk, cid, sig)).isTrue();
    }
  }

  @Test
  void reproducesZondaxWalletSignature() {
    JsonNode wallet = CryptoVectors.load("bls_wallet.json");
    JsonNode signed = CryptoVectors.load("bls_signature.json");
    byte[] sk = Base64.getDecoder().decode(wallet.get("bls_private_key").asText());
    assertThat(hex(Bls.publicKey(sk))).isEqualTo(wallet.get("bls_public_key").asText());
    byte[] cid = CryptoVectors.messageCid(hex(signed.get("cbor").asText()));
    assertThat(hex(Bls.sign(sk, cid))).isEqualTo(signed.get("sig").asText());
  }

  @Test
  void aggregateVerifiesDistinctMessagesOnly() {
    SecureRandom random = new SecureRandom(new byte[] {2});
    List<byte[]> pks = new ArrayList<>();
    List<byte[]> msgs = new ArrayList<>();
    List<byte[]> sigs = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      byte[] sk = Bls.generatePrivateKey(random);
      byte[] msg = ("deal " + i).getBytes(StandardCharsets.UTF_8);
      pks.add(Bls.publicKey(sk));
      msgs.add(msg);
      sigs.add(Bls.sign(sk, msg));
    }
    byte[] agg = Bls.aggregate(sigs);
    assertThat(Bls.aggregateVerify(pks, msgs, agg)).isTrue();
    assertThat(Bls.aggregateVerify(pks.subList(0, 3), msgs.subList(0, 3), agg)).isFalse();
    List<byte[]> swapped = new ArrayList<>(msgs);
    swapped.set(0, msgs.get(1));
    swapped.set(1, msgs.get(0));
    assertThat(Bls.aggregateVerify(pks, swapped, agg)).isFalse();
    List<byte[]> repeated = new ArrayList<>(msgs);
    repeated.set(1, msgs.get(0));
    assertThat(Bls.aggregateVerify(pks, repeated, agg)).isFalse();
    assertThat(Bls.aggregateVerify(pks, msgs, new byte[96])).isFalse();
    assertThat(Bls.aggregateVerify(List.of(), List.of(), agg)).isFalse();
  }

  @Test
  void rejectsMalformedKeysAndSignatures() {
    byte[] sk = Bls.generatePrivateKey(new SecureRandom(new byte[] {3}));
    byte[] pk = Bls.publicKey(sk);
    byte[] msg = {1};
    byte[] sig = Bls.sign(sk, msg);
    assertThatThrownBy(() -> Bls.publicKey(new byte[32])).isInstanceOf(CryptoException.class);
    assertThatThrownBy(() -> Bls.publicKey(new byte[31])).isInstanceOf(CryptoException.class);
    byte[] tooBig = new byte[32];
    java.util.Arrays.fill(tooBig, (byte) 0xff);
    assertThatThrownBy(() -> Bls.sign(tooBig, msg)).isInstanceOf(CryptoException.class)
        .hasMessageContaining("little-endian");
    assertThatThrownBy(() -> Bls.requireValidPublicKey(new byte[48])).isInstanceOf(CryptoException.class);
    assertThatThrownBy(() -> Bls.requireValidPublicKey(new byte[47])).isInstanceOf(CryptoException.class);
    assertThatThrownBy(() -> Bls.aggregate(List.of())).isInstanceOf(CryptoException.class);
    assertThatThrownBy(() -> Bls.aggregate(List.of(new byte[95]))).isInstanceOf(CryptoException.class);
    assertThat(Bls.verify(new byte[48], msg, sig)).isFalse();
    assertThat(Bls.verify(pk, msg, new byte[96])).isFalse();
    assertThat(Bls.verify(pk, msg, java.util.Arrays.copyOf(sig, 95))).isFalse();
    byte[] corrupt = sig.clone();
    corrupt[5] ^= 0x40;
    assertThat(Bls.verify(pk, msg, corrupt)).isFalse();
  }
}
