package venus.market.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static venus.market.core.crypto.CryptoVectors.hex;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.util.BigIntegers;
import org.junit.jupiter.api.Test;

class Secp256k1Test {

  private static final BigInteger N =
      new BigInteger("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", 16);

  /** Zondax signed_message.json: the key, and the CBOR of its message from txs.json (same fields). */
  private static final JsonNode SIGNED = CryptoVectors.load("signed_message.json");
  private static final byte[] KEY = Base64.getDecoder().decode(SIGNED.get("pk").asText());
  private static final String MESSAGE_CBOR = CryptoVectors.load("txs.json").get(0).get("cbor").asText();

  @Test
  void reproducesZondaxSignatureByteForByte() {
    byte[] cid = CryptoVectors.messageCid(hex(MESSAGE_CBOR));
    byte[] expected = Base64.getDecoder().decode(SIGNED.get("tx").get("Signature").get("Data").asText());
    assertThat(SIGNED.get("tx").get("Message").get("GasLimit").asLong()).isEqualTo(25000);
    assertThat(hex(Secp256k1.sign(KEY, cid))).isEqualTo(hex(expected));
    assertThat(Secp256k1.recover(cid, expected)).isEqualTo(Secp256k1.publicKey(KEY));
    assertThat(Secp256k1.verify(Secp256k1.publicKey(KEY), cid, expected)).isTrue();
  }

  @Test
  void reproducesZondaxGetCidSignature() {
    // get_cid.json signs the same message with GasLimit 2500000 instead of 25000: only that integer's CBOR differs.
    JsonNode v = CryptoVectors.load("get_cid.json").get("signed_message");
    assertThat(v.get("Message").get("GasLimit").asLong()).isEqualTo(2_500_000);
    String cbor = MESSAGE_CBOR.replace("1961a8", "1a002625a0");
    byte[] expected = Base64.getDecoder().decode(v.get("Signature").get("Data").asText());
    assertThat(hex(Secp256k1.sign(KEY, CryptoVectors.messageCid(hex(cbor))))).isEqualTo(hex(expected));
  }

  @Test
  void signaturesAreLowSAndRecoverForRandomKeys() {
    SecureRandom random = new SecureRandom(new byte[] {1});
    for (int i = 0; i < 8; i++) {
      byte[] key = Secp256k1.generatePrivateKey(random);
      byte[] msg = ("message " + i).getBytes(StandardCharsets.UTF_8);
      byte[] sig = Secp256k1.sign(key, msg);
      assertThat(sig).hasSize(65);
      assertThat(new BigInteger(1, Arrays.copyOfRange(sig, 32, 64))).isLessThanOrEqualTo(N.shiftRight(1));
      assertThat(sig[64]).isBetween((byte) 0, (byte) 3);
      assertThat(Secp256k1.recover(msg, sig)).isEqualTo(Secp256k1.publicKey(key));
      assertThat(Secp256k1.verify(Secp256k1.compress(Secp256k1.publicKey(key)), msg, sig)).isTrue();
      assertThat(Secp256k1.verify(Secp256k1.publicKey(key), "other".getBytes(StandardCharsets.UTF_8), sig)).isFalse();
    }
  }

  @Test
  void agreesWithBouncyCastleEcdsaSigner() {
    X9ECParameters curve = CustomNamedCurves.getByName("secp256k1");
    ECDomainParameters domain = new ECDomainParameters(
        curve.getCurve(), curve.getG(), curve.getN(), curve.getH());
    SecureRandom random = new SecureRandom(new byte[] {5});
    for (int i = 0; i < 8; i++) {
      byte[] key = Secp256k1.generatePrivateKey(random);
      byte[] digest = Blake2b.sum256(new byte[] {(byte) i});
      ECDSASigner signer = new ECDSASigner(
          new HMacDSAKCalculator(new SHA256Digest()));
      signer.init(true, new ECPrivateKeyParameters(new BigInteger(1, key), domain));
      BigInteger[] rs = signer.generateSignature(digest);
      BigInteger s = rs[1].compareTo(N.shiftRight(1)) > 0 ? N.subtract(rs[1]) : rs[1];
      byte[] ours = Secp256k1.signDigest(key, digest);
      assertThat(new BigInteger(1, Arrays.copyOfRange(ours, 0, 32))).isEqualTo(rs[0]);
      assertThat(new BigInteger(1, Arrays.copyOfRange(ours, 32, 64))).isEqualTo(s);
      assertThat(Secp256k1.recoverFromDigest(digest, ours)).isEqualTo(Secp256k1.publicKey(key));
    }
  }

  @Test
  void compressAndDecompressRoundTrip() {
    byte[] pub = Secp256k1.publicKey(KEY);
    byte[] compressed = Secp256k1.compress(pub);
    assertThat(compressed).hasSize(33);
    assertThat(Secp256k1.decompress(compressed)).isEqualTo(pub);
  }

  @Test
  void rejectsHighSWrongLengthAndBadRecoveryId() {
    byte[] msg = {1, 2, 3};
    byte[] sig = Secp256k1.sign(KEY, msg);
    byte[] high = sig.clone();
    BigInteger s = new BigInteger(1, Arrays.copyOfRange(sig, 32, 64));
    System.arraycopy(BigIntegers.asUnsignedByteArray(32, N.subtract(s)), 0, high, 32, 32);
    high[64] ^= 1;
    assertThatThrownBy(() -> Secp256k1.recover(msg, high)).isInstanceOf(CryptoException.class)
        .hasMessageContaining("high S");
    assertThat(Secp256k1.verify(Secp256k1.publicKey(KEY), msg, high)).isFalse();

    assertThatThrownBy(() -> Secp256k1.recover(msg, new byte[64])).isInstanceOf(CryptoException.class);
    byte[] badV = sig.clone();
    badV[64] = 27;
    assertThatThrownBy(() -> Secp256k1.recover(msg, badV)).isInstanceOf(CryptoException.class)
        .hasMessageContaining("0..3");
    assertThatThrownBy(() -> Secp256k1.recover(msg, new byte[65])).isInstanceOf(CryptoException.class);
    byte[] flipped = sig.clone();
    flipped[64] ^= 1;
    assertThat(Secp256k1.verify(Secp256k1.publicKey(KEY), msg, flipped)).isFalse();
  }

  @Test
  void rejectsBadKeys() {
    assertThatThrownBy(() -> Secp256k1.publicKey(new byte[31])).isInstanceOf(CryptoException.class);
    assertThatThrownBy(() -> Secp256k1.publicKey(new byte[32])).isInstanceOf(CryptoException.class);
    byte[] order = BigIntegers.asUnsignedByteArray(32, N);
    assertThatThrownBy(() -> Secp256k1.sign(order, new byte[1])).isInstanceOf(CryptoException.class);
    assertThatThrownBy(() -> Secp256k1.signDigest(KEY, new byte[31])).isInstanceOf(CryptoException.class);
    byte[] offCurve = new byte[65];
    offCurve[0] = 4;
    offCurve[64] = 1;
    assertThatThrownBy(() -> Secp256k1.decompress(offCurve)).isInstanceOf(CryptoException.class);
    assertThatThrownBy(() -> Secp256k1.decompress(new byte[33])).isInstanceOf(CryptoException.class);
    assertThatThrownBy(() -> Secp256k1.decompress(new byte[0])).isInstanceOf(CryptoException.class);
    assertThat(Secp256k1.verify(offCurve, new byte[1], Secp256k1.sign(KEY, new byte[1]))).isFalse();
  }
}
