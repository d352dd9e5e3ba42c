package venus.market.core.address;

import java.util.Arrays;
import venus.market.core.address.AddressException.Kind;
import venus.market.core.crypto.Blake2b;
import venus.market.core.multiformats.Base32;
import venus.market.core.multiformats.MultiformatsException;
import venus.market.core.multiformats.Varint;

/** The string form of addresses, with go-address's checks in go-address's order (so errors match). */
final class AddressStrings {

  /** Decimal digits of the largest int64. */
  private static final int MAX_INT64_DIGITS = 19;
  /** go-address MaxAddressStringLength: prefix, protocol, 19 namespace digits, 'f', 93 base32 characters. */
  static final int MAX_STRING_LENGTH = 2 + MAX_INT64_DIGITS + 1 + 93;
  private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";

  private AddressStrings() {}

  static String encode(Address a, Network network) {
    StringBuilder sb = new StringBuilder().append(network.prefix()).append(a.protocol().code());
    switch (a.protocol()) {
      case ID -> sb.append(Long.toUnsignedString(a.id()));
      case DELEGATED -> sb.append(a.namespace()).append('f').append(Base32.encode(concat(a.subaddress(),
          a.checksum())));
      default -> sb.append(Base32.encode(concat(a.payload(), a.checksum())));
    }
    return sb.toString();
  }

  static Address decode(String text) {
    if (text.length() > MAX_STRING_LENGTH || text.length() < 3) {
      throw new AddressException(Kind.INVALID_LENGTH, "address string must be 3.." + MAX_STRING_LENGTH
          + " characters, got " + text.length());
    }
    Network.fromPrefix(text.charAt(0));
    char digit = text.charAt(1);
    if (digit < '0' || digit > '4') {
      throw new AddressException(Kind.UNKNOWN_PROTOCOL, "unknown address protocol '" + digit + "' in " + text);
    }
    Protocol protocol = Protocol.fromCode(digit - '0');
    String raw = text.substring(2);
    if (protocol == Protocol.ID) {
      return Address.newId(parseInt63(raw, "ID"));
    }
    byte[] payload;
    byte[] checksum;
    if (protocol == Protocol.DELEGATED) {
      int f = raw.indexOf('f');
      if (f < 0) {
        throw new AddressException(Kind.INVALID_PAYLOAD, "delegated address lacks the 'f' after its namespace");
      }
      long namespace = parseInt63(raw.substring(0, f), "namespace");
      byte[] decoded = base32(raw.substring(f + 1));
      requireChecksumRoom(decoded);
      byte[] subaddress = Arrays.copyOf(decoded, decoded.length - Address.CHECKSUM_BYTES);
      if (subaddress.length > Address.MAX_SUBADDRESS_BYTES) {
        throw new AddressException(Kind.INVALID_LENGTH, "delegated subaddress is " + subaddress.length
            + " bytes, max " + Address.MAX_SUBADDRESS_BYTES);
      }
      payload = concat(Varint.encode(namespace), subaddress);
      checksum = Arrays.copyOfRange(decoded, subaddress.length, decoded.length);
    } else {
      byte[] decoded = base32(raw);
      requireChecksumRoom(decoded);
      payload = Arrays.copyOf(decoded, decoded.length - Address.CHECKSUM_BYTES);
      checksum = Arrays.copyOfRange(decoded, payload.length, decoded.length);
      int want = protocol == Protocol.BLS ? Address.BLS_PUBLIC_KEY_BYTES : Address.PAYLOAD_HASH_BYTES;
      if (payload.length != want) {
        throw new AddressException(Kind.INVALID_LENGTH, protocol + " address payload must be " + want
            + " bytes, got " + payload.length);
      }
    }
    byte[] ingest = concat(new byte[] {(byte) protocol.code()}, payload);
    if (!Arrays.equals(Blake2b.hash(ingest, Address.CHECKSUM_BYTES), checksum)) {
      throw new AddressException(Kind.INVALID_CHECKSUM, "invalid address checksum in " + text);
    }
    return Address.fromPayload(protocol, payload);
  }

  /** strconv.ParseUint(s, 10, 63): ASCII digits only (leading zeros allowed), below 2^63. */
  private static long parseInt63(String s, String what) {
    if (s.length() > MAX_INT64_DIGITS) {
      throw new AddressException(Kind.INVALID_LENGTH, what + " has " + s.length() + " digits, max "
          + MAX_INT64_DIGITS);
    }
    if (s.isEmpty() || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new AddressException(Kind.INVALID_PAYLOAD, what + " must be a decimal number, got \"" + s + "\"");
    }
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw new AddressException(Kind.INVALID_PAYLOAD, what + " " + s + " is not below 2^63", e);
    }
  }

  /** go-address's base32: lowercase only, no padding, and canonical (re-encoding reproduces the input). */
  private static byte[] base32(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (ALPHABET.indexOf(s.charAt(i)) < 0) {
        throw new AddressException(Kind.INVALID_ENCODING, "illegal base32 data at input byte " + i + " ('"
            + s.charAt(i) + "')");
      }
    }
    try {
      return Base32.decode(s);
    } catch (MultiformatsException e) {
      throw new AddressException(Kind.INVALID_ENCODING, "invalid address encoding: " + e.getMessage(), e);
    }
  }

  private static void requireChecksumRoom(byte[] decoded) {
    if (decoded.length < Address.CHECKSUM_BYTES) {
      throw new AddressException(Kind.INVALID_LENGTH, "address holds " + decoded.length
          + " bytes, fewer than its 4-byte checksum");
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
