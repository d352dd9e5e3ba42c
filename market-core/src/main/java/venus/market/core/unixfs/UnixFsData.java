package venus.market.core.unixfs;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The UnixFS Data protobuf inside a dag-pb node's Data field: Type (1), Data (2, optional), filesize (3, optional),
 * blocksizes (4, repeated and not packed, proto2 style as go-unixfs writes them).
 */
public record UnixFsData(int type, byte[] data, Long filesize, List<Long> blocksizes) {

  public static final int TYPE_RAW = 0;
  public static final int TYPE_DIRECTORY = 1;
  public static final int TYPE_FILE = 2;

  public UnixFsData {
    data = data == null ? null : data.clone();
    blocksizes = List.copyOf(blocksizes);
  }

  /** An internal file node: no data of its own, the total size, one entry per child. */
  public static UnixFsData file(long filesize, List<Long> blocksizes) {
    return new UnixFsData(TYPE_FILE, null, filesize, blocksizes);
  }

  @Override
  public byte[] data() {
    return data == null ? null : data.clone();
  }

  public byte[] encode() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Protobuf.tag(out, 1, Protobuf.VARINT);
    Protobuf.varint(out, type);
    if (data != null) {
      Protobuf.bytes(out, 2, data);
    }
    if (filesize != null) {
      Protobuf.tag(out, 3, Protobuf.VARINT);
      Protobuf.varint(out, filesize);
    }
    for (long b : blocksizes) {
      Protobuf.tag(out, 4, Protobuf.VARINT);
      Protobuf.varint(out, b);
    }
    return out.toByteArray();
  }

  public static UnixFsData decode(byte[] bytes) {
    Protobuf.Reader r = new Protobuf.Reader(bytes, 0, bytes.length, "UnixFS data");
    Integer type = null;
    byte[] data = null;
    Long filesize = null;
    List<Long> blocksizes = new ArrayList<>();
    while (r.hasMore()) {
      int at = r.position();
      long tag = r.varint();
      switch ((int) tag) {
        case 1 << 3 | Protobuf.VARINT -> type = (int) r.varint();
        case 2 << 3 | Protobuf.LENGTH_DELIMITED -> data = r.slice(r.lengthDelimited());
        case 3 << 3 | Protobuf.VARINT -> filesize = r.varint();
        case 4 << 3 | Protobuf.VARINT -> {
          if (blocksizes.size() >= PbNode.MAX_LINKS) {
            throw new UnixFsException("UnixFS data: more than " + PbNode.MAX_LINKS + " blocksizes");
          }
          blocksizes.add(r.varint());
        }
        default -> throw new UnixFsException("UnixFS data: unsupported field tag " + tag + " at byte " + at);
      }
    }
    if (type == null) {
      throw new UnixFsException("UnixFS data: no Type field");
    }
    return new UnixFsData(type, data, filesize, blocksizes);
  }
}
