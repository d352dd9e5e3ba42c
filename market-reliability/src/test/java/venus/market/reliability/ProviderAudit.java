package venus.market.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import venus.market.core.amount.TokenAmount;
import venus.market.core.multiformats.Cid;
import venus.market.daemon.deals.KvDealStore;
import venus.market.daemon.deals.ProviderDeal;
import venus.market.daemon.funds.FundManager;
import venus.market.daemon.store.RocksKvStore;

/** What a (stopped) provider left on disk: its deals, its escrow reservations and its piece directory. */
record ProviderAudit(List<ProviderDeal> deals, TokenAmount reserved, List<Cid> holding, List<Path> pieceFiles) {

  static ProviderAudit read(Path providerRepo, Path pieces) throws java.io.IOException {
    try (RocksKvStore store = RocksKvStore.open(providerRepo.resolve("metadata"))) {
      KvDealStore dealStore = new KvDealStore(store);
      List<ProviderDeal> deals = new ArrayList<>();
      String after = null;
      while (true) {
        List<ProviderDeal> page = dealStore.list(after, 500);
        deals.addAll(page);
        if (page.size() < 500) {
          break;
        }
        after = page.get(page.size() - 1).proposalCid().toString();
      }
      // Reads only: the node and the messenger are not touched by reserved()/holds().
      FundManager funds = new FundManager(store, null, null);
      List<Cid> holding = deals.stream().filter(d -> funds.holds(d.proposal().proposal().provider(),
          d.proposalCid())).map(ProviderDeal::proposalCid).toList();
      TokenAmount reserved = funds.reserved(DealSeeder.miner());
      List<Path> files;
      try (Stream<Path> s = Files.walk(pieces)) {
        files = s.filter(Files::isRegularFile).toList();
      }
      return new ProviderAudit(deals, reserved, holding, files);
    }
  }
}
