package venus.market.core.market;

import java.util.List;
import java.util.Objects;
import venus.market.core.bitfield.BitField;
import venus.market.core.cbor.CborEncodable;
import venus.market.core.cbor.CborReader;
import venus.market.core.cbor.CborWriter;

/**
 * Return of PublishStorageDeals (actors v9+): tuple {@code [IDs, ValidDeals]}. ValidDeals is an RLE+ bitfield of
 * indexes into the params' deal array that were accepted; IDs holds the new deal IDs of exactly those deals, in
 * index order. Use {@link #dealIdAt(int)} to map a params index to its deal ID.
 */
public record PublishStorageDealsReturn(List<Long> ids, BitField validDeals) implements CborEncodable {

  public PublishStorageDealsReturn {
    ids = List.copyOf(ids);
    Objects.requireNonNull(validDeals, "validDeals");
  }

  @Override
  public void writeCbor(CborWriter w) {
    w.writeArrayHeader(2);
    Fields.writeUintList(w, ids);
    validDeals.writeCbor(w);
  }

  public static PublishStorageDealsReturn read(CborReader r) {
    r.readTupleHeader("PublishStorageDealsReturn", 2);
    return new PublishStorageDealsReturn(Fields.readUintList(r), BitField.readCbor(r));
  }

  public static PublishStorageDealsReturn decode(byte[] cbor) {
    return CborReader.decode(cbor, PublishStorageDealsReturn::read);
  }

  /**
   * The deal ID assigned to the deal at {@code paramsIndex} in the published params, or -1 if the actor dropped it.
   * Fails if the return is inconsistent (more valid indexes than IDs).
   */
  public long dealIdAt(int paramsIndex) {
    if (!validDeals.contains(paramsIndex)) {
      return -1;
    }
    long rank = 0;
    for (BitField.Range range : validDeals.ranges()) {
      if (range.start() >= paramsIndex) {
        break;
      }
      rank += Math.min(range.end(), paramsIndex) - range.start();
    }
    if (rank >= ids.size()) {
      throw new venus.market.core.MarketException("PublishStorageDeals return lists " + ids.size()
          + " deal IDs but marks index " + paramsIndex + " (rank " + rank + ") valid");
    }
    return ids.get((int) rank);
  }
}
