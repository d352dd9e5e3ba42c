package venus.market.core.multiformats;

/**
 * RFC 4648 base32, lowercase, no padding (multibase 'b', the default for CIDv1 strings). Decoding ignores case as
 * go-multibase does, rejects padding, impossible lengths and non-zero trailing bits (so each string has one meaning).
 */
public final class Base32 {

  private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
  private static final int[] VALUES = new int[128];

  static {
    java.util.Arrays.fill(VALUES, -1);
    for (int i = 0; i < ALPHABET.length; i++) {
      VALUES[ALPHABET[i]] = i;
      VALUES[Character.toUpperCase(ALPHABET[i])] = i;
    }
  }

  private Base32() {}

  public static String encode(byte[] data) {
    StringBuilder sb = new StringBuilder((data.length * 8 + 4) / 5);
    int buffer = 0;
    int bits = 0;
    for (byte b : data) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        sb.append(ALPHABET[(buffer >>> (bits - 5)) & 31]);
        bits -= 5;
      }
    }
    if (bits > 0) {
      sb.append(ALPHABET[(buffer << (5 - bits)) & 31]);
    }
    return sb.toString();
  }

  public static byte[] decode(CharSequence text) {
    int len = text.length();
    int rem = len % 8;
    if (rem == 1 || rem == 3 || rem == 6) {
      throw new MultiformatsException("invalid base32 length " + len + " (a final group of " + rem + " characters is impossible)");
    }
    byte[] out = new byte[len * 5 / 8];
    int buffer = 0;
    int bits = 0;
    int o = 0;
    for (int i = 0; i < len; i++) {
      char c = text.charAt(i);
      int v = c < 128 ? VALUES[c] : -1;
      if (v < 0) {
        throw new MultiformatsException("invalid base32 character '" + c + "' at index " + i);
      }
      buffer = (buffer << 5) | v;
      bits += 5;
      if (bits >= 8) {
        out[o++] = (byte) (buffer >>> (bits - 8));
        bits -= 8;
      }
    }
    if ((buffer & ((1 << bits) - 1)) != 0) {
      throw new MultiformatsException("non-canonical base32: trailing bits of the last character are not zero");
    }
    return out;
  }
}
