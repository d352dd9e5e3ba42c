package venus.market.core.car;

import java.io.InputStream;
import java.util.Optional;

/**
 * Reads a CARv1 or CARv2 from a stream, detecting the version from the first header. For a CARv2 it reads the
 * fixed header, then the inner CARv1 within [data offset, data offset + data size), and afterwards can check the
 * index against the blocks it saw ({@link #verifyIndex()}). Blocks come one at a time; memory stays bounded by one
 * block plus, for a CARv2, one index key per block.
 */
public final class CarReader {

  private final CarInput in;
  private final CarV2Header v2;
  private final CarV1Reader inner;
  private final CarIndexVerifier index;
  private boolean ended;

  private CarReader(CarInput in, CarV2Header v2, CarV1Reader inner) {
    this.in = in;
    this.v2 = v2;
    this.inner = inner;
    this.index = v2 != null && v2.hasIndex() ? new CarIndexVerifier(v2) : null;
  }

  public static CarReader open(InputStream stream) {
    return open(stream, false);
  }

  /**
   * @param zeroLengthSectionIsEnd treat a zero-length section as the end of the data (go-car's
   *     ZeroLengthSectionAsEOF, for files padded with zeros); otherwise it is an error
   */
  public static CarReader open(InputStream stream, boolean zeroLengthSectionIsEnd) {
    CarInput in = new CarInput(stream, 0);
    CarHeader first = CarV1Reader.readHeader(in);
    if (first.version() != 2) {
      return new CarReader(in, null, new CarV1Reader(in, first, 0, zeroLengthSectionIsEnd));
    }
    if (in.offset() != CarV2Header.PRAGMA_SIZE || !first.roots().isEmpty()) {
      throw new CarException("invalid CARv2 pragma: a version 2 header must be exactly the 11 bytes "
          + "0aa16776657273696f6e02, got " + in.offset() + " bytes");
    }
    CarV2Header v2 = CarV2Header.read(in);
    in.skipTo(v2.dataOffset(), "CARv2 data");
    in.limitTo(v2.dataOffset() + v2.dataSize());
    CarHeader innerHeader = CarV1Reader.readHeader(in);
    return new CarReader(in, v2, new CarV1Reader(in, innerHeader, v2.dataOffset(), zeroLengthSectionIsEnd));
  }

  /** 1 or 2. */
  public int version() {
    return v2 == null ? 1 : 2;
  }

  /** The CARv1 header (of the inner CARv1 for a CARv2). */
  public CarHeader header() {
    return inner.header();
  }

  public Optional<CarV2Header> v2Header() {
    return Optional.ofNullable(v2);
  }

  /** The next block, or null at the end of the (inner) data. */
  public CarBlock next() {
    if (ended) {
      return null;
    }
    CarBlock b = inner.next();
    if (b == null) {
      ended = true;
      if (v2 != null && !in.atLimit()) {
        throw new CarException("CARv2 inner data ends at offset " + in.offset() + " before its declared end "
            + (v2.dataOffset() + v2.dataSize()));
      }
      in.clearLimit();
      return null;
    }
    if (index != null) {
      index.sawBlock(b);
    }
    return b;
  }

  /**
   * For a CARv2 with an index, once every block has been read: reads the index and checks that it is sorted, that
   * each entry points at a block with that multihash, and that every non-identity block is indexed.
   *
   * @return number of index entries checked (0 without an index or for a CARv1)
   * @throws CarIndexException if the index is malformed or disagrees with the data
   */
  public long verifyIndex() {
    if (!ended) {
      throw new IllegalStateException("read all blocks before verifying the index");
    }
    if (index == null) {
      return 0;
    }
    in.skipTo(v2.indexOffset(), "CARv2 index");
    return index.verify(in);
  }
}
