package venus.market.core.car;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import venus.market.core.multiformats.Cid;
import venus.market.core.multiformats.Multicodec;

/**
 * Checks that a CAR holds the whole DAG under a root. Blocks are fed in as they stream by; only each block's links
 * are kept, so memory grows with the number of links, not with the data. Identity CIDs need no block: their bytes
 * are in the CID.
 */
public final class DagCompleteness {

  private final LinkDecoder decoder;
  private final Map<Cid, List<Cid>> links = new HashMap<>();

  public DagCompleteness(LinkDecoder decoder) {
    this.decoder = decoder;
  }

  public void add(Cid cid, byte[] data) {
    if (!links.containsKey(cid)) {
      links.put(cid, List.copyOf(decoder.links(cid, data)));
    }
  }

  /** Walks from {@code root}: how many distinct blocks it reaches, and which reachable CIDs are missing. */
  public Result walk(Cid root) {
    Set<Cid> seen = new HashSet<>();
    List<Cid> missing = new ArrayList<>();
    ArrayDeque<Cid> todo = new ArrayDeque<>();
    todo.add(root);
    seen.add(root);
    while (!todo.isEmpty()) {
      Cid c = todo.poll();
      List<Cid> children = links.get(c);
      if (children == null && c.multihash().code() == Multicodec.IDENTITY) {
        children = decoder.links(c, c.multihash().digest());
      }
      if (children == null) {
        missing.add(c);
        continue;
      }
      for (Cid child : children) {
        if (seen.add(child)) {
          todo.add(child);
        }
      }
    }
    return new Result(seen.size() - missing.size(), List.copyOf(missing));
  }

  /** Outcome of a walk; {@code missing} is in discovery order. */
  public record Result(long reachable, List<Cid> missing) {

    public boolean complete() {
      return missing.isEmpty();
    }
  }
}
