package venus.market.core.car;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * The fixed 40-byte CARv2 header after the 11-byte pragma: characteristics (two little-endian u64, "Hi" first),
 * then data offset, data size and index offset (0 = no index), all little-endian u64.
 */
public record CarV2Header(long characteristicsHi, long characteristicsLo, long dataOffset, long dataSize,
    long indexOffset) {

  /** {@code varint(10) ‖ {"version": 2}}: the first bytes of every CARv2. */
  public static final byte[] PRAGMA = HexFormat.of().parseHex("0aa16776657273696f6e02");
  public static final int PRAGMA_SIZE = 11;
  public static final int SIZE = 40;

  /** Bit 7 of Hi: the index catalogues every CID, not only one offset per multihash. */
  public boolean fullyIndexed() {
    return (characteristicsHi & 0x80) != 0;
  }

  public boolean hasIndex() {
    return indexOffset != 0;
  }

  static boolean isPragma(byte[] first11) {
    return Arrays.equals(first11, PRAGMA);
  }

  static CarV2Header read(CarInput in) {
    long at = in.offset();
    CarV2Header h = new CarV2Header(in.readUint64Le("CARv2 header"), in.readUint64Le("CARv2 header"),
        in.readUint64Le("CARv2 header"), in.readUint64Le("CARv2 header"), in.readUint64Le("CARv2 header"));
    long minData = PRAGMA_SIZE + SIZE;
    if (h.dataOffset < minData || h.dataSize <= 0 || h.dataOffset > Long.MAX_VALUE - h.dataSize) {
      throw new CarException("invalid CARv2 header at offset " + at + ": data offset " + Long.toUnsignedString(
          h.dataOffset) + " / size " + Long.toUnsignedString(h.dataSize) + " out of range (offset must be >= "
          + minData + ", size > 0)");
    }
    if (h.indexOffset != 0 && Long.compareUnsigned(h.indexOffset, h.dataOffset + h.dataSize) < 0) {
      throw new CarIndexException("invalid CARv2 header at offset " + at + ": index offset " + Long.toUnsignedString(
          h.indexOffset) + " lies inside the data [" + h.dataOffset + ", " + (h.dataOffset + h.dataSize) + ")");
    }
    return h;
  }
}
