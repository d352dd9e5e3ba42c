package venus.market.devnet.actors;

/**
 * Checks a signature the way an account actor's AuthenticateMessage does: the scheme follows the
 * signer's key address protocol (1 secp256k1, 3 BLS), not the signature's type byte.
 */
@FunctionalInterface
public interface SignatureVerifier {
  /**
   * @param keyAddress binary f1/f3 address of the signer
   * @param signature the Filecoin signature bytes (type byte followed by the raw signature)
   * @param data the signed bytes
   */
  boolean verify(byte[] keyAddress, byte[] signature, byte[] data);
}
