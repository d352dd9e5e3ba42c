package venus.market.daemon.publish;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import venus.market.core.chain.SignedMessage;
import venus.market.core.multiformats.Cid;
import venus.market.daemon.store.KvStore;

/**
 * The signed PublishStorageDeals messages the publisher is about to push or has pushed, and for each deal of a batch
 * the message that carries it. Both are written in ONE atomic store write before the message is pushed, so after a
 * crash every deal of the batch is either in that message (and the same signed bytes are pushed again — same nonce,
 * same CID, never a second publication) or in none.
 */
final class PublishStore {
  private static final String MSG = "/storage/provider/publish/msg/";
  private static final String DEAL = "/storage/provider/publish/deal/";

  private final KvStore store;

  PublishStore(KvStore store) {
    this.store = store;
  }

  void save(SignedMessage msg, Collection<Cid> proposalCids) {
    Map<String, byte[]> puts = new HashMap<>();
    String cid = msg.cid().toString();
    puts.put(MSG + cid, msg.toCbor());
    for (Cid p : proposalCids) {
      puts.put(DEAL + p, cid.getBytes(StandardCharsets.UTF_8));
    }
    store.write(puts, List.of());
  }

  /** The publish message a deal was put in, if a batch holding it was saved. */
  Optional<Cid> messageOf(Cid proposalCid) {
    return store.get(DEAL + proposalCid).map(b -> Cid.parse(new String(b, StandardCharsets.UTF_8)));
  }

  Optional<SignedMessage> message(Cid msgCid) {
    return store.get(MSG + msgCid).map(SignedMessage::fromCbor);
  }

  /** Every saved message (the ones whose outcome has not been handled yet). */
  List<SignedMessage> messages() {
    List<SignedMessage> out = new ArrayList<>();
    for (byte[] v : store.scan(MSG).values()) {
      out.add(SignedMessage.fromCbor(v));
    }
    return out;
  }

  /** Drops a handled message and its deals' pointers. */
  void forget(Cid msgCid, Collection<Cid> proposalCids) {
    List<String> deletes = new ArrayList<>();
    deletes.add(MSG + msgCid);
    for (Cid p : proposalCids) {
      deletes.add(DEAL + p);
    }
    store.write(Map.of(), deletes);
  }
}
