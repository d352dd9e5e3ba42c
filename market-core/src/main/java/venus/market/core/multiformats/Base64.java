package venus.market.core.multiformats;

/**
 * RFC 4648 base64, standard and URL-safe alphabets (multibase 'm'/'u' unpadded, 'M'/'U' padded). A thin wrapper
 * over the JDK codec that turns its IllegalArgumentException into a MultiformatsException.
 */
public final class Base64 {

  private Base64() {}

  public static String encodeStd(byte[] data, boolean padded) {
    java.util.Base64.Encoder e = java.util.Base64.getEncoder();
    return (padded ? e : e.withoutPadding()).encodeToString(data);
  }

  public static String encodeUrl(byte[] data, boolean padded) {
    java.util.Base64.Encoder e = java.util.Base64.getUrlEncoder();
    return (padded ? e : e.withoutPadding()).encodeToString(data);
  }

  /** Decodes the standard alphabet; padding is optional. */
  public static byte[] decodeStd(String text) {
    return decode(java.util.Base64.getDecoder(), text, "base64");
  }

  /** Decodes the URL-safe alphabet; padding is optional. */
  public static byte[] decodeUrl(String text) {
    return decode(java.util.Base64.getUrlDecoder(), text, "base64url");
  }

  private static byte[] decode(java.util.Base64.Decoder decoder, String text, String name) {
    try {
      return decoder.decode(text);
    } catch (IllegalArgumentException e) {
      throw new MultiformatsException("invalid " + name + ": " + e.getMessage(), e);
    }
  }
}
