package venus.market.core.cbor;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import venus.market.core.multiformats.Cid;

/**
 * Writes canonical DAG-CBOR as cbor-gen does. Misuse (wrong item count, unsorted or duplicate map keys, NaN) is a
 * programming error and throws IllegalStateException / IllegalArgumentException: this class never emits bytes a
 * strict reader would reject.
 */
public final class CborWriter {

  static final int MAJOR_UINT = 0;
  static final int MAJOR_NEGINT = 1;
  static final int MAJOR_BYTES = 2;
  static final int MAJOR_TEXT = 3;
  static final int MAJOR_ARRAY = 4;
  static final int MAJOR_MAP = 5;
  static final int MAJOR_TAG = 6;
  static final long TAG_CID = 42;

  private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

  private final OutputStream out;
  private final ByteArrayOutputStream buffer;
  private final Nesting nesting = new Nesting(CborReader.MAX_DEPTH, IllegalStateException::new);

  /** A writer collecting into memory; see {@link #toByteArray()}. */
  public CborWriter() {
    this.buffer = new ByteArrayOutputStream();
    this.out = buffer;
  }

  /** A writer streaming to {@code out}; I/O errors surface as UncheckedIOException. */
  public CborWriter(OutputStream out) {
    this.buffer = null;
    this.out = out;
  }

  /** Encodes one value. */
  public static byte[] encode(CborEncodable value) {
    CborWriter w = new CborWriter();
    value.writeCbor(w);
    return w.toByteArray();
  }

  /** The bytes written so far; every array and map must be complete. */
  public byte[] toByteArray() {
    if (buffer == null) {
      throw new IllegalStateException("this writer streams to an OutputStream");
    }
    requireComplete();
    return buffer.toByteArray();
  }

  /** Fails if an array or map still lacks items. */
  public void requireComplete() {
    if (nesting.depth() != 0) {
      throw new IllegalStateException(nesting.depth() + " array(s)/map(s) still open: fewer items written than declared");
    }
  }

  /** An unsigned 64-bit integer; negative Java longs stand for values ≥ 2^63 (Go uint64). */
  public CborWriter writeUint64(long unsigned) {
    scalar();
    header(MAJOR_UINT, unsigned);
    return done();
  }

  /** A signed 64-bit integer (Go int64): major type 0 when ≥ 0, else major type 1. */
  public CborWriter writeInt64(long value) {
    scalar();
    if (value >= 0) {
      header(MAJOR_UINT, value);
    } else {
      header(MAJOR_NEGINT, -1 - value);
    }
    return done();
  }

  /** Any integer CBOR can hold without tags: -2^64 ≤ value < 2^64. */
  public CborWriter writeInteger(BigInteger value) {
    boolean negative = value.signum() < 0;
    BigInteger argument = negative ? value.negate().subtract(BigInteger.ONE) : value;
    if (argument.compareTo(TWO_64) >= 0) {
      throw new IllegalArgumentException("integer " + value + " does not fit a CBOR major type 0/1 argument");
    }
    scalar();
    header(negative ? MAJOR_NEGINT : MAJOR_UINT, argument.longValue());
    return done();
  }

  public CborWriter writeBool(boolean value) {
    scalar();
    write(value ? 0xf5 : 0xf4);
    return done();
  }

  public CborWriter writeNull() {
    scalar();
    write(0xf6);
    return done();
  }

  /** A float64; DAG-CBOR forbids NaN and infinities. */
  public CborWriter writeFloat64(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("DAG-CBOR cannot encode " + value);
    }
    scalar();
    write(0xfb);
    writeBigEndian(Double.doubleToRawLongBits(value), 8);
    return done();
  }

  public CborWriter writeBytes(byte[] bytes) {
    return writeBytes(bytes, 0, bytes.length);
  }

  public CborWriter writeBytes(byte[] bytes, int offset, int length) {
    scalar();
    header(MAJOR_BYTES, length);
    write(bytes, offset, length);
    return done();
  }

  public CborWriter writeText(String text) {
    byte[] utf8 = text.getBytes(UTF_8);
    boolean key = nesting.atKey();
    nesting.beginItem(true);
    header(MAJOR_TEXT, utf8.length);
    write(utf8, 0, utf8.length);
    if (key) {
      nesting.keyRead(utf8);
    }
    return done();
  }

  /** A CID as tag 42 around the 0x00 multibase prefix and the binary CID. */
  public CborWriter writeCid(Cid cid) {
    scalar();
    header(MAJOR_TAG, TAG_CID);
    byte[] bytes = cid.bytes();
    header(MAJOR_BYTES, bytes.length + 1L);
    write(0x00);
    write(bytes, 0, bytes.length);
    return done();
  }

  /** A CID, or null for an absent optional (Go *cid.Cid == nil). */
  public CborWriter writeNullableCid(Cid cidOrNull) {
    return cidOrNull == null ? writeNull() : writeCid(cidOrNull);
  }

  /** A Filecoin BigInt (TokenAmount etc.): empty for 0, else sign byte 0x00/0x01 + big-endian magnitude. */
  public CborWriter writeBigInt(BigInteger value) {
    return writeBytes(FilecoinBigInt.toBytes(value));
  }

  /** Header of an array of {@code length} items; exactly that many must follow. */
  public CborWriter writeArrayHeader(long length) {
    if (length < 0) {
      throw new IllegalArgumentException("array length out of range: " + length);
    }
    nesting.beginItem(false);
    header(MAJOR_ARRAY, length);
    nesting.open(false, length);
    return this;
  }

  /** Header of a map of {@code entries} key/value pairs; keys must follow in {@link MapKeyOrder}. */
  public CborWriter writeMapHeader(long entries) {
    if (entries < 0 || entries > Long.MAX_VALUE / 2) {
      throw new IllegalArgumentException("map size out of range: " + entries);
    }
    nesting.beginItem(false);
    header(MAJOR_MAP, entries);
    nesting.open(true, entries * 2);
    return this;
  }

  /** A nested value that writes itself. */
  public CborWriter write(CborEncodable value) {
    value.writeCbor(this);
    return this;
  }

  private void scalar() {
    nesting.beginItem(false);
  }

  private CborWriter done() {
    nesting.closeCompleted();
    return this;
  }

  /** Initial byte plus the shortest argument encoding; {@code argument} is unsigned. */
  private void header(int major, long argument) {
    int mt = major << 5;
    if (argument >= 0 && argument < 24) {
      write(mt | (int) argument);
    } else if (argument >= 0 && argument <= 0xff) {
      write(mt | 24);
      write((int) argument);
    } else if (argument >= 0 && argument <= 0xffff) {
      write(mt | 25);
      writeBigEndian(argument, 2);
    } else if (argument >= 0 && argument <= 0xffffffffL) {
      write(mt | 26);
      writeBigEndian(argument, 4);
    } else {
      write(mt | 27);
      writeBigEndian(argument, 8);
    }
  }

  private void writeBigEndian(long value, int bytes) {
    for (int i = bytes - 1; i >= 0; i--) {
      write((int) (value >>> (8 * i)) & 0xff);
    }
  }

  private void write(int b) {
    try {
      out.write(b);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void write(byte[] b, int off, int len) {
    try {
      out.write(b, off, len);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
