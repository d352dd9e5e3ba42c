package venus.market.core.cbor;

import static java.nio.charset.StandardCharsets.UTF_8;
import static venus.market.core.cbor.CborWriter.MAJOR_ARRAY;
import static venus.market.core.cbor.CborWriter.MAJOR_BYTES;
import static venus.market.core.cbor.CborWriter.MAJOR_MAP;
import static venus.market.core.cbor.CborWriter.MAJOR_NEGINT;
import static venus.market.core.cbor.CborWriter.MAJOR_TAG;
import static venus.market.core.cbor.CborWriter.MAJOR_TEXT;
import static venus.market.core.cbor.CborWriter.MAJOR_UINT;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.util.Optional;
import java.util.function.Function;
import venus.market.core.multiformats.Cid;
import venus.market.core.multiformats.MultiformatsException;

/**
 * Strict pull reader of DAG-CBOR. Accepts exactly what {@link CborWriter} emits: rejects indefinite lengths,
 * non-minimal integers and lengths, non-text, unsorted or duplicate map keys, tags other than 42, undefined and
 * simple values, floats other than finite float64, invalid UTF-8, and lengths beyond the remaining input. Every error
 * is a {@link CborException} with the offset of the offending item. Limits mirror cbor-gen's decoder.
 */
public final class CborReader {

  /** Maximum nesting of arrays and maps. */
  public static final int MAX_DEPTH = 64;
  /** cbor-gen ByteArrayMaxLen: default limit for byte strings. */
  public static final int MAX_BYTES_LENGTH = 2 << 20;
  /** cbor-gen MaxLength: default limit for text strings and struct arrays. */
  public static final int MAX_LENGTH = 8192;
  /** cbor-gen's cap on the byte string inside tag 42. */
  public static final int MAX_CID_BYTES = 512;

  private final ByteBuffer in;
  private final CborInput head;
  private final Nesting nesting;

  public CborReader(byte[] bytes) {
    this(ByteBuffer.wrap(bytes));
  }

  /** Reads from the buffer's position to its limit; offsets in errors count from that position. */
  public CborReader(ByteBuffer buffer) {
    this.in = buffer.slice();
    this.head = new CborInput(in);
    this.nesting = new Nesting(MAX_DEPTH, msg -> new CborException(head.itemStart, msg));
  }

  /** Decodes a whole input with {@code decoder}, then requires that nothing is left over. */
  public static <T> T decode(byte[] bytes, Function<CborReader, T> decoder) {
    CborReader reader = new CborReader(bytes);
    T value = decoder.apply(reader);
    reader.requireEnd();
    return value;
  }

  /** Bytes consumed so far (the offset of the next item). */
  public int offset() {
    return in.position();
  }

  /** Number of arrays and maps currently open. */
  public int depth() {
    return nesting.depth();
  }

  public boolean isAtEnd() {
    return !in.hasRemaining();
  }

  /** Fails unless every array and map is complete and the input is used up. */
  public void requireEnd() {
    head.itemStart = in.position();
    if (nesting.depth() != 0) {
      throw new CborException(head.itemStart, "input ends inside " + nesting.depth() + " unfinished array(s)/map(s)");
    }
    if (in.hasRemaining()) {
      throw new CborException(head.itemStart, in.remaining() + " trailing byte(s) after the value");
    }
  }

  /** The type of the next item, without consuming it; fails on items DAG-CBOR forbids. */
  public CborType peekType() {
    int start = in.position();
    try {
      head.read();
      return switch (head.major) {
        case MAJOR_UINT -> CborType.UNSIGNED_INT;
        case MAJOR_NEGINT -> CborType.NEGATIVE_INT;
        case MAJOR_BYTES -> CborType.BYTES;
        case MAJOR_TEXT -> CborType.TEXT;
        case MAJOR_ARRAY -> CborType.ARRAY;
        case MAJOR_MAP -> CborType.MAP;
        case MAJOR_TAG -> {
          checkCidTag();
          yield CborType.CID;
        }
        default -> switch (head.initialByte) {
          case 0xf4, 0xf5 -> CborType.BOOLEAN;
          case 0xf6 -> CborType.NULL;
          default -> CborType.FLOAT64;
        };
      };
    } finally {
      in.position(start);
    }
  }

