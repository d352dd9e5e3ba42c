package venus.market.core.wallet;

import venus.market.core.address.Address;
import venus.market.core.address.Protocol;
import venus.market.core.crypto.Bls;
import venus.market.core.crypto.CryptoException;
import venus.market.core.crypto.Secp256k1;
import venus.market.core.crypto.Signature;

/**
 * Checks a signature against the address that should have made it, as lotus lib/sigs.Verify does: secp256k1
 * recovers the public key and compares its f1 address; BLS verifies under the public key an f3 address carries.
 * The signer is therefore named by address; a verifier never needs the public key itself.
 */
public final class SignatureVerifier {

  private SignatureVerifier() {}

  /** True only if {@code signature} over {@code message} was made by the key behind {@code signer}. */
  public static boolean verify(Signature signature, Address signer, byte[] message) {
    switch (signature.type()) {
      case SECP256K1 -> {
        if (signer.protocol() != Protocol.SECP256K1) {
          return false;
        }
        try {
          byte[] recovered = Secp256k1.recover(message, signature.data());
          return Address.newSecp256k1(recovered).equals(signer);
        } catch (CryptoException e) {
          return false;
        }
      }
      case BLS -> {
        return signer.protocol() == Protocol.BLS && Bls.verify(signer.payload(), message, signature.data());
      }
      default -> {
        return false;
      }
    }
  }

  /** Like {@link #verify} but throws a {@link CryptoException} naming the signer when the check fails. */
  public static void requireValid(Signature signature, Address signer, byte[] message) {
    if (!verify(signature, signer, message)) {
      throw new CryptoException(signature.type().keyType() + " signature does not verify for " + signer + " over "
          + message.length + " bytes");
    }
  }
}
