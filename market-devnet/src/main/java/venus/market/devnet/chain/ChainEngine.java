package venus.market.devnet.chain;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import venus.market.devnet.DevnetException;
import venus.market.devnet.actors.MarketActor;
import venus.market.devnet.state.Bin;
import venus.market.devnet.state.ByteKey;
import venus.market.devnet.state.StateTree;
import venus.market.devnet.store.Column;
import venus.market.devnet.store.KvStore;
import venus.market.devnet.vm.Executor;
import venus.market.devnet.vm.GasSchedule;
import venus.market.devnet.vm.IdAddress;
import venus.market.devnet.vm.MessageEnvelope;
import venus.market.devnet.vm.Receipt;

/**
 * Produces tipsets (one block each): executes the pool's includable messages, runs the market
 * actor's end-of-epoch processing, and commits the state changes, the tipset and the executed
 * messages in one atomic batch, so a restart resumes at exactly the last committed height.
 *
 * <p>All state access goes through {@link #read} / this object's monitor: RPC threads read while
 * the producer writes.
 */
public final class ChainEngine {
  private static final Logger LOG = LoggerFactory.getLogger(ChainEngine.class);
  static final String HEAD_HEIGHT = "headHeight";
  /** Pending messages live in the messages column under this prefix (executed ones are keyed by bare CID bytes). */
  private static final byte[] POOL_PREFIX = "mpool/".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private final KvStore store;
  private final StateTree state;
  private final Executor executor;
  private final MarketActor market;
  private final MessagePool pool;
  private final HeaderCodec codec;
  private final long blockMinerId;
  private final List<HeadListener> listeners = new CopyOnWriteArrayList<>();
  private final List<Waiter> waiters = new ArrayList<>();
  private TipsetRecord head;

  /** Notified after each new head is committed. */
  @FunctionalInterface
  public interface HeadListener {
    void onHead(TipsetRecord head);
  }

  private record Waiter(ByteKey cid, long confidence, CompletableFuture<MessageRecord> result) {}

  public ChainEngine(KvStore store, StateTree state, Executor executor, MarketActor market,
      MessagePool pool, HeaderCodec codec, long blockMinerId) {
    this.store = store;
    this.state = state;
    this.executor = executor;
    this.market = market;
    this.pool = pool;
    this.codec = codec;
    this.blockMinerId = blockMinerId;
    long h = state.metaLong(HEAD_HEIGHT, -1);
    if (h >= 0) {
      head = tipsetAt(h).orElseThrow(() -> new DevnetException("repo head " + h + " has no tipset record"));
    }
  }

  public synchronized boolean hasGenesis() {
    return head != null;
  }

  /** Commits the genesis state (already written into the state tree) as tipset 0. */
  public synchronized TipsetRecord commitGenesis(long timestamp) {
    if (head != null) {
      throw new DevnetException("repo already has a genesis");
    }
    return commitTipset(0, timestamp, List.of(), List.of());
  }

  /** Produces the next tipset at {@code timestamp} (Unix seconds). */
  public TipsetRecord produce(long timestamp) {
    TipsetRecord next;
    synchronized (this) {
      long epoch = head.height() + 1;
      List<MessageRecord> executed = new ArrayList<>();
      List<byte[]> included = new ArrayList<>();
      long gas = 0;
      for (MessageEnvelope m : pool.select(this::stateNonce)) {
        Optional<String> problem = executor.inclusionProblem(m);
        if (problem.isPresent()) {
          LOG.debug("message {} not included: {}", new ByteKey(m.cid()), problem.get());
          continue;
        }
        if (gas + m.gasLimit() > GasSchedule.BLOCK_GAS_LIMIT) {
          break;
        }
        gas += m.gasLimit();
        Receipt r = executor.apply(m, epoch, blockMinerId);
        executed.add(new MessageRecord(m.signedCbor(), m.cid(), m.unsignedCid(), epoch, null, r));
        included.add(m.cid());
      }
      market.cronTick(epoch);
      next = commitTipset(epoch, timestamp, included, executed);
      pool.prune(this::stateNonce);
    }
    listeners.forEach(l -> l.onHead(next));
    return next;
  }

