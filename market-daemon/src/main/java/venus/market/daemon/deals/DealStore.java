package venus.market.daemon.deals;

import java.util.List;
import java.util.Optional;
import venus.market.core.multiformats.Cid;
import venus.market.core.storagemarket.StorageDealStatus;

/**
 * Durable provider deals. {@link #commit} writes the new record, its history entry and the state index in one
 * atomic synced write: when it returns the transition survives a crash, so callers run the side effect
 * (send a message, hand off a piece) only after it.
 */
public interface DealStore extends AutoCloseable {
  /** The deal under this proposal CID. */
  Optional<ProviderDeal> get(Cid proposalCid);

  /**
   * Stores {@code deal} with {@code entry} appended to its history. {@code expectedPrevious} is the state the
   * caller read: null for a new deal (fails with {@link DealExistsException} if one exists), otherwise it must
   * still be the stored state (else {@link IllegalStateException}: someone else moved the deal).
   */
  void commit(StorageDealStatus expectedPrevious, ProviderDeal deal, DealTransition entry);

  /** One deal's part of {@link #commitAll}: the same arguments as {@link #commit}. */
  record Commit(StorageDealStatus expectedPrevious, ProviderDeal deal, DealTransition entry) {}

  /**
   * Stores several deals as one atomic write (all or none survive a crash), each checked as {@link #commit} checks
   * it; if any check fails nothing is written. The sealer API assigns the deals of a sector this way.
   */
  void commitAll(List<Commit> commits);

  /** The deal's transitions, oldest first. */
  List<DealTransition> history(Cid proposalCid);

  /** Deals currently in {@code state}, in proposal-CID order. */
  List<ProviderDeal> listByState(StorageDealStatus state);

  /**
   * At most {@code limit} deals in proposal-CID (string) order starting after {@code afterProposalCid}
   * (null: from the first); pass the last CID of a page to get the next one.
   */
  List<ProviderDeal> list(String afterProposalCid, int limit);

  @Override
  void close();
}
