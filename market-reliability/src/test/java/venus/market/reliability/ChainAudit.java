package venus.market.reliability;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import venus.market.core.market.ClientDealProposal;
import venus.market.core.market.PublishStorageDealsParams;
import venus.market.core.market.PublishStorageDealsReturn;
import venus.market.core.multiformats.Cid;

/**
 * Every PublishStorageDeals message the chain executed, read from the (stopped) devnet's own store: which deals
 * each carried, and which the market actor accepted. Reading the chain itself, not the provider's view of it, is
 * what proves "published exactly once".
 */
record ChainAudit(List<Publish> publishes, long height) {
  private static final long MARKET_ACTOR = 5;
  private static final long PUBLISH_STORAGE_DEALS = 4;

  /** One executed PublishStorageDeals: its CID, height, exit code, and per deal whether it was published. */
  record Publish(Cid cid, long height, long exitCode, List<Cid> carried, List<Cid> accepted) {}

  static ChainAudit read(Path devnetRepo) {
    List<Publish> out = new ArrayList<>();
    long head = ExecutedMessages.forEach(devnetRepo, (m, rec) -> {
      if (!m.message().to().equals(venus.market.core.address.Address.newId(MARKET_ACTOR))
          || m.message().method() != PUBLISH_STORAGE_DEALS) {
        return;
      }
      List<ClientDealProposal> deals = PublishStorageDealsParams.decode(m.message().params()).deals();
      List<Cid> carried = deals.stream().map(ClientDealProposal::proposalCid).toList();
      List<Cid> accepted = new ArrayList<>();
      if (rec.receipt().exitCode() == 0) {
        PublishStorageDealsReturn ret = PublishStorageDealsReturn.decode(rec.receipt().returnValue());
        for (int i = 0; i < carried.size(); i++) {
          if (ret.dealIdAt(i) >= 0) {
            accepted.add(carried.get(i));
          }
        }
      }
      out.add(new Publish(m.cid(), rec.height(), rec.receipt().exitCode(), carried, accepted));
    });
    return new ChainAudit(out, head);
  }

  /** How many executed PublishStorageDeals messages carried each deal. */
  Map<Cid, Integer> timesCarried() {
    Map<Cid, Integer> n = new HashMap<>();
    publishes.forEach(p -> p.carried().forEach(c -> n.merge(c, 1, Integer::sum)));
    return n;
  }

  /** How many times the market actor accepted each deal. */
  Map<Cid, Integer> timesAccepted() {
    Map<Cid, Integer> n = new HashMap<>();
    publishes.forEach(p -> p.accepted().forEach(c -> n.merge(c, 1, Integer::sum)));
    return n;
  }
}
