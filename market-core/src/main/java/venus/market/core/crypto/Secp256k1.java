package venus.market.core.crypto;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.util.BigIntegers;

/**
 * secp256k1 ECDSA as lotus lib/sigs/secp uses it. The signed digest is blake2b-256 of the message; the signature
 * is 65 bytes {@code r(32) || s(32) || v(1)} with the recovery id v in 0..3 (not 27/28) and s in the lower half of
 * the group order. Nonces are deterministic (RFC 6979 with HMAC-SHA256), so equal inputs give equal signatures;
 * go-crypto's hedged nonces produce different but equally valid signatures.
 *
 * <p>Verification in Filecoin recovers the public key from the signature and compares the derived address, so
 * {@link #recover} is the primitive and {@link #verify} is built on it.
 */
public final class Secp256k1 {

  public static final int PRIVATE_KEY_BYTES = 32;
  public static final int PUBLIC_KEY_BYTES = 65;
  public static final int COMPRESSED_PUBLIC_KEY_BYTES = 33;
  public static final int SIGNATURE_BYTES = 65;

  private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");
  private static final ECDomainParameters DOMAIN =
      new ECDomainParameters(CURVE.getCurve(), CURVE.getG(), CURVE.getN(), CURVE.getH());
  private static final BigInteger N = CURVE.getN();
  private static final BigInteger HALF_N = N.shiftRight(1);
  private static final BigInteger P = CURVE.getCurve().getField().getCharacteristic();

  private Secp256k1() {}

  /** A uniformly random valid private key. */
  public static byte[] generatePrivateKey(SecureRandom random) {
    while (true) {
      byte[] k = new byte[PRIVATE_KEY_BYTES];
      random.nextBytes(k);
      BigInteger d = new BigInteger(1, k);
      if (d.signum() > 0 && d.compareTo(N) < 0) {
        return k;
      }
    }
  }

  /** The 65-byte uncompressed public key {@code 04 || X || Y} of a 32-byte big-endian private key. */
  public static byte[] publicKey(byte[] privateKey) {
    return new FixedPointCombMultiplier().multiply(DOMAIN.getG(), scalar(privateKey)).normalize().getEncoded(false);
  }

  /** The 33-byte compressed form of a public key given in either form. */
  public static byte[] compress(byte[] publicKey) {
    return decodePoint(publicKey).getEncoded(true);
  }

  /** The 65-byte uncompressed form of a public key given in either form (f1 addresses hash this form). */
  public static byte[] decompress(byte[] publicKey) {
    return decodePoint(publicKey).getEncoded(false);
  }

  /** Signs blake2b-256({@code message}). */
  public static byte[] sign(byte[] privateKey, byte[] message) {
    return signDigest(privateKey, Blake2b.sum256(message));
  }

  /**
   * Signs a 32-byte digest as is. The nonce point R gives the recovery id directly (parity of R.y, plus 2 if R.x
   * wrapped past the group order); negating s for low-S flips the parity.
   */
  public static byte[] signDigest(byte[] privateKey, byte[] digest) {
    requireDigest(digest);
    BigInteger d = scalar(privateKey);
    BigInteger e = new BigInteger(1, digest);
    HMacDSAKCalculator nonces = new HMacDSAKCalculator(new SHA256Digest());
    nonces.init(N, d, digest);
    FixedPointCombMultiplier multiplier = new FixedPointCombMultiplier();
    BigInteger r;
    BigInteger s;
    int v;
    do {
      BigInteger k;
      ECPoint point;
      do {
        k = nonces.nextK();
        point = multiplier.multiply(DOMAIN.getG(), k).normalize();
        BigInteger x = point.getAffineXCoord().toBigInteger();
        r = x.mod(N);
        v = (point.getAffineYCoord().testBitZero() ? 1 : 0) | (x.compareTo(N) >= 0 ? 2 : 0);
      } while (r.signum() == 0);
      s = BigIntegers.modOddInverse(N, k).multiply(e.add(d.multiply(r))).mod(N);
    } while (s.signum() == 0);
    if (s.compareTo(HALF_N) > 0) {
      s = N.subtract(s);
      v ^= 1;
    }
    byte[] out = new byte[SIGNATURE_BYTES];
    System.arraycopy(BigIntegers.asUnsignedByteArray(32, r), 0, out, 0, 32);
    System.arraycopy(BigIntegers.asUnsignedByteArray(32, s), 0, out, 32, 32);
    out[64] = (byte) v;
    return out;
  }

  /** Recovers the 65-byte uncompressed public key that signed blake2b-256({@code message}). */
  public static byte[] recover(byte[] message, byte[] signature) {
    return recoverFromDigest(Blake2b.sum256(message), signature);
  }

