package venus.market.p2p.protobuf;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import venus.market.core.multiformats.MultiformatsException;
import venus.market.core.multiformats.Varint;

/**
 * Pull reader over one protobuf message held in memory. Only varint (0) and length-delimited (2) fields carry
 * values here; fixed 32/64-bit fields are skipped; groups are refused. Every length is checked against the input.
 */
public final class ProtoReader {

  private final byte[] in;
  private int pos;
  private int field;
  private int wireType;

  public ProtoReader(byte[] in) {
    this.in = in;
  }

  /** Advances to the next field; false at the end of the message. */
  public boolean next() {
    if (pos >= in.length) {
      return false;
    }
    long key = varint("field key");
    field = (int) (key >>> 3);
    wireType = (int) (key & 7);
    if (key >>> 3 > Integer.MAX_VALUE || field == 0) {
      throw new ProtobufException("protobuf field number " + (key >>> 3) + " at offset " + pos + " is invalid");
    }
    if (wireType != 0 && wireType != 1 && wireType != 2 && wireType != 5) {
      throw new ProtobufException("protobuf field " + field + " has unsupported wire type " + wireType);
    }
    return true;
  }

  public int field() {
    return field;
  }

  public int wireType() {
    return wireType;
  }

  public long uint() {
    expect(0);
    return varint("field " + field);
  }

  public byte[] bytes() {
    expect(2);
    long len = varint("length of field " + field);
    if (len > in.length - pos) {
      throw new ProtobufException("protobuf field " + field + " claims " + len + " bytes but only " + (in.length - pos)
          + " remain (offset " + pos + ")");
    }
    byte[] v = Arrays.copyOfRange(in, pos, pos + (int) len);
    pos += (int) len;
    return v;
  }

  public String string() {
    byte[] b = bytes();
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(b)).toString();
    } catch (CharacterCodingException e) {
      throw new ProtobufException("protobuf field " + field + " is not valid UTF-8", e);
    }
  }

  /** Skips the current field's value. */
  public void skip() {
    switch (wireType) {
      case 0 -> varint("field " + field);
      case 1 -> advance(8);
      case 5 -> advance(4);
      default -> bytes();
    }
  }

  private void advance(int n) {
    if (n > in.length - pos) {
      throw new ProtobufException("protobuf field " + field + " truncated at offset " + pos);
    }
    pos += n;
  }

  private void expect(int type) {
    if (wireType != type) {
      throw new ProtobufException("protobuf field " + field + " has wire type " + wireType + ", expected " + type);
    }
  }

  private long varint(String what) {
    try {
      Varint.Decoded d = Varint.decode(in, pos);
      pos += d.length();
      return d.value();
    } catch (MultiformatsException e) {
      throw new ProtobufException("protobuf " + what + ": " + e.getMessage(), e);
    }
  }
}
