package venus.market.daemon.publish;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import venus.market.core.amount.TokenAmount;
import venus.market.core.chain.SignedMessage;
import venus.market.core.jsonrpc.RpcRemoteException;
import venus.market.core.market.ClientDealProposal;
import venus.market.core.market.PublishStorageDealsParams;
import venus.market.core.market.PublishStorageDealsReturn;
import venus.market.core.multiformats.Cid;
import venus.market.core.storagemarket.StorageDealStatus;
import venus.market.daemon.deals.DealPipeline;
import venus.market.daemon.deals.DealStore;
import venus.market.daemon.deals.ProviderDeal;
import venus.market.daemon.deals.ProviderEvent;
import venus.market.daemon.funds.FundManager;
import venus.market.daemon.node.ChainMessenger;
import venus.market.daemon.node.MessageWatcher;
import venus.market.daemon.node.NodeClient;
import venus.market.daemon.node.NodeJson;

/**
 * Publish (queue the deal), Publishing (wait for the batch message and give each deal its ID — or its failure —
 * through the ValidDeals bitfield), Staged (hand the deal to the sealers: AwaitingPreCommit with PieceStatus
 * Undefined) and Finalizing (activation clean-up, nothing to do yet).
 */
final class PublishStages {
  private static final Logger LOG = LoggerFactory.getLogger(PublishStages.class);
  private static final String PUBLISH_WATCH = "publish";

  private final DealPipeline pipeline;
  private final DealStore dealStore;
  private final NodeClient node;
  private final ChainMessenger messenger;
  private final FundManager funds;
  private final MessageWatcher watcher;
  private final DealPublisher publisher;
  private final PublishStore store;
  /** Saved messages from an earlier run already pushed again by this process. */
  private final Set<Cid> repushed = ConcurrentHashMap.newKeySet();

  PublishStages(DealPipeline pipeline, DealStore dealStore, NodeClient node, ChainMessenger messenger,
      FundManager funds, MessageWatcher watcher, DealPublisher publisher, PublishStore store) {
    this.pipeline = pipeline;
    this.dealStore = dealStore;
    this.node = node;
    this.messenger = messenger;
    this.funds = funds;
    this.watcher = watcher;
    this.publisher = publisher;
    this.store = store;
  }

  void register() {
    pipeline.on(StorageDealStatus.PUBLISH, this::publish);
    pipeline.on(StorageDealStatus.PUBLISHING, this::publishing);
    pipeline.on(StorageDealStatus.STAGED, this::handOff);
    pipeline.on(StorageDealStatus.FINALIZING,
        d -> DealEvents.applyIfAllowed(pipeline, d.proposalCid(), ProviderEvent.FINALIZED, "deal is active"));
  }

  /**
   * Before the pipeline resumes: push again every saved publish message the chain does not know yet, so no other
   * message from the same address can take its nonce first.
   */
  void repushSaved() {
    for (SignedMessage m : store.messages()) {
      repush(m);
    }
  }

  private void publish(ProviderDeal deal) {
    // Crash after the batch was saved but before this deal's transition: it already is in that message.
    Optional<Cid> saved = store.messageOf(deal.proposalCid());
    if (saved.isPresent() && store.message(saved.get()).isPresent()) {
      pipeline.apply(deal.proposalCid(), ProviderEvent.DEAL_PUBLISH_INITIATED, "publish message " + saved.get(),
          d -> d.toBuilder().publishCid(saved.get()).build());
      return;
    }
    publisher.enqueue(deal);
  }

  private void publishing(ProviderDeal deal) {
    Cid cid = deal.publishCid();
    if (cid == null) {
      throw new IllegalStateException("deal is in Publishing without a publish message CID");
    }
    if (!publisher.signedHere.contains(cid)) {
      store.message(cid).ifPresent(this::repush);
    }
    watcher.watch(cid, PUBLISH_WATCH, lookup -> landed(cid, lookup));
  }

