package venus.market.core.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 from the JDK (every Java 17 runtime must provide it). */
public final class Sha256 {

  private Sha256() {}

  /** A fresh JDK digest, for streaming. */
  public static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }

  public static byte[] hash(byte[] data) {
    return newDigest().digest(data);
  }

  public static byte[] hash(byte[] data, int offset, int length) {
    MessageDigest md = newDigest();
    md.update(data, offset, length);
    return md.digest();
  }
}
