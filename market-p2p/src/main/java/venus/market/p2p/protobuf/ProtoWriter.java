package venus.market.p2p.protobuf;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import venus.market.core.multiformats.Varint;

/** Deterministic protobuf writer for the few libp2p messages (fields written in the order called, minimal varints). */
public final class ProtoWriter {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  public ProtoWriter uint(int field, long value) {
    out.writeBytes(Varint.encode((long) field << 3));
    out.writeBytes(Varint.encode(value));
    return this;
  }

  public ProtoWriter bytes(int field, byte[] value) {
    out.writeBytes(Varint.encode(((long) field << 3) | 2));
    out.writeBytes(Varint.encode(value.length));
    out.writeBytes(value);
    return this;
  }

  public ProtoWriter string(int field, String value) {
    return bytes(field, value.getBytes(StandardCharsets.UTF_8));
  }

  public byte[] toByteArray() {
    return out.toByteArray();
  }
}
