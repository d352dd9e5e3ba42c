package venus.market.p2p.noise;

import java.security.SecureRandom;
import org.bouncycastle.math.ec.rfc7748.X25519;

/** Raw 32-byte X25519 keys (the Noise static and ephemeral keys; never the libp2p identity key). */
public final class X25519Keys {

  public static final int KEY_LENGTH = 32;
  private static final SecureRandom RANDOM = new SecureRandom();

  private X25519Keys() {}

  public static byte[] generatePrivate() {
    byte[] k = new byte[KEY_LENGTH];
    RANDOM.nextBytes(k);
    return k;
  }

  public static byte[] publicKey(byte[] privateKey) {
    byte[] pub = new byte[KEY_LENGTH];
    X25519.generatePublicKey(privateKey, 0, pub, 0);
    return pub;
  }

  /** Diffie-Hellman; a peer that sends a low-order point (all-zero shared secret) is refused. */
  static byte[] dh(byte[] privateKey, byte[] publicKey) {
    byte[] out = new byte[KEY_LENGTH];
    if (!X25519.calculateAgreement(privateKey, 0, publicKey, 0, out, 0)) {
      throw new NoiseException("peer sent a low-order X25519 public key (all-zero shared secret)");
    }
    return out;
  }
}
