package venus.market.daemon.deals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import venus.market.core.multiformats.Cid;
import venus.market.core.storagemarket.StorageDealStatus;
import venus.market.daemon.store.KvStore;

/**
 * {@link DealStore} on the daemon's metadata {@link KvStore} (RocksDB). Keys:
 * <pre>
 * /storage/provider/deals/&lt;proposalCid&gt;                       deal record
 * /storage/provider/deal-history/&lt;proposalCid&gt;/&lt;seq, 10 digits&gt; history entry
 * /storage/provider/deal-state/&lt;code, 3 digits&gt;/&lt;proposalCid&gt;  state index (empty value)
 * </pre>
 * A transition is one {@link KvStore#write} (one synced RocksDB WriteBatch), so record, history and index never
 * disagree after a crash. The store does not own the KvStore: closing it leaves the KvStore open.
 */
public final class KvDealStore implements DealStore {
  static final String DEALS = "/storage/provider/deals/";
  static final String HISTORY = "/storage/provider/deal-history/";
  static final String BY_STATE = "/storage/provider/deal-state/";

  private static final int STRIPES = 64;

  private final KvStore kv;
  /**
   * Commits of one deal are serialised (the check of the stored state, the history sequence and the write must not
   * interleave); commits of different deals run in parallel, so their synced writes share RocksDB's group commit
   * instead of waiting for one fsync each in turn. A multi-deal commit takes its deals' stripes in ascending order,
   * so two of them never deadlock.
   */
  private final Object[] stripes = new Object[STRIPES];

  public KvDealStore(KvStore kv) {
    this.kv = kv;
    for (int i = 0; i < STRIPES; i++) {
      stripes[i] = new Object();
    }
  }

  @Override
  public Optional<ProviderDeal> get(Cid proposalCid) {
    String key = DEALS + proposalCid;
    return kv.get(key).map(b -> DealCodec.decodeDeal(key, b));
  }

  @Override
  public void commit(StorageDealStatus expectedPrevious, ProviderDeal deal, DealTransition entry) {
    commitAll(List.of(new Commit(expectedPrevious, deal, entry)));
  }

  @Override
  public void commitAll(List<Commit> commits) {
    java.util.TreeSet<Integer> needed = new java.util.TreeSet<>();
    for (Commit c : commits) {
      needed.add(Math.floorMod(c.deal().proposalCid().hashCode(), STRIPES));
    }
    withStripes(new ArrayList<>(needed), 0, commits);
  }

  private void withStripes(List<Integer> needed, int i, List<Commit> commits) {
    if (i == needed.size()) {
      commitLocked(commits);
      return;
    }
    synchronized (stripes[needed.get(i)]) {
      withStripes(needed, i + 1, commits);
    }
  }

  private void commitLocked(List<Commit> commits) {
    Map<String, byte[]> puts = new HashMap<>();
    Set<String> deletes = new HashSet<>();
    Set<Cid> seen = new HashSet<>();
    for (Commit c : commits) {
      if (!seen.add(c.deal().proposalCid())) {
        throw new IllegalArgumentException("deal " + c.deal().proposalCid() + " appears twice in one commit");
      }
      stage(c.expectedPrevious(), c.deal(), c.entry(), puts, deletes);
    }
    kv.write(puts, deletes);
  }

  private void stage(StorageDealStatus expectedPrevious, ProviderDeal deal, DealTransition entry,
      Map<String, byte[]> puts, Set<String> deletes) {
    if (entry.to() != deal.state()) {
      throw new IllegalArgumentException("deal " + deal.proposalCid() + ": history entry ends in "
          + entry.to().goName() + " but the record is " + deal.state().goName());
    }
    Optional<ProviderDeal> stored = get(deal.proposalCid());
    if (expectedPrevious == null && stored.isPresent()) {
      throw new DealExistsException(deal.proposalCid(), stored.get().state());
    }
    if (expectedPrevious != null && (stored.isEmpty() || stored.get().state() != expectedPrevious)) {
      throw new IllegalStateException("deal " + deal.proposalCid() + " is "
          + stored.map(d -> d.state().goName()).orElse("missing") + ", expected " + expectedPrevious.goName()
          + " (concurrent update?)");
    }
    String cid = deal.proposalCid().toString();
    int seq = kv.scan(HISTORY + cid + "/").size();
    if (stored.isPresent() && stored.get().state() != deal.state()) {
      deletes.add(indexKey(stored.get().state(), cid));
    }
    puts.put(DEALS + cid, DealCodec.encode(deal));
    puts.put(HISTORY + cid + "/" + String.format("%010d", seq), DealCodec.encode(entry));
    puts.put(indexKey(deal.state(), cid), new byte[0]);
  }

  @Override
  public List<DealTransition> history(Cid proposalCid) {
    List<DealTransition> out = new ArrayList<>();
    kv.scan(HISTORY + proposalCid + "/").forEach((k, v) -> out.add(DealCodec.decodeEntry(k, v)));
    return out;
  }

  @Override
  public List<ProviderDeal> listByState(StorageDealStatus state) {
    String prefix = BY_STATE + code(state) + "/";
    List<ProviderDeal> out = new ArrayList<>();
    for (String key : kv.scan(prefix).keySet()) {
      Cid cid = Cid.parse(key.substring(prefix.length()));
      out.add(get(cid).orElseThrow(() -> new DealStoreException("state index " + key + " names a missing deal")));
    }
    return out;
  }

  @Override
  public List<ProviderDeal> list(String afterProposalCid, int limit) {
    if (limit <= 0) {
      throw new IllegalArgumentException("limit must be positive, got " + limit);
    }
    List<ProviderDeal> out = new ArrayList<>();
    // KvStore.scan reads the whole prefix; fine for thousands of deals, a ranged scan is the next step.
    for (Map.Entry<String, byte[]> e : kv.scan(DEALS).entrySet()) {
      String cid = e.getKey().substring(DEALS.length());
      if (afterProposalCid != null && cid.compareTo(afterProposalCid) <= 0) {
        continue;
      }
      out.add(DealCodec.decodeDeal(e.getKey(), e.getValue()));
      if (out.size() == limit) {
        break;
      }
    }
    return out;
  }

  @Override
  public void close() {
    // The KvStore belongs to the daemon, which closes it.
  }

  private static String indexKey(StorageDealStatus state, String cid) {
    return BY_STATE + code(state) + "/" + cid;
  }

  private static String code(StorageDealStatus state) {
    return String.format("%03d", state.code());
  }
}
