package venus.market.devnet.chain;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import venus.market.devnet.DevnetException;
import venus.market.devnet.state.ByteKey;
import venus.market.devnet.vm.MessageEnvelope;

/**
 * Pending messages per sender, ordered by nonce. A message with the nonce of a pending one replaces
 * it only with a premium at least 25% higher (lotus' replace-by-fee rule). Selection takes, per
 * sender in arrival order, the run of consecutive nonces that starts at the sender's state nonce.
 * Guarded by its own monitor: RPC threads push while the block producer selects.
 */
public final class MessagePool {
  /** lotus MaxNonceGap-like bound so one sender cannot fill the pool with far-future nonces. */
  static final int MAX_PENDING_PER_SENDER = 1000;
  private final Map<ByteKey, TreeMap<Long, MessageEnvelope>> bySender = new LinkedHashMap<>();

  /** Adds a message; {@code stateNonce} is the sender's current nonce in the head state. */
  public synchronized void add(MessageEnvelope m, ByteKey sender, long stateNonce) {
    if (m.nonce() < stateNonce) {
      throw new MpoolException("minimum expected nonce is " + stateNonce + ", message has " + m.nonce());
    }
    TreeMap<Long, MessageEnvelope> pending = bySender.computeIfAbsent(sender, k -> new TreeMap<>());
    MessageEnvelope existing = pending.get(m.nonce());
    if (existing != null) {
      if (java.util.Arrays.equals(existing.cid(), m.cid())) {
        return;
      }
      BigInteger needed = existing.gasPremium().multiply(BigInteger.valueOf(125)).divide(BigInteger.valueOf(100));
      if (m.gasPremium().compareTo(needed) < 0) {
        throw new MpoolException("replace by fee needs a premium of at least " + needed + ", got " + m.gasPremium());
      }
    } else if (pending.size() >= MAX_PENDING_PER_SENDER) {
      throw new MpoolException("too many pending messages for sender (" + MAX_PENDING_PER_SENDER + ")");
    }
    pending.put(m.nonce(), m);
  }

  /** Next nonce for a sender: after its last consecutive pending message, else the state nonce. */
  public synchronized long nextNonce(ByteKey sender, long stateNonce) {
    TreeMap<Long, MessageEnvelope> pending = bySender.get(sender);
    long n = stateNonce;
    while (pending != null && pending.containsKey(n)) {
      n++;
    }
    return n;
  }

  /** Candidate messages for the next block, consecutive per sender from its state nonce. */
  public synchronized List<MessageEnvelope> select(java.util.function.ToLongFunction<ByteKey> stateNonce) {
    List<MessageEnvelope> out = new ArrayList<>();
    for (Map.Entry<ByteKey, TreeMap<Long, MessageEnvelope>> e : bySender.entrySet()) {
      long n = stateNonce.applyAsLong(e.getKey());
      while (e.getValue().containsKey(n)) {
        out.add(e.getValue().get(n));
        n++;
      }
    }
    return out;
  }

  /** Drops messages whose nonce the chain has passed (included or replaced). */
  public synchronized void prune(java.util.function.ToLongFunction<ByteKey> stateNonce) {
    bySender.entrySet().removeIf(e -> {
      e.getValue().headMap(stateNonce.applyAsLong(e.getKey())).clear();
      return e.getValue().isEmpty();
    });
  }

  public synchronized List<MessageEnvelope> pending() {
    List<MessageEnvelope> out = new ArrayList<>();
    bySender.values().forEach(m -> out.addAll(m.values()));
    return out;
  }

  /** A message the pool refuses. */
  public static final class MpoolException extends DevnetException {
    public MpoolException(String message) {
      super(message);
    }
  }
}