  private TipsetRecord commitTipset(long epoch, long timestamp, List<byte[]> included, List<MessageRecord> executed) {
    Bin.Writer seed = new Bin.Writer().i64(epoch);
    included.forEach(seed::bytes);
    byte[] seedBytes = seed.toBytes();
    BlockFields fields = new BlockFields(
        blockMinerId,
        head == null ? List.of() : List.of(head.blockCid()),
        BigInteger.valueOf(epoch),
        epoch,
        codec.cidOf(concat("state", seedBytes, head == null ? new byte[0] : head.header().parentStateRoot())),
        codec.cidOf(concat("receipts", seedBytes, new byte[0])),
        codec.cidOf(concat("messages", seedBytes, new byte[0])),
        timestamp,
        GasSchedule.BASE_FEE);
    byte[] cbor = codec.encode(fields);
    TipsetRecord ts = new TipsetRecord(codec.cidOf(cbor), cbor, fields, included);
    KvStore.Batch batch = new KvStore.Batch();
    state.putMetaLong(HEAD_HEIGHT, epoch);
    state.flushTo(batch);
    batch.put(Column.TIPSETS, Bin.longKey(epoch), ts.encode());
    for (MessageRecord m : executed) {
      MessageRecord withTs = new MessageRecord(m.signedCbor(), m.cid(), m.unsignedCid(), epoch, ts.blockCid(), m.receipt());
      byte[] enc = withTs.encode();
      batch.put(Column.MESSAGES, m.cid(), enc);
      batch.put(Column.MESSAGES, m.unsignedCid(), enc);
      batch.delete(Column.MESSAGES, poolKey(m.cid()));
    }
    store.commit(batch);
    head = ts;
    completeWaiters();
    return ts;
  }

  private static byte[] concat(String tag, byte[] a, byte[] b) {
    return new Bin.Writer().bytes(tag.getBytes(java.nio.charset.StandardCharsets.US_ASCII)).bytes(a).bytes(b).toBytes();
  }

  private long stateNonce(ByteKey idAddress) {
    return executor.resolve(idAddress.bytes()).stream()
        .mapToObj(id -> state.actors().get(id).map(a -> a.nonce()).orElse(0L))
        .findFirst().orElse(0L);
  }

  public synchronized TipsetRecord head() {
    return head;
  }

  public Optional<TipsetRecord> tipsetAt(long height) {
    return store.get(Column.TIPSETS, Bin.longKey(height)).map(TipsetRecord::decode);
  }

  /** Finds a tipset by its block CID (searching back from the head: a devnet chain is short). */
  public Optional<TipsetRecord> tipsetByCid(byte[] cid) {
    TipsetRecord t = head();
    while (t != null) {
      if (java.util.Arrays.equals(t.blockCid(), cid)) {
        return Optional.of(t);
      }
      if (t.height() == 0) {
        return Optional.empty();
      }
      t = tipsetAt(t.height() - 1).orElse(null);
    }
    return Optional.empty();
  }

  /** An executed message by its signed or unsigned CID. */
  public Optional<MessageRecord> message(byte[] cid) {
    return store.get(Column.MESSAGES, cid).map(MessageRecord::decode);
  }

  /** Completes once the message is executed and {@code confidence} tipsets are on top of it. */
  public synchronized CompletableFuture<MessageRecord> awaitMessage(byte[] cid, long confidence) {
    CompletableFuture<MessageRecord> f = new CompletableFuture<>();
    waiters.add(new Waiter(new ByteKey(cid), confidence, f));
    completeWaiters();
    return f;
  }