  private void repush(SignedMessage m) {
    if (!repushed.add(m.cid())) {
      return;
    }
    try {
      if (node.stateSearchMsg(m.cid().toString()) == null) {
        messenger.push(m);
        LOG.info("pushed saved publish message {} again", m.cid());
      }
    } catch (RpcRemoteException e) {
      // The node refused the very message (a pool accepts an identical one silently): typically another message took
      // its nonce while the daemon was down. It can never land, so its deals fail instead of waiting forever.
      if (node.stateSearchMsg(m.cid().toString()) == null) {
        LOG.error("saved publish message {} can never land: {}", m.cid(), e.getMessage());
        List<ProviderDeal> deals = new ArrayList<>();
        for (ProviderDeal d : dealStore.listByState(StorageDealStatus.PUBLISHING)) {
          if (m.cid().equals(d.publishCid())) {
            deals.add(d);
          }
        }
        for (ProviderDeal d : deals) {
          DealEvents.applyIfAllowed(pipeline, d.proposalCid(), ProviderEvent.DEAL_PUBLISH_ERROR,
              "publish message " + m.cid() + " was refused when pushed again: " + e.getMessage());
        }
        forget(m.cid(), deals);
      }
    } catch (RuntimeException e) {
      LOG.warn("pushing saved publish message {} again failed: {}", m.cid(), e.toString());
    }
  }

  /** The batch message is on chain: each deal of it gets its ID, or fails if the actor dropped it. */
  private void landed(Cid cid, NodeJson.MsgLookup lookup) {
    List<ProviderDeal> deals = new ArrayList<>();
    for (ProviderDeal d : dealStore.listByState(StorageDealStatus.PUBLISHING)) {
      if (cid.equals(d.publishCid())) {
        deals.add(d);
      }
    }
    long exit = lookup.receipt().exitCode();
    if (exit != 0) {
      for (ProviderDeal d : deals) {
        DealEvents.applyIfAllowed(pipeline, d.proposalCid(), ProviderEvent.DEAL_PUBLISH_ERROR,
            "PublishStorageDeals errored: message " + cid + " exit code " + exit);
      }
      forget(cid, deals);
      return;
    }
    // The landed message may be a replacement (repriced): read the params and return of what actually executed.
    Cid onChain = Cid.parse(lookup.message().cid());
    NodeJson.Message msg = node.chainGetMessage(onChain.toString());
    List<ClientDealProposal> params = PublishStorageDealsParams.decode(Base64.getDecoder().decode(msg.params())).deals();
    PublishStorageDealsReturn ret = PublishStorageDealsReturn.decode(
        Base64.getDecoder().decode(lookup.receipt().returnValue()));
    for (ProviderDeal d : deals) {
      int index = indexOf(params, d.proposalCid());
      long dealId = index < 0 ? -1 : ret.dealIdAt(index);
      if (index < 0) {
        DealEvents.applyIfAllowed(pipeline, d.proposalCid(), ProviderEvent.DEAL_PUBLISH_ERROR,
            "publish message " + onChain + " does not carry this deal");
      } else if (dealId < 0) {
        DealEvents.applyIfAllowed(pipeline, d.proposalCid(), ProviderEvent.DEAL_PUBLISH_ERROR,
            "deal was invalid at publication: the market actor dropped it from PublishStorageDeals " + onChain
                + " (index " + index + " is not in ValidDeals " + ret.validDeals() + ")");
      } else {
        TokenAmount released = funds.releaseForDeal(d.proposal().proposal().provider(), d.proposalCid());
        DealEvents.applyIfAllowed(pipeline, d.proposalCid(), ProviderEvent.FUNDS_RELEASED, "released "
            + released.toShortString() + ": the collateral is locked on chain",
            x -> x.toBuilder().fundsReserved(TokenAmount.ZERO).build());
        DealEvents.applyIfAllowed(pipeline, d.proposalCid(), ProviderEvent.DEAL_PUBLISHED,
            "deal ID " + dealId + " in message " + onChain + " at height " + lookup.height(),
            x -> x.toBuilder().dealId(dealId).publishCid(onChain).build());
      }
    }
    forget(cid, deals);
  }

  private void forget(Cid cid, List<ProviderDeal> deals) {
    List<Cid> proposals = new ArrayList<>(deals.stream().map(ProviderDeal::proposalCid).toList());
    store.message(cid).ifPresent(m -> PublishStorageDealsParams.decode(m.message().params()).deals()
        .forEach(p -> proposals.add(p.proposalCid())));
    store.forget(cid, proposals);
  }

  private static int indexOf(List<ClientDealProposal> params, Cid proposalCid) {
    for (int i = 0; i < params.size(); i++) {
      if (params.get(i).proposalCid().equals(proposalCid)) {
        return i;
      }
    }
    return -1;
  }

  private void handOff(ProviderDeal deal) {
    pipeline.apply(deal.proposalCid(), ProviderEvent.DEAL_HANDED_OFF, "waiting for a sealer to take the piece",
        d -> d.toBuilder().pieceStatus(ProviderDeal.PIECE_UNDEFINED).build());
  }
}
