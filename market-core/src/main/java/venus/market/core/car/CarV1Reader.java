package venus.market.core.car;

import java.nio.ByteBuffer;
import venus.market.core.multiformats.Cid;
import venus.market.core.multiformats.MultiformatsException;

/**
 * Streaming CARv1 reader: {@code varint(len) ‖ DAG-CBOR header} then sections {@code varint(len) ‖ CID ‖ block}.
 * Holds one block at a time. Every length is bounded before anything is allocated.
 */
public final class CarV1Reader {

  /** go-car's default limits. */
  public static final int MAX_HEADER_BYTES = 32 << 20;
  public static final int MAX_SECTION_BYTES = 8 << 20;

  private final CarInput in;
  private final long dataStart;
  private final boolean zeroLengthSectionIsEnd;
  private final CarHeader header;
  private boolean ended;

  /** A reader positioned after a header already read (and checked by the caller) that started at {@code dataStart}. */
  CarV1Reader(CarInput in, CarHeader header, long dataStart, boolean zeroLengthSectionIsEnd) {
    this.in = in;
    this.dataStart = dataStart;
    this.zeroLengthSectionIsEnd = zeroLengthSectionIsEnd;
    this.header = header;
    if (header.version() != 1) {
      throw new CarException("unsupported CAR version " + header.version() + " in the header at offset "
          + dataStart + " (expected 1)");
    }
  }

  static CarHeader readHeader(CarInput in) {
    long start = in.offset();
    long len = in.readUvarint("header length");
    if (len == 0 || len > MAX_HEADER_BYTES) {
      throw new CarException("invalid header data at offset " + start + ": header length " + len
          + " is outside 1.." + MAX_HEADER_BYTES);
    }
    long headerStart = in.offset();
    return CarHeader.decode(in.readFully((int) len, "header of " + len + " bytes"), headerStart);
  }

  public CarHeader header() {
    return header;
  }

  /** The next block, or null at the end of the data. */
  public CarBlock next() {
    if (ended) {
      return null;
    }
    long start = in.offset();
    long len = in.readUvarintOrEnd("section length");
    if (len < 0) {
      ended = true;
      return null;
    }
    if (len == 0) {
      if (zeroLengthSectionIsEnd) {
        ended = true;
        return null;
      }
      throw new CarException("invalid section data at offset " + start + ": zero-length section");
    }
    if (len > MAX_SECTION_BYTES) {
      throw new CarException("invalid section data at offset " + start + ": section length " + len
          + " exceeds the maximum of " + MAX_SECTION_BYTES);
    }
    long cidStart = in.offset();
    byte[] section = in.readFully((int) len, "section of " + len + " bytes starting");
    ByteBuffer buf = ByteBuffer.wrap(section);
    Cid cid;
    try {
      cid = Cid.read(buf);
    } catch (MultiformatsException | IllegalArgumentException e) {
      throw new CarException("invalid section data at offset " + start + ": bad CID at offset " + cidStart + ": "
          + e.getMessage(), e);
    }
    byte[] data = new byte[buf.remaining()];
    buf.get(data);
    return new CarBlock(cid, data, start, start - dataStart);
  }
}
