package venus.market.core.chain;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Objects;
import venus.market.core.multiformats.Cid;

/**
 * lotus types.TipSetKey: the block CIDs of a tipset, in the tipset's order. The empty key means
 * "the current head" in API calls. JSON (LotusJson): an array of CIDs. Immutable.
 */
public record TipSetKey(List<Cid> cids) {
  public static final TipSetKey EMPTY = new TipSetKey(List.of());

  public TipSetKey {
    cids = List.copyOf(Objects.requireNonNull(cids, "cids"));
  }

  public static TipSetKey of(Cid... cids) {
    return new TipSetKey(List.of(cids));
  }

  public boolean isEmpty() {
    return cids.isEmpty();
  }

  /** lotus TipSetKey.Bytes(): the binary CIDs concatenated. */
  public byte[] bytes() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Cid c : cids) {
      out.writeBytes(c.bytes());
    }
    return out.toByteArray();
  }

  @Override
  public String toString() {
    return cids.toString();
  }
}
