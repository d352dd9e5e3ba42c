package venus.market.core.multiformats;

import java.util.Arrays;

/** Base58 with the bitcoin alphabet (multibase 'z'; CIDv0 strings and libp2p peer IDs). Leading zero bytes map to '1'. */
public final class Base58 {

  private static final char[] ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".toCharArray();
  private static final int[] VALUES = new int[128];

  /** Decoding is quadratic, so refuse absurd inputs instead of burning CPU on them. */
  public static final int MAX_DECODE_LENGTH = 8192;

  static {
    Arrays.fill(VALUES, -1);
    for (int i = 0; i < ALPHABET.length; i++) {
      VALUES[ALPHABET[i]] = i;
    }
  }

  private Base58() {}

  public static String encode(byte[] data) {
    int zeros = 0;
    while (zeros < data.length && data[zeros] == 0) {
      zeros++;
    }
    // base58 digits, little-endian; log(256)/log(58) < 1.37
    byte[] digits = new byte[(data.length - zeros) * 137 / 100 + 1];
    int used = 0;
    for (int i = zeros; i < data.length; i++) {
      int carry = data[i] & 0xff;
      for (int j = 0; j < used; j++) {
        carry += (digits[j] & 0xff) << 8;
        digits[j] = (byte) (carry % 58);
        carry /= 58;
      }
      while (carry > 0) {
        digits[used++] = (byte) (carry % 58);
        carry /= 58;
      }
    }
    StringBuilder sb = new StringBuilder(zeros + used);
    sb.append("1".repeat(zeros));
    for (int j = used - 1; j >= 0; j--) {
      sb.append(ALPHABET[digits[j]]);
    }
    return sb.toString();
  }

  public static byte[] decode(CharSequence text) {
    int len = text.length();
    if (len > MAX_DECODE_LENGTH) {
      throw new MultiformatsException("base58 string of " + len + " characters exceeds the limit of " + MAX_DECODE_LENGTH);
    }
    int zeros = 0;
    while (zeros < len && text.charAt(zeros) == '1') {
      zeros++;
    }
    // bytes, little-endian; log(58)/log(256) < 0.733
    byte[] bytes = new byte[(len - zeros) * 733 / 1000 + 1];
    int used = 0;
    for (int i = zeros; i < len; i++) {
      char c = text.charAt(i);
      int carry = c < 128 ? VALUES[c] : -1;
      if (carry < 0) {
        throw new MultiformatsException("invalid base58 character '" + c + "' at index " + i);
      }
      for (int j = 0; j < used; j++) {
        carry += (bytes[j] & 0xff) * 58;
        bytes[j] = (byte) carry;
        carry >>>= 8;
      }
      while (carry > 0) {
        bytes[used++] = (byte) carry;
        carry >>>= 8;
      }
    }
    byte[] out = new byte[zeros + used];
    for (int j = 0; j < used; j++) {
      out[zeros + j] = bytes[used - 1 - j];
    }
    return out;
  }
}