  /** Recovers the 65-byte uncompressed public key that signed {@code digest}; rejects high-S (malleable) forms. */
  public static byte[] recoverFromDigest(byte[] digest, byte[] signature) {
    requireDigest(digest);
    if (signature.length != SIGNATURE_BYTES) {
      throw new CryptoException("secp256k1 signature must be " + SIGNATURE_BYTES + " bytes, got " + signature.length);
    }
    BigInteger r = new BigInteger(1, Arrays.copyOfRange(signature, 0, 32));
    BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, 32, 64));
    int v = signature[64] & 0xff;
    if (v > 3) {
      throw new CryptoException("secp256k1 recovery id must be 0..3, got " + v);
    }
    if (r.signum() == 0 || r.compareTo(N) >= 0 || s.signum() == 0 || s.compareTo(N) >= 0) {
      throw new CryptoException("secp256k1 signature r or s out of range");
    }
    if (s.compareTo(HALF_N) > 0) {
      throw new CryptoException("secp256k1 signature is malleable (high S)");
    }
    ECPoint q = recoverPoint(digest, r, s, v);
    if (q == null) {
      throw new CryptoException("secp256k1 signature does not recover to a public key (recovery id " + v + ")");
    }
    return q.getEncoded(false);
  }

  /** True if {@code signature} over blake2b-256({@code message}) recovers to {@code publicKey} (either form). */
  public static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
    try {
      return Arrays.equals(decompress(publicKey), recover(message, signature));
    } catch (CryptoException e) {
      return false;
    }
  }

  private static ECPoint recoverPoint(byte[] digest, BigInteger r, BigInteger s, int v) {
    // SEC 1 v2 section 4.1.6; the cofactor is 1, so every curve point is in the group.
    BigInteger x = r.add(BigInteger.valueOf(v / 2).multiply(N));
    if (x.compareTo(P) >= 0) {
      return null;
    }
    byte[] compressed = new byte[COMPRESSED_PUBLIC_KEY_BYTES];
    compressed[0] = (byte) ((v & 1) == 1 ? 0x03 : 0x02);
    System.arraycopy(BigIntegers.asUnsignedByteArray(32, x), 0, compressed, 1, 32);
    ECPoint bigR;
    try {
      bigR = CURVE.getCurve().decodePoint(compressed);
    } catch (IllegalArgumentException e) {
      return null;
    }
    BigInteger e = new BigInteger(1, digest);
    BigInteger rInv = r.modInverse(N);
    BigInteger u1 = N.subtract(e.mod(N)).mod(N).multiply(rInv).mod(N);
    BigInteger u2 = s.multiply(rInv).mod(N);
    ECPoint q = ECAlgorithms.sumOfTwoMultiplies(DOMAIN.getG(), u1, bigR, u2).normalize();
    return q.isInfinity() ? null : q;
  }

  private static BigInteger scalar(byte[] privateKey) {
    if (privateKey.length != PRIVATE_KEY_BYTES) {
      throw new CryptoException("secp256k1 private key must be " + PRIVATE_KEY_BYTES + " bytes, got "
          + privateKey.length);
    }
    BigInteger d = new BigInteger(1, privateKey);
    if (d.signum() == 0 || d.compareTo(N) >= 0) {
      throw new CryptoException("secp256k1 private key is out of range (zero or not below the group order)");
    }
    return d;
  }

  private static ECPoint decodePoint(byte[] publicKey) {
    int len = publicKey.length;
    boolean ok = (len == PUBLIC_KEY_BYTES && publicKey[0] == 0x04)
        || (len == COMPRESSED_PUBLIC_KEY_BYTES && (publicKey[0] == 0x02 || publicKey[0] == 0x03));
    if (!ok) {
      throw new CryptoException("secp256k1 public key must be 65 bytes starting 04 or 33 bytes starting 02/03, got "
          + len + " bytes" + (len > 0 ? String.format(" starting %02x", publicKey[0]) : ""));
    }
    try {
      ECPoint p = CURVE.getCurve().decodePoint(publicKey);
      if (p.isInfinity() || !p.isValid()) {
        throw new CryptoException("secp256k1 public key is not a valid curve point");
      }
      return p.normalize();
    } catch (IllegalArgumentException e) {
      throw new CryptoException("secp256k1 public key is not on the curve: " + e.getMessage(), e);
    }
  }

  private static void requireDigest(byte[] digest) {
    if (digest.length != 32) {
      throw new CryptoException("secp256k1 signs a 32-byte digest, got " + digest.length + " bytes");
    }
  }
}
