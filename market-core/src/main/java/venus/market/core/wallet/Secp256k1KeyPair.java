package venus.market.core.wallet;

import java.security.SecureRandom;
import venus.market.core.address.Address;
import venus.market.core.crypto.KeyInfo;
import venus.market.core.crypto.Secp256k1;
import venus.market.core.crypto.SigType;
import venus.market.core.crypto.Signature;

/** A secp256k1 key (32-byte big-endian scalar) and its f1 address. {@link #toString()} hides the key. */
public final class Secp256k1KeyPair implements KeyPair {

  private final byte[] privateKey;
  private final byte[] publicKey;
  private final Address address;

  private Secp256k1KeyPair(byte[] privateKey) {
    this.privateKey = privateKey.clone();
    this.publicKey = Secp256k1.publicKey(this.privateKey);
    this.address = Address.newSecp256k1(publicKey);
  }

  public static Secp256k1KeyPair fromPrivateKey(byte[] privateKey) {
    return new Secp256k1KeyPair(privateKey);
  }

  public static Secp256k1KeyPair generate(SecureRandom random) {
    return new Secp256k1KeyPair(Secp256k1.generatePrivateKey(random));
  }

  @Override
  public SigType type() {
    return SigType.SECP256K1;
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
    return Signature.of(SigType.SECP256K1, Secp256k1.sign(privateKey, message));
  }

  @Override
  public KeyInfo toKeyInfo() {
    return KeyInfo.of(SigType.SECP256K1, privateKey);
  }

  @Override
  public String toString() {
    return "Secp256k1KeyPair{" + address + "}";
  }
}
