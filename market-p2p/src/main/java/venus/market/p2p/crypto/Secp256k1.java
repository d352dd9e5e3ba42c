package venus.market.p2p.crypto;

import java.io.IOException;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECPoint;

/**
 * libp2p secp256k1 identity keys: compressed 33-byte public keys, ECDSA over SHA-256(message), DER signatures
 * (not Filecoin's blake2b / 65-byte form). Signing is deterministic (RFC 6979) with low S.
 */
public final class Secp256k1 {

  private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");
  private static final ECDomainParameters DOMAIN =
      new ECDomainParameters(CURVE.getCurve(), CURVE.getG(), CURVE.getN(), CURVE.getH());
  private static final BigInteger HALF_N = CURVE.getN().shiftRight(1);
  private static final int MAX_DER_SIGNATURE = 72;
  private static final SecureRandom RANDOM = new SecureRandom();

  private Secp256k1() {}

  public static PrivKey generate() {
    while (true) {
      byte[] d = new byte[32];
      RANDOM.nextBytes(d);
      BigInteger k = new BigInteger(1, d);
      if (k.signum() > 0 && k.compareTo(CURVE.getN()) < 0) {
        return privateKey(d);
      }
    }
  }

  static PrivKey privateKey(byte[] data) {
    if (data.length != 32) {
      throw new KeyException("secp256k1 private key must be 32 bytes, got " + data.length);
    }
    BigInteger d = new BigInteger(1, data);
    if (d.signum() == 0 || d.compareTo(CURVE.getN()) >= 0) {
      throw new KeyException("secp256k1 private key is out of range");
    }
    ECPoint q = CURVE.getG().multiply(d).normalize();
    return new Priv(d, new Pub(q));
  }

  static PubKey publicKey(byte[] data) {
    if (data.length != 33 && data.length != 65) {
      throw new KeyException("secp256k1 public key must be 33 (compressed) or 65 bytes, got " + data.length);
    }
    try {
      ECPoint q = CURVE.getCurve().decodePoint(data).normalize();
      if (q.isInfinity() || !q.isValid()) {
        throw new KeyException("secp256k1 public key is not a valid curve point");
      }
      return new Pub(q);
    } catch (IllegalArgumentException e) {
      throw new KeyException("secp256k1 public key is not a valid curve point: " + e.getMessage(), e);
    }
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private record Pub(ECPoint point) implements PubKey {
    @Override
    public KeyType type() {
      return KeyType.SECP256K1;
    }

    @Override
    public byte[] raw() {
      return point.getEncoded(true);
    }

    @Override
    public boolean verify(byte[] data, byte[] signature) {
      if (signature.length > MAX_DER_SIGNATURE) {
        return false;
      }
      try {
        ASN1Sequence seq = ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(signature));
        if (seq.size() != 2) {
          return false;
        }
        BigInteger r = ASN1Integer.getInstance(seq.getObjectAt(0)).getPositiveValue();
        BigInteger s = ASN1Integer.getInstance(seq.getObjectAt(1)).getPositiveValue();
        ECDSASigner verifier = new ECDSASigner();
        verifier.init(false, new ECPublicKeyParameters(point, DOMAIN));
        return verifier.verifySignature(sha256(data), r, s);
      } catch (IOException | RuntimeException e) {
        return false;
      }
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Pub p && point.equals(p.point);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(raw());
    }

    @Override
    public String toString() {
      return "Secp256k1PubKey";
    }
  }

  private record Priv(BigInteger d, Pub pub) implements PrivKey {
    @Override
    public KeyType type() {
      return KeyType.SECP256K1;
    }

    @Override
    public byte[] raw() {
      byte[] b = d.toByteArray();
      byte[] out = new byte[32];
      int n = Math.min(b.length, 32);
      System.arraycopy(b, b.length - n, out, 32 - n, n);
      return out;
    }

    @Override
    public byte[] sign(byte[] data) {
      ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
      signer.init(true, new ECPrivateKeyParameters(d, DOMAIN));
      BigInteger[] rs = signer.generateSignature(sha256(data));
      BigInteger s = rs[1].compareTo(HALF_N) > 0 ? CURVE.getN().subtract(rs[1]) : rs[1];
      try {
        return new DERSequence(new ASN1Integer[] {new ASN1Integer(rs[0]), new ASN1Integer(s)}).getEncoded();
      } catch (IOException e) {
        throw new IllegalStateException("DER encoding of an ECDSA signature failed", e);
      }
    }

    @Override
    public PubKey publicKey() {
      return pub;
    }

    @Override
    public String toString() {
      return "Secp256k1PrivKey(redacted)";
    }
  }
}
