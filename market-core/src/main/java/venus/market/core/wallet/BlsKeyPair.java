package venus.market.core.wallet;

import java.security.SecureRandom;
import venus.market.core.address.Address;
import venus.market.core.crypto.Bls;
import venus.market.core.crypto.SigType;

/** A BLS key (32-byte little-endian scalar, as Filecoin stores it) and its f3 address. Hides the key. */
public final class BlsKeyPair extends BaseKeyPair {

  private BlsKeyPair(byte[] privateKey) {
    super(SigType.BLS, privateKey, Bls::publicKey, Address::newBls);
  }

  public static BlsKeyPair fromPrivateKey(byte[] privateKeyLittleEndian) {
    return new BlsKeyPair(privateKeyLittleEndian);
  }

  public static BlsKeyPair generate(SecureRandom random) {
    return new BlsKeyPair(Bls.generatePrivateKey(random));
  }

  @Override
  byte[] rawSign(byte[] privateKey, byte[] message) {
    return Bls.sign(privateKey, message);
  }
}
