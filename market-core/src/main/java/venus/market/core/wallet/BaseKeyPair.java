package venus.market.core.wallet;

import java.util.function.Function;
import venus.market.core.address.Address;
import venus.market.core.crypto.KeyInfo;
import venus.market.core.crypto.SigType;
import venus.market.core.crypto.Signature;

/** What both key types share: the private key never leaves except as KeyInfo, and toString hides it. */
abstract sealed class BaseKeyPair implements KeyPair permits Secp256k1KeyPair, BlsKeyPair {

  private final SigType type;
  private final byte[] privateKey;
  private final byte[] publicKey;
  private final Address address;

  BaseKeyPair(SigType type, byte[] privateKey, Function<byte[], byte[]> publicKeyOf,
      Function<byte[], Address> addressOf) {
    this.type = type;
    this.privateKey = privateKey.clone();
    this.publicKey = publicKeyOf.apply(this.privateKey);
    this.address = addressOf.apply(publicKey);
  }

  /** The scheme's raw signature bytes over {@code message}. */
  abstract byte[] rawSign(byte[] privateKey, byte[] message);

  @Override
  public final SigType type() {
    return type;
  }

  @Override
  public final byte[] publicKey() {
    return publicKey.clone();
  }

  @Override
  public final Address address() {
    return address;
  }

  @Override
  public final Signature sign(byte[] message) {
    return Signature.of(type, rawSign(privateKey, message));
  }

  @Override
  public final KeyInfo toKeyInfo() {
    return KeyInfo.of(type, privateKey);
  }

  @Override
  public final String toString() {
    return getClass().getSimpleName() + "{" + address + "}";
  }
}