  private void completeWaiters() {
    for (Iterator<Waiter> it = waiters.iterator(); it.hasNext(); ) {
      Waiter w = it.next();
      if (w.result().isDone()) {
        it.remove();
        continue;
      }
      Optional<MessageRecord> m = message(w.cid().bytes());
      if (m.isPresent() && head.height() >= m.get().height() + w.confidence()) {
        w.result().complete(m.get());
        it.remove();
      }
    }
  }

  public void addListener(HeadListener l) {
    listeners.add(l);
  }

  public void removeListener(HeadListener l) {
    listeners.remove(l);
  }

  /** Runs {@code f} on the state under the engine's lock. */
  public synchronized <T> T read(Function<StateTree, T> f) {
    return f.apply(state);
  }

  /**
   * Puts back the pool as it was when the devnet stopped (lotus keeps locally pushed messages in its datastore and
   * re-adds them at start): without this a kill lost every pending message, and a market daemon waiting for its
   * AddBalance or PublishStorageDeals waited forever. Messages the chain can no longer take are dropped.
   */
  public synchronized int restorePool(java.util.function.Function<byte[], MessageEnvelope> decode) {
    List<byte[]> keys = new ArrayList<>();
    List<byte[]> values = new ArrayList<>();
    store.forEach(Column.MESSAGES, (k, v) -> {
      if (isPoolKey(k)) {
        keys.add(k);
        values.add(v);
      }
    });
    KvStore.Batch stale = new KvStore.Batch();
    int restored = 0;
    for (int i = 0; i < keys.size(); i++) {
      try {
        MessageEnvelope m = decode.apply(values.get(i));
        long from = executor.resolve(m.from()).orElseThrow(() -> new MessagePool.MpoolException("no sender"));
        pool.add(m, new ByteKey(IdAddress.of(from)), state.actor(from).nonce());
        restored++;
      } catch (RuntimeException e) {
        stale.delete(Column.MESSAGES, keys.get(i));
      }
    }
    if (!stale.isEmpty()) {
      store.commit(stale);
    }
    return restored;
  }

  private static byte[] poolKey(byte[] cid) {
    byte[] k = java.util.Arrays.copyOf(POOL_PREFIX, POOL_PREFIX.length + cid.length);
    System.arraycopy(cid, 0, k, POOL_PREFIX.length, cid.length);
    return k;
  }

  private static boolean isPoolKey(byte[] k) {
    return k.length > POOL_PREFIX.length
        && java.util.Arrays.equals(k, 0, POOL_PREFIX.length, POOL_PREFIX, 0, POOL_PREFIX.length);
  }

  /** Validates and adds a message to the pool under the engine's lock; it survives a restart until included. */
  public synchronized void push(MessageEnvelope m) {
    long from = executor.resolve(m.from())
        .orElseThrow(() -> new MessagePool.MpoolException("sender actor not found"));
    var sender = state.actor(from);
    if (!sender.kind().isSignable()) {
      throw new MessagePool.MpoolException("sender t0" + from + " is not an account actor");
    }
    if (sender.balance().compareTo(m.requiredFunds()) < 0) {
      throw new MessagePool.MpoolException("not enough funds including cost of gas: balance "
          + sender.balance() + " < required " + m.requiredFunds());
    }
    pool.add(m, new ByteKey(IdAddress.of(from)), sender.nonce());
    store.commit(new KvStore.Batch().put(Column.MESSAGES, poolKey(m.cid()), m.signedCbor()));
  }

  /** Next nonce for an address, counting its pending messages. */
  public synchronized long nextNonce(byte[] address) {
    long from = executor.resolve(address)
        .orElseThrow(() -> new MessagePool.MpoolException("actor not found"));
    return pool.nextNonce(new ByteKey(IdAddress.of(from)), state.actor(from).nonce());
  }

  public Executor executor() {
    return executor;
  }

  public MessagePool pool() {
    return pool;
  }
}
