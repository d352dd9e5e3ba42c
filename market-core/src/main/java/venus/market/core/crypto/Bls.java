package venus.market.core.crypto;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import supranational.blst.BLST_ERROR;
import supranational.blst.P1;
import supranational.blst.P1_Affine;
import supranational.blst.P2;
import supranational.blst.P2_Affine;
import supranational.blst.Pairing;
import supranational.blst.SecretKey;

/**
 * BLS12-381 signatures as filecoin-ffi makes them: min-pk (48-byte compressed G1 public keys, 96-byte compressed
 * G2 signatures), hash-to-curve suite {@link #DST}, the message signed as is. Filecoin stores private keys as
 * 32-byte <b>little-endian</b> scalars (lotus key files, {@code wallet export}); every method here takes that form.
 */
public final class Bls {

  public static final String DST = "BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_NUL_";
  public static final int PRIVATE_KEY_BYTES = 32;
  public static final int PUBLIC_KEY_BYTES = 48;
  public static final int SIGNATURE_BYTES = 96;

  /** The order r of the BLS12-381 groups; a private key is a scalar below it. */
  private static final BigInteger ORDER =
      new BigInteger("73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001", 16);

  private Bls() {}

  /** A fresh private key (IETF KeyGen over 32 random bytes), little-endian. */
  public static byte[] generatePrivateKey(SecureRandom random) {
    byte[] ikm = new byte[32];
    random.nextBytes(ikm);
    SecretKey sk = new SecretKey();
    sk.keygen(ikm);
    return sk.to_lendian();
  }

  /** The 48-byte compressed public key of a little-endian private key. */
  public static byte[] publicKey(byte[] privateKeyLittleEndian) {
    return new P1(secretKey(privateKeyLittleEndian)).compress();
  }

  /** The 96-byte signature of {@code message}. */
  public static byte[] sign(byte[] privateKeyLittleEndian, byte[] message) {
    SecretKey sk = secretKey(privateKeyLittleEndian);
    return new P2().hash_to(message, DST).sign_with(sk).compress();
  }

  /** True if {@code signature} is a valid signature of {@code message} under {@code publicKey}. */
  public static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
    try {
      P1_Affine pk = publicKeyPoint(publicKey);
      P2_Affine sig = signaturePoint(signature);
      return sig.core_verify(pk, true, message, DST) == BLST_ERROR.BLST_SUCCESS;
    } catch (CryptoException e) {
      return false;
    }
  }

  /** Aggregates signatures into one 96-byte signature. */
  public static byte[] aggregate(List<byte[]> signatures) {
    if (signatures.isEmpty()) {
      throw new CryptoException("cannot aggregate zero BLS signatures");
    }
    P2 acc = new P2();
    for (byte[] s : signatures) {
      acc.aggregate(signaturePoint(s));
    }
    return acc.compress();
  }

  /**
   * Verifies an aggregate signature over pairwise distinct messages, one per public key. Like filecoin-ffi it
   * refuses repeated messages (the rogue-key defence of the min-pk "basic" scheme).
   */
  public static boolean aggregateVerify(List<byte[]> publicKeys, List<byte[]> messages, byte[] aggregateSignature) {
    if (publicKeys.isEmpty() || publicKeys.size() != messages.size()) {
      return false;
    }
    Set<ByteBuffer> seen = new HashSet<>();
    for (byte[] m : messages) {
      if (!seen.add(ByteBuffer.wrap(m))) {
        return false;
      }
    }
    try {
      P2_Affine sig = signaturePoint(aggregateSignature);
      Pairing ctx = new Pairing(true, DST);
      for (int i = 0; i < publicKeys.size(); i++) {
        BLST_ERROR err = ctx.aggregate(publicKeyPoint(publicKeys.get(i)), i == 0 ? sig : null, messages.get(i));
        if (err != BLST_ERROR.BLST_SUCCESS) {
          return false;
        }
      }
      ctx.commit();
      return ctx.finalverify();
    } catch (CryptoException e) {
      return false;
    }
  }

  /** Checks that {@code publicKey} is a valid compressed G1 point in the subgroup (not infinity). */
  public static void requireValidPublicKey(byte[] publicKey) {
    publicKeyPoint(publicKey);
  }

  private static SecretKey secretKey(byte[] le) {
    if (le.length != PRIVATE_KEY_BYTES) {
      throw new CryptoException("BLS private key must be " + PRIVATE_KEY_BYTES + " bytes, got " + le.length);
    }
    byte[] be = new byte[PRIVATE_KEY_BYTES];
    for (int i = 0; i < PRIVATE_KEY_BYTES; i++) {
      be[i] = le[PRIVATE_KEY_BYTES - 1 - i];
    }
    BigInteger k = new BigInteger(1, be);
    if (k.signum() == 0 || k.compareTo(ORDER) >= 0) {
      throw new CryptoException("BLS private key is out of range (zero or not below the group order; "
          + "Filecoin keys are little-endian)");
    }
    SecretKey sk = new SecretKey();
    sk.from_lendian(le);
    return sk;
  }

  private static P1_Affine publicKeyPoint(byte[] publicKey) {
    if (publicKey.length != PUBLIC_KEY_BYTES) {
      throw new CryptoException("BLS public key must be " + PUBLIC_KEY_BYTES + " bytes, got " + publicKey.length);
    }
    P1_Affine p;
    try {
      p = new P1_Affine(publicKey);
    } catch (RuntimeException e) {
      throw new CryptoException("BLS public key does not decode: " + e.getMessage(), e);
    }
    if (p.is_inf() || !p.in_group()) {
      throw new CryptoException("BLS public key is infinity or outside the G1 subgroup");
    }
    return p;
  }

  private static P2_Affine signaturePoint(byte[] signature) {
    if (signature.length != SIGNATURE_BYTES) {
      throw new CryptoException("BLS signature must be " + SIGNATURE_BYTES + " bytes, got " + signature.length);
    }
    P2_Affine p;
    try {
      p = new P2_Affine(signature);
    } catch (RuntimeException e) {
      throw new CryptoException("BLS signature does not decode: " + e.getMessage(), e);
    }
    if (!p.in_group()) {
      throw new CryptoException("BLS signature is outside the G2 subgroup");
    }
    return p;
  }
}
