package venus.market.core.wallet;

import java.security.SecureRandom;
import venus.market.core.address.Address;
import venus.market.core.crypto.Secp256k1;
import venus.market.core.crypto.SigType;

/** A secp256k1 key (32-byte big-endian scalar) and its f1 address. {@link #toString()} hides the key. */
public final class Secp256k1KeyPair extends BaseKeyPair {

  private Secp256k1KeyPair(byte[] privateKey) {
    super(SigType.SECP256K1, privateKey, Secp256k1::publicKey, Address::newSecp256k1);
  }

  public static Secp256k1KeyPair fromPrivateKey(byte[] privateKey) {
    return new Secp256k1KeyPair(privateKey);
  }

  public static Secp256k1KeyPair generate(SecureRandom random) {
    return new Secp256k1KeyPair(Secp256k1.generatePrivateKey(random));
  }

  @Override
  byte[] rawSign(byte[] privateKey, byte[] message) {
    return Secp256k1.sign(privateKey, message);
  }
}
