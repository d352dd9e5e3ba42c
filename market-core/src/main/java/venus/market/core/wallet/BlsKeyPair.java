package venus.market.core.wallet;

import java.security.SecureRandom;
import venus.market.core.address.Address;
import venus.market.core.crypto.Bls;
import venus.market.core.crypto.KeyInfo;
import venus.market.core.crypto.SigType;
import venus.market.core.crypto.Signature;

/** A BLS key (32-byte little-endian scalar, as Filecoin stores it) and its f3 address. Hides the key. */
public final class BlsKeyPair implements KeyPair {

  private final byte[] privateKey;
  private final byte[] publicKey;
  private final Address address;

  private BlsKeyPair(byte[] privateKey) {
    this.privateKey = privateKey.clone();
    this.publicKey = Bls.publicKey(this.privateKey);
    this.address = Address.newBls(publicKey);
  }

  public static BlsKeyPair fromPrivateKey(byte[] privateKeyLittleEndian) {
    return new BlsKeyPair(privateKeyLittleEndian);
  }

  public static BlsKeyPair generate(SecureRandom random) {
    return new BlsKeyPair(Bls.generatePrivateKey(random));
  }

  @Override
  public SigType type() {
    return SigType.BLS;
  }

  @Override
  public byte[] publicKey() {
    return publicKey.clone();
  }

  @Override
  public Address address() {
    return address;
  }

  @Override
  public Signature sign(byte[] message) {
    return Signature.of(SigType.BLS, Bls.sign(privateKey, message));
  }

  @Override
  public KeyInfo toKeyInfo() {
    return KeyInfo.of(SigType.BLS, privateKey);
  }

  @Override
  public String toString() {
    return "BlsKeyPair{" + address + "}";
  }
}