  /** An unsigned integer (Go uint64); values ≥ 2^63 come back as negative longs. */
  public long readUint64() {
    item(MAJOR_UINT, "an unsigned integer");
    return done(head.argument);
  }

  /** A signed integer (Go int64), either major type 0 or 1. */
  public long readInt64() {
    head.read();
    nesting.beginItem(false);
    if (head.major != MAJOR_UINT && head.major != MAJOR_NEGINT) {
      throw head.unexpected("an integer");
    }
    if (head.argument < 0) {
      throw new CborException(head.itemStart, "integer " + head.integer() + " does not fit in int64");
    }
    return done(head.major == MAJOR_UINT ? head.argument : -1 - head.argument);
  }

  /** Any integer of major type 0 or 1 (-2^64 … 2^64-1). */
  public BigInteger readInteger() {
    head.read();
    nesting.beginItem(false);
    if (head.major != MAJOR_UINT && head.major != MAJOR_NEGINT) {
      throw head.unexpected("an integer");
    }
    return done(head.integer());
  }

  public boolean readBool() {
    head.read();
    nesting.beginItem(false);
    if (head.initialByte != 0xf4 && head.initialByte != 0xf5) {
      throw head.unexpected("a boolean");
    }
    return done(head.initialByte == 0xf5);
  }

  public void readNull() {
    head.read();
    nesting.beginItem(false);
    if (head.initialByte != 0xf6) {
      throw head.unexpected("null");
    }
    done(null);
  }

  /** Consumes a null and returns true if one is next; otherwise consumes nothing. */
  public boolean readNullIfPresent() {
    if (in.hasRemaining() && (in.get(in.position()) & 0xff) == 0xf6) {
      readNull();
      return true;
    }
    return false;
  }

  public double readFloat64() {
    head.read();
    nesting.beginItem(false);
    if (head.initialByte != 0xfb) {
      throw head.unexpected("a float64");
    }
    double value = Double.longBitsToDouble(head.argument);
    if (!Double.isFinite(value)) {
      throw new CborException(head.itemStart, "float " + value + " is not allowed in DAG-CBOR");
    }
    return done(value);
  }

  /** A byte string of at most {@link #MAX_BYTES_LENGTH} bytes. */
  public byte[] readBytes() {
    return readBytes(MAX_BYTES_LENGTH);
  }

  public byte[] readBytes(int maxLength) {
    item(MAJOR_BYTES, "a byte string");
    return done(head.content(maxLength, "byte string"));
  }

  /** A UTF-8 text string of at most {@link #MAX_LENGTH} bytes. */
  public String readText() {
    return readText(MAX_LENGTH);
  }

