package venus.market.p2p.noise;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/** Noise SymmetricState with SHA-256: chaining key, handshake hash and the handshake CipherState. */
final class SymmetricState {

  static final int HASH_LENGTH = 32;

  private byte[] ck;
  private byte[] h;
  private final CipherState cipher = new CipherState();

  SymmetricState(String protocolName) {
    byte[] name = protocolName.getBytes(StandardCharsets.US_ASCII);
    if (name.length <= HASH_LENGTH) {
      h = Arrays.copyOf(name, HASH_LENGTH);
    } else {
      h = sha256(name);
    }
    ck = h.clone();
  }

  void mixKey(byte[] ikm) {
    byte[][] out = hkdf(ck, ikm);
    ck = out[0];
    cipher.initializeKey(out[1]);
  }

  void mixHash(byte[] data) {
    MessageDigest d = newSha256();
    d.update(h);
    d.update(data);
    h = d.digest();
  }

  byte[] encryptAndHash(byte[] plaintext) {
    byte[] c = cipher.encryptWithAd(h, plaintext);
    mixHash(c);
    return c;
  }

  byte[] decryptAndHash(byte[] ciphertext) {
    byte[] p = cipher.decryptWithAd(h, ciphertext);
    mixHash(ciphertext);
    return p;
  }

  boolean hasKey() {
    return cipher.hasKey();
  }

  byte[] handshakeHash() {
    return h.clone();
  }

  /** Returns the two transport CipherStates: [initiator→responder, responder→initiator]. */
  CipherState[] split() {
    byte[][] out = hkdf(ck, new byte[0]);
    return new CipherState[] {new CipherState(out[0]), new CipherState(out[1])};
  }

  static byte[][] hkdf(byte[] chainingKey, byte[] ikm) {
    byte[] temp = hmac(chainingKey, ikm);
    byte[] out1 = hmac(temp, new byte[] {1});
    byte[] in2 = Arrays.copyOf(out1, HASH_LENGTH + 1);
    in2[HASH_LENGTH] = 2;
    byte[] out2 = hmac(temp, in2);
    return new byte[][] {out1, out2};
  }

  private static byte[] hmac(byte[] key, byte[] data) {
    HMac mac = new HMac(new SHA256Digest());
    mac.init(new KeyParameter(key));
    mac.update(data, 0, data.length);
    byte[] out = new byte[HASH_LENGTH];
    mac.doFinal(out, 0);
    return out;
  }

  private static byte[] sha256(byte[] data) {
    return newSha256().digest(data);
  }

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
