package venus.market.core.multiformats;

import java.util.HexFormat;

/** The multibase encodings this project reads and writes; the first character of the string names the base. */
public enum Multibase {
  BASE16('f'),
  BASE16_UPPER('F'),
  BASE32('b'),
  BASE32_UPPER('B'),
  BASE58_BTC('z'),
  BASE64('m'),
  BASE64_PAD('M'),
  BASE64_URL('u'),
  BASE64_URL_PAD('U');

  private final char prefix;

  Multibase(char prefix) {
    this.prefix = prefix;
  }

  public char prefix() {
    return prefix;
  }

  /** The base whose prefix is {@code c}. */
  public static Multibase forPrefix(char c) {
    for (Multibase b : values()) {
      if (b.prefix == c) {
        return b;
      }
    }
    throw new MultiformatsException("unsupported multibase prefix '" + c + "'");
  }

  /** Prefix character followed by the encoded data. */
  public String encode(byte[] data) {
    return prefix + encodeBare(data);
  }

  /** The encoded data without the prefix. */
  public String encodeBare(byte[] data) {
    return switch (this) {
      case BASE16 -> HexFormat.of().formatHex(data);
      case BASE16_UPPER -> HexFormat.of().withUpperCase().formatHex(data);
      case BASE32 -> Base32.encode(data);
      case BASE32_UPPER -> Base32.encode(data).toUpperCase(java.util.Locale.ROOT);
      case BASE58_BTC -> Base58.encode(data);
      case BASE64 -> Base64.encodeStd(data, false);
      case BASE64_PAD -> Base64.encodeStd(data, true);
      case BASE64_URL -> Base64.encodeUrl(data, false);
      case BASE64_URL_PAD -> Base64.encodeUrl(data, true);
    };
  }

  /** Decodes data without a prefix. Base16 and base32 ignore case, as go-multibase does. */
  public byte[] decodeBare(String text) {
    return switch (this) {
      case BASE16, BASE16_UPPER -> decodeHex(text);
      case BASE32, BASE32_UPPER -> Base32.decode(text);
      case BASE58_BTC -> Base58.decode(text);
      case BASE64, BASE64_PAD -> Base64.decodeStd(text);
      case BASE64_URL, BASE64_URL_PAD -> Base64.decodeUrl(text);
    };
  }

  /** Decodes a prefixed multibase string. */
  public static byte[] decode(String text) {
    if (text.isEmpty()) {
      throw new MultiformatsException("empty multibase string");
    }
    return forPrefix(text.charAt(0)).decodeBare(text.substring(1));
  }

  private static byte[] decodeHex(String text) {
    try {
      return HexFormat.of().parseHex(text);
    } catch (IllegalArgumentException e) {
      throw new MultiformatsException("invalid base16: " + e.getMessage(), e);
    }
  }
}
