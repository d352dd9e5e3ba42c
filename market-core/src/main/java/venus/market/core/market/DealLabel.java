package venus.market.core.market;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.util.Arrays;
import java.util.HexFormat;
import venus.market.core.MarketException;
import venus.market.core.cbor.CborEncodable;
import venus.market.core.cbor.CborException;
import venus.market.core.cbor.CborReader;
import venus.market.core.cbor.CborType;
import venus.market.core.cbor.CborWriter;

/**
 * The deal label, a kinded union (actors v9+): either a UTF-8 string, written as a CBOR text string, or raw bytes,
 * written as a CBOR byte string. The kind is part of the signed proposal, so a string and a byte label with the same
 * bytes are different labels. The empty label is the empty <em>string</em> ({@code 0x60}).
 *
 * <p>Constructors enforce the actor's 256-byte limit (go-state-types NewLabelFrom*); decoding accepts up to
 * cbor-gen's 2 MiB, as Go does, and leaves the 256-byte check to whoever validates the deal.
 */
public final class DealLabel implements CborEncodable {

  /** DealMaxLabelSize: the market actor's limit on label length in bytes. */
  public static final int MAX_SIZE = 256;

  public static final DealLabel EMPTY = new DealLabel(new byte[0], true);

  private final byte[] bytes;
  private final boolean isString;

  private DealLabel(byte[] bytes, boolean isString) {
    this.bytes = bytes;
    this.isString = isString;
  }

  /** A string label; fails if it is longer than 256 UTF-8 bytes or is not valid Unicode (lone surrogates). */
  public static DealLabel ofString(String s) {
    byte[] utf8 = strictUtf8(s);
    if (utf8.length > MAX_SIZE) {
      throw new MarketException("deal label too long: " + utf8.length + " bytes (max " + MAX_SIZE + ")");
    }
    return new DealLabel(utf8, true);
  }

  /** A byte label; fails if it is longer than 256 bytes. */
  public static DealLabel ofBytes(byte[] b) {
    if (b.length > MAX_SIZE) {
      throw new MarketException("deal label too long: " + b.length + " bytes (max " + MAX_SIZE + ")");
    }
    return new DealLabel(b.clone(), false);
  }

  /** JSON input: always a string label (go-state-types UnmarshalJSON). */
  @JsonCreator
  public static DealLabel fromJson(String s) {
    return ofString(s);
  }

  public boolean isString() {
    return isString;
  }

  public boolean isBytes() {
    return !isString;
  }

  /** The string of a string label; fails for a byte label. */
  public String asString() {
    if (!isString) {
      throw new MarketException("deal label is bytes, not a string");
    }
    return new String(bytes, UTF_8);
  }

  /** The label's bytes (the UTF-8 of a string label). */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** Length in bytes, which is what the 256-byte limit counts. */
  public int length() {
    return bytes.length;
  }

  /**
   * What lotus puts in JSON: the string, or "" for a byte label (lossy, as go-state-types MarshalJSON). JSON input
   * is always a string label.
   */
  @JsonValue
  public String jsonString() {
    return isString ? asString() : "";
  }

  @Override
  public void writeCbor(CborWriter w) {
    if (isString) {
      w.writeText(asString());
    } else {
      w.writeBytes(bytes);
    }
  }

  public static DealLabel read(CborReader r) {
    int at = r.offset();
    CborType type = r.peekType();
    if (type == CborType.TEXT) {
      return new DealLabel(r.readText(CborReader.MAX_BYTES_LENGTH).getBytes(UTF_8), true);
    }
    if (type == CborType.BYTES) {
      return new DealLabel(r.readBytes(CborReader.MAX_BYTES_LENGTH), false);
    }
    throw new CborException(at, "DealLabel: expected a text or byte string, got " + type);
  }

  private static byte[] strictUtf8(String s) {
    try {
      ByteBuffer buf = UTF_8.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).encode(java.nio.CharBuffer.wrap(s));
      byte[] out = new byte[buf.remaining()];
      buf.get(out);
      return out;
    } catch (CharacterCodingException e) {
      throw new MarketException("deal label string is not valid UTF-8 (lone surrogate)", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DealLabel l && l.isString == isString && Arrays.equals(l.bytes, bytes);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(bytes) + (isString ? 1 : 0);
  }

  @Override
  public String toString() {
    return isString ? "\"" + asString() + "\"" : "0x" + HexFormat.of().formatHex(bytes);
  }
}
