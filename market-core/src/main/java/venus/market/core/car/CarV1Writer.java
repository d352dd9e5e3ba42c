package venus.market.core.car;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import venus.market.core.multiformats.Cid;
import venus.market.core.multiformats.Varint;

/** Writes a CARv1: the header at construction, then one section per block. Does not close the stream. */
public final class CarV1Writer {

  private final OutputStream out;
  private long written;

  public CarV1Writer(OutputStream out, List<Cid> roots) throws IOException {
    if (roots.isEmpty()) {
      throw new CarException("a CARv1 needs at least one root");
    }
    this.out = out;
    byte[] header = CarHeader.v1(roots).encode();
    writeVarint(header.length);
    out.write(header);
    written += header.length;
  }

  public void write(Cid cid, byte[] data) throws IOException {
    write(cid, data, 0, data.length);
  }

  public void write(Cid cid, byte[] data, int offset, int length) throws IOException {
    byte[] c = cid.bytes();
    long len = (long) c.length + length;
    if (len > CarV1Reader.MAX_SECTION_BYTES) {
      throw new CarException("block " + cid + " of " + length + " bytes exceeds the CAR section limit of "
          + CarV1Reader.MAX_SECTION_BYTES);
    }
    writeVarint(len);
    out.write(c);
    out.write(data, offset, length);
    written += c.length + length;
  }

  /** Bytes written so far. */
  public long size() {
    return written;
  }

  private void writeVarint(long v) throws IOException {
    Varint.write(v, out);
    written += Varint.size(v);
  }
}
