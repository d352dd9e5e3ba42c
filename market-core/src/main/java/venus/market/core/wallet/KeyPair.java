package venus.market.core.wallet;

import java.security.SecureRandom;
import venus.market.core.address.Address;
import venus.market.core.crypto.CryptoException;
import venus.market.core.crypto.KeyInfo;
import venus.market.core.crypto.SigType;
import venus.market.core.crypto.Signature;

/** A private key held in this process, with its public key and address. Implementations are immutable. */
public sealed interface KeyPair permits BaseKeyPair {

  SigType type();

  /** The public key: 65-byte uncompressed secp256k1 or 48-byte compressed BLS. */
  byte[] publicKey();

  /** The f1 (secp256k1) or f3 (BLS) address of this key. */
  Address address();

  /** Signs {@code message} as lotus does for this key type (secp256k1 hashes it with blake2b-256 first). */
  Signature sign(byte[] message);

  /** The lotus wallet form of the private key. */
  KeyInfo toKeyInfo();

  static KeyPair fromKeyInfo(KeyInfo keyInfo) {
    return switch (keyInfo.type()) {
      case SECP256K1 -> Secp256k1KeyPair.fromPrivateKey(keyInfo.privateKey());
      case BLS -> BlsKeyPair.fromPrivateKey(keyInfo.privateKey());
      case DELEGATED -> throw new CryptoException("delegated (f4/EVM) keys cannot sign storage-market messages");
    };
  }

  static KeyPair generate(SigType type, SecureRandom random) {
    return switch (type) {
      case SECP256K1 -> Secp256k1KeyPair.generate(random);
      case BLS -> BlsKeyPair.generate(random);
      case DELEGATED -> throw new CryptoException("generating delegated (f4/EVM) keys is not supported");
    };
  }
}