  public String readText(int maxLength) {
    boolean key = nesting.atKey();
    item(MAJOR_TEXT, "a text string");
    int contentStart = in.position();
    byte[] utf8 = head.content(maxLength, "text string");
    if (key) {
      nesting.keyRead(utf8);
    }
    try {
      String text = UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(utf8)).toString();
      return done(text);
    } catch (CharacterCodingException e) {
      throw new CborException(contentStart, "text string is not valid UTF-8", e);
    }
  }

  /** A map key; the reader already checks that keys are text and in canonical order. */
  public String readMapKey() {
    if (!nesting.atKey()) {
      throw new CborException(in.position(), "expected a map key, but not inside a map at a key position");
    }
    return readText();
  }

  /** Header of an array; returns its length (bounded by the remaining input). */
  public int readArrayHeader() {
    return readArrayHeader(Integer.MAX_VALUE);
  }

  public int readArrayHeader(int maxLength) {
    item(MAJOR_ARRAY, "an array");
    int n = head.count(maxLength, 1, "array");
    nesting.open(false, n);
    return n;
  }

  /** Header of a cbor-gen tuple struct: an array of exactly {@code fields} items. */
  public void readTupleHeader(String structName, int fields) {
    item(MAJOR_ARRAY, structName + " (an array of " + fields + " fields)");
    if (head.argument != fields) {
      throw new CborException(head.itemStart, structName + ": expected a tuple of " + fields + " fields, got "
          + Long.toUnsignedString(head.argument));
    }
    head.count(fields, 1, "array");
    nesting.open(false, fields);
  }

  /** Header of a map; returns its number of entries (bounded by the remaining input). */
  public int readMapHeader() {
    return readMapHeader(Integer.MAX_VALUE);
  }

  public int readMapHeader(int maxEntries) {
    item(MAJOR_MAP, "a map");
    int n = head.count(maxEntries, 2, "map");
    nesting.open(true, 2L * n);
    return n;
  }

  /**
   * Header of a map whose text keys may come in any order: cbor-gen map structs written by Go before 2023
   * (go-fil-markets &lt; v1.28, venus-market v2.0) list keys in Go declaration order. Keys must still be text; rejecting
   * duplicates is the caller's job. Nested maps read with {@link #readMapHeader()} stay strict.
   */
  public int readMapHeaderAnyKeyOrder() {
    item(MAJOR_MAP, "a map");
    int n = head.count(Integer.MAX_VALUE, 2, "map");
    nesting.open(true, 2L * n, true);
    return n;
  }

  /** A CID: tag 42 around a byte string of 0x00 followed by the binary CID. */
  public Cid readCid() {
    item(MAJOR_TAG, "a CID (tag 42)");
    checkCidTag();
    int tagStart = head.itemStart;
    head.read();
    if (head.major != MAJOR_BYTES) {
      throw head.unexpected("a byte string inside tag 42");
    }
    int contentStart = in.position();
    byte[] bytes = head.content(MAX_CID_BYTES, "CID byte string");
    if (bytes.length < 2 || bytes[0] != 0) {
      throw new CborException(contentStart, bytes.length < 2 ? "CID byte string too short (" + bytes.length + " bytes)"
          : "CID byte string must start with the 0x00 multibase prefix");
    }
    try {
      return done(Cid.decode(java.util.Arrays.copyOfRange(bytes, 1, bytes.length)));
    } catch (MultiformatsException e) {
      throw new CborException(tagStart, "invalid CID: " + e.getMessage(), e);
    }
  }

  /** A CID or null (Go *cid.Cid). */
  public Optional<Cid> readNullableCid() {
    return readNullIfPresent() ? Optional.empty() : Optional.of(readCid());
  }

  /** A Filecoin BigInt byte string (see {@link FilecoinBigInt}); non-canonical forms are rejected. */
  public BigInteger readBigInt() {
    int start = in.position();
    byte[] bytes = readBytes(FilecoinBigInt.MAX_BYTES);
    Optional<String> problem = FilecoinBigInt.problem(bytes);
    if (problem.isPresent()) {
      throw new CborException(start, problem.get());
    }
    return FilecoinBigInt.fromCanonicalBytes(bytes);
  }

  /** Skips the next item with everything nested in it, validating it as strictly as any other read. */
  public void skipValue() {
    int depth = nesting.depth();
    do {
      switch (peekType()) {
        case UNSIGNED_INT, NEGATIVE_INT -> readInteger();
        case BYTES -> readBytes(Integer.MAX_VALUE);
        case TEXT -> readText(Integer.MAX_VALUE);
        case ARRAY -> readArrayHeader();
        case MAP -> readMapHeader();
        case CID -> readCid();
        case BOOLEAN -> readBool();
        case NULL -> readNull();
        case FLOAT64 -> readFloat64();
      }
    } while (nesting.depth() > depth);
  }

  private void item(int expectedMajor, String what) {
    head.read();
    nesting.beginItem(head.major == MAJOR_TEXT);
    if (head.major != expectedMajor) {
      throw head.unexpected(what);
    }
  }

  private <T> T done(T value) {
    nesting.closeCompleted();
    return value;
  }

  private void checkCidTag() {
    if (head.argument != CborWriter.TAG_CID) {
      throw new CborException(head.itemStart, "tag " + Long.toUnsignedString(head.argument) + " is not allowed; only tag 42 (CID)");
    }
  }

}
