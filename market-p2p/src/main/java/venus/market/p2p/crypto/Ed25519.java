package venus.market.p2p.crypto;

import java.security.SecureRandom;
import java.util.Arrays;

/** Ed25519 identity keys (RFC 8032, plain, no prehash), the libp2p default. */
public final class Ed25519 {

  public static final int KEY_LENGTH = 32;
  public static final int SIGNATURE_LENGTH = 64;
  private static final SecureRandom RANDOM = new SecureRandom();

  private Ed25519() {}

  public static PrivKey generate() {
    byte[] seed = new byte[KEY_LENGTH];
    RANDOM.nextBytes(seed);
    return fromSeed(seed);
  }

  public static PrivKey fromSeed(byte[] seed) {
    if (seed.length != KEY_LENGTH) {
      throw new KeyException("Ed25519 seed must be 32 bytes, got " + seed.length);
    }
    byte[] pub = new byte[KEY_LENGTH];
    org.bouncycastle.math.ec.rfc8032.Ed25519.generatePublicKey(seed, 0, pub, 0);
    return new Priv(seed.clone(), new Pub(pub));
  }

  /** Decodes the private {@code Data}: seed ‖ public key (64 bytes), as go-libp2p and js-libp2p store it. */
  static PrivKey privateKey(byte[] data) {
    if (data.length != 2 * KEY_LENGTH) {
      throw new KeyException("Ed25519 private key data must be 64 bytes (seed ‖ public key), got " + data.length);
    }
    PrivKey k = fromSeed(Arrays.copyOf(data, KEY_LENGTH));
    if (!Arrays.equals(k.publicKey().raw(), Arrays.copyOfRange(data, KEY_LENGTH, 2 * KEY_LENGTH))) {
      throw new KeyException("Ed25519 private key data: the stored public key does not match the seed");
    }
    return k;
  }

  static PubKey publicKey(byte[] data) {
    if (data.length != KEY_LENGTH) {
      throw new KeyException("Ed25519 public key must be 32 bytes, got " + data.length);
    }
    return new Pub(data.clone());
  }

  private record Pub(byte[] key) implements PubKey {
    @Override
    public KeyType type() {
      return KeyType.ED25519;
    }

    @Override
    public byte[] raw() {
      return key.clone();
    }

    @Override
    public boolean verify(byte[] data, byte[] signature) {
      if (signature.length != SIGNATURE_LENGTH) {
        return false;
      }
      try {
        return org.bouncycastle.math.ec.rfc8032.Ed25519.verify(signature, 0, key, 0, data, 0, data.length);
      } catch (RuntimeException e) {
        return false;
      }
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Pub p && Arrays.equals(key, p.key);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(key);
    }

    @Override
    public String toString() {
      return "Ed25519PubKey";
    }
  }

  private record Priv(byte[] seed, Pub pub) implements PrivKey {
    @Override
    public KeyType type() {
      return KeyType.ED25519;
    }

    @Override
    public byte[] raw() {
      byte[] out = Arrays.copyOf(seed, 2 * KEY_LENGTH);
      System.arraycopy(pub.key, 0, out, KEY_LENGTH, KEY_LENGTH);
      return out;
    }

    @Override
    public byte[] sign(byte[] data) {
      byte[] sig = new byte[SIGNATURE_LENGTH];
      org.bouncycastle.math.ec.rfc8032.Ed25519.sign(seed, 0, data, 0, data.length, sig, 0);
      return sig;
    }

    @Override
    public PubKey publicKey() {
      return pub;
    }

    @Override
    public String toString() {
      return "Ed25519PrivKey(" + "redacted" + ")";
    }
  }
}
