package venus.market.daemon.intake;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import venus.market.core.multiformats.Cid;
import venus.market.daemon.store.KvStore;

/**
 * boost deal UUID to proposal CID, under {@code /storage/provider/deal-uuid/<uuid>}. Written (synced) before the deal
 * itself is opened, so a UUID in the index may name a deal that a crash kept from being stored: readers must look the
 * deal up and treat a missing one as unknown.
 */
public final class DealUuidIndex {
  static final String PREFIX = "/storage/provider/deal-uuid/";

  private final KvStore kv;

  public DealUuidIndex(KvStore kv) {
    this.kv = kv;
  }

  public Optional<Cid> find(UUID uuid) {
    return kv.get(PREFIX + uuid).map(b -> Cid.parse(new String(b, StandardCharsets.US_ASCII)));
  }

  void put(UUID uuid, Cid proposalCid) {
    kv.put(PREFIX + uuid, proposalCid.toString().getBytes(StandardCharsets.US_ASCII));
  }
}
