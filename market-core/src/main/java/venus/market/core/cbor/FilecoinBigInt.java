package venus.market.core.cbor;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Optional;

/**
 * Filecoin's BigInt byte form (go-state-types big.Int): empty for zero, else a sign byte (0x00 positive, 0x01
 * negative) followed by the big-endian magnitude without leading zero bytes. At most 128 bytes, as cbor-gen allows.
 */
public final class FilecoinBigInt {

  /** Longest byte form cbor-gen accepts (sign byte included). */
  public static final int MAX_BYTES = 128;

  private FilecoinBigInt() {}

  public static byte[] toBytes(BigInteger value) {
    if (value.signum() == 0) {
      return new byte[0];
    }
    byte[] mag = value.abs().toByteArray();
    int skip = mag[0] == 0 ? 1 : 0;
    byte[] out = new byte[mag.length - skip + 1];
    out[0] = (byte) (value.signum() < 0 ? 1 : 0);
    System.arraycopy(mag, skip, out, 1, mag.length - skip);
    if (out.length > MAX_BYTES) {
      throw new IllegalArgumentException("BigInt needs " + out.length + " bytes, more than the " + MAX_BYTES + " Filecoin allows");
    }
    return out;
  }

  /** Why {@code bytes} are not a canonical BigInt, if they are not; exception-free so callers add their offset. */
  static Optional<String> problem(byte[] bytes) {
    if (bytes.length == 0) {
      return Optional.empty();
    }
    if (bytes.length > MAX_BYTES) {
      return Optional.of("BigInt of " + bytes.length + " bytes exceeds " + MAX_BYTES);
    }
    if (bytes[0] != 0 && bytes[0] != 1) {
      return Optional.of("BigInt sign byte must be 0x00 or 0x01, got 0x" + Integer.toHexString(bytes[0] & 0xff));
    }
    if (bytes.length == 1) {
      return Optional.of("BigInt has a sign byte but no magnitude (zero must be encoded as an empty byte string)");
    }
    if (bytes[1] == 0) {
      return Optional.of("BigInt magnitude has a leading zero byte (not canonical)");
    }
    return Optional.empty();
  }

  /** The value of canonical bytes (check {@link #problem} first). */
  static BigInteger fromCanonicalBytes(byte[] bytes) {
    if (bytes.length == 0) {
      return BigInteger.ZERO;
    }
    BigInteger mag = new BigInteger(1, Arrays.copyOfRange(bytes, 1, bytes.length));
    return bytes[0] == 1 ? mag.negate() : mag;
  }
}
