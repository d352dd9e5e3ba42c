package venus.market.core.miner;

import venus.market.core.cbor.CborEncodable;
import venus.market.core.cbor.CborReader;
import venus.market.core.cbor.CborWriter;

/** miner.VerifiedAllocationKey: tuple {@code [Client (actor ID), ID (allocation ID)]}. */
public record VerifiedAllocationKey(long client, long id) implements CborEncodable {

  @Override
  public void writeCbor(CborWriter w) {
    w.writeArrayHeader(2);
    w.writeUint64(client);
    w.writeUint64(id);
  }

  public static VerifiedAllocationKey read(CborReader r) {
    r.readTupleHeader("VerifiedAllocationKey", 2);
    return new VerifiedAllocationKey(r.readUint64(), r.readUint64());
  }
}
