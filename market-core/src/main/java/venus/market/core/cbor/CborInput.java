package venus.market.core.cbor;

import static venus.market.core.cbor.CborWriter.MAJOR_ARRAY;
import static venus.market.core.cbor.CborWriter.MAJOR_BYTES;
import static venus.market.core.cbor.CborWriter.MAJOR_MAP;
import static venus.market.core.cbor.CborWriter.MAJOR_NEGINT;
import static venus.market.core.cbor.CborWriter.MAJOR_TAG;
import static venus.market.core.cbor.CborWriter.MAJOR_TEXT;
import static venus.market.core.cbor.CborWriter.MAJOR_UINT;

import java.math.BigInteger;
import java.nio.ByteBuffer;

/**
 * The byte level of {@link CborReader}: reads one item head (initial byte plus argument) at a time, enforcing the
 * shortest encoding and rejecting what DAG-CBOR forbids, and reads bounded string contents.
 */
final class CborInput {

  final ByteBuffer in;
  /** Offset of the head read last. */
  int itemStart;
  int major;
  int initialByte;
  /** The head's argument, unsigned; the raw float64 bits for 0xfb. */
  long argument;

  CborInput(ByteBuffer in) {
    this.in = in;
  }

  /** Reads an initial byte and its argument, enforcing the shortest form. */
  void read() {
    itemStart = in.position();
    need(1, "a data item");
    initialByte = in.get() & 0xff;
    major = initialByte >>> 5;
    int info = initialByte & 31;
    if (major == 7) {
      simple(info);
      return;
    }
    if (info < 24) {
      argument = info;
    } else if (info == 24) {
      argument = bigEndian(1);
      minimal(argument >= 24);
    } else if (info == 25) {
      argument = bigEndian(2);
      minimal(argument > 0xff);
    } else if (info == 26) {
      argument = bigEndian(4);
      minimal(argument > 0xffff);
    } else if (info == 27) {
      argument = bigEndian(8);
      minimal(Long.compareUnsigned(argument, 0xffffffffL) > 0);
    } else if (info == 31) {
      throw new CborException(itemStart, "indefinite-length items are not allowed in DAG-CBOR");
    } else {
      throw new CborException(itemStart, "reserved additional information " + info + " in initial byte 0x"
          + Integer.toHexString(initialByte));
    }
  }

  private void simple(int info) {
    switch (info) {
      case 20, 21, 22 -> argument = 0;
      case 27 -> argument = bigEndian(8);
      case 23 -> throw new CborException(itemStart, "undefined is not allowed in DAG-CBOR");
      case 25, 26 -> throw new CborException(itemStart, "only 64-bit floats are allowed in DAG-CBOR, got a "
          + (info == 25 ? "16" : "32") + "-bit float");
      case 31 -> throw new CborException(itemStart, "unexpected break (indefinite-length items are not allowed)");
      default -> throw new CborException(itemStart, "simple value (initial byte 0x" + Integer.toHexString(initialByte)
          + ") is not allowed in DAG-CBOR");
    }
  }

  byte[] content(int maxLength, String what) {
    if (Long.compareUnsigned(argument, maxLength) > 0) {
      throw new CborException(itemStart, what + " of " + Long.toUnsignedString(argument)
          + " bytes exceeds the limit of " + maxLength);
    }
    if (Long.compareUnsigned(argument, in.remaining()) > 0) {
      throw new CborException(itemStart, what + " length " + Long.toUnsignedString(argument) + " exceeds the "
          + in.remaining() + " remaining byte(s)");
    }
    byte[] out = new byte[(int) argument];
    in.get(out);
    return out;
  }

  int count(int max, int minBytesPerEntry, String what) {
    if (Long.compareUnsigned(argument, max) > 0) {
      throw new CborException(itemStart, what + " of " + Long.toUnsignedString(argument)
          + " entries exceeds the limit of " + max);
    }
    if (Long.compareUnsigned(argument, in.remaining() / minBytesPerEntry) > 0) {
      throw new CborException(itemStart, what + " of " + Long.toUnsignedString(argument)
          + " entries cannot fit in the " + in.remaining() + " remaining byte(s)");
    }
    return (int) argument;
  }

  BigInteger integer() {
    BigInteger unsigned = new BigInteger(Long.toUnsignedString(argument));
    return major == MAJOR_UINT ? unsigned : unsigned.negate().subtract(BigInteger.ONE);
  }

  private long bigEndian(int bytes) {
    need(bytes, "the " + bytes + "-byte argument");
    long v = 0;
    for (int i = 0; i < bytes; i++) {
      v = (v << 8) | (in.get() & 0xff);
    }
    return v;
  }

  private void need(int bytes, String what) {
    if (in.remaining() < bytes) {
      throw new CborException(itemStart, "unexpected end of input: expected " + what + " but only "
          + in.remaining() + " byte(s) remain");
    }
  }

  private void minimal(boolean ok) {
    if (!ok) {
      throw new CborException(itemStart, "non-minimal encoding of " + Long.toUnsignedString(argument)
          + " (initial byte 0x" + Integer.toHexString(initialByte) + ")");
    }
  }

  CborException unexpected(String expected) {
    return new CborException(itemStart, "expected " + expected + ", got " + describe());
  }

  private String describe() {
    return switch (major) {
      case MAJOR_UINT -> "unsigned integer " + Long.toUnsignedString(argument);
      case MAJOR_NEGINT -> "negative integer";
      case MAJOR_BYTES -> "byte string";
      case MAJOR_TEXT -> "text string";
      case MAJOR_ARRAY -> "array of " + Long.toUnsignedString(argument);
      case MAJOR_MAP -> "map of " + Long.toUnsignedString(argument);
      case MAJOR_TAG -> "tag " + Long.toUnsignedString(argument);
      default -> switch (initialByte) {
        case 0xf4, 0xf5 -> "boolean";
        case 0xf6 -> "null";
        default -> "float64";
      };
    };
  }
}
