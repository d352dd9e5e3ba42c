package venus.market.devnet.actors;

import java.util.List;

/** PublishStorageDealsReturn: new deal ids and the indexes (into the params) of the valid deals. */
public record PublishResult(List<Long> dealIds, List<Integer> validIndexes) {
  public PublishResult {
    dealIds = List.copyOf(dealIds);
    validIndexes = List.copyOf(validIndexes);
  }
}
