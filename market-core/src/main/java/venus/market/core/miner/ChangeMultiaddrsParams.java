package venus.market.core.miner;

import java.util.List;
import venus.market.core.cbor.CborEncodable;
import venus.market.core.cbor.CborReader;
import venus.market.core.cbor.CborWriter;
import venus.market.core.market.Fields;

/**
 * Params of ChangeMultiaddrs (method 18): tuple {@code [NewMultiaddrs]}, an array of binary multiaddrs (usually
 * without a /p2p component).
 */
public record ChangeMultiaddrsParams(List<byte[]> newMultiaddrs) implements CborEncodable {

  public ChangeMultiaddrsParams {
    newMultiaddrs = Fields.copyBytesList(newMultiaddrs);
  }

  @Override
  public List<byte[]> newMultiaddrs() {
    return Fields.copyBytesList(newMultiaddrs);
  }

  @Override
  public void writeCbor(CborWriter w) {
    w.writeArrayHeader(1);
    Fields.writeBytesList(w, newMultiaddrs);
  }

  public static ChangeMultiaddrsParams read(CborReader r) {
    r.readTupleHeader("ChangeMultiaddrsParams", 1);
    return new ChangeMultiaddrsParams(Fields.readBytesList(r));
  }

  public static ChangeMultiaddrsParams decode(byte[] cbor) {
    return CborReader.decode(cbor, ChangeMultiaddrsParams::read);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ChangeMultiaddrsParams p && Fields.bytesListEquals(p.newMultiaddrs, newMultiaddrs);
  }

  @Override
  public int hashCode() {
    return Fields.bytesListHash(newMultiaddrs);
  }
}
