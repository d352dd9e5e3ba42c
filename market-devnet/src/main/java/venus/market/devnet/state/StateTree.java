package venus.market.devnet.state;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import venus.market.devnet.DevnetException;
import venus.market.devnet.store.Column;
import venus.market.devnet.store.KvStore;

/**
 * The whole devnet state: actors and their addresses, miners and sectors, the market actor's
 * balance table and deals, and counters. Held in memory; {@link #flushTo} writes the rows changed
 * since the last flush into the tipset's batch so a restart reloads exactly the committed state.
 *
 * <p>Message execution runs inside {@link #begin()} / {@link #commit()} / {@link #rollback()} so an
 * actor error undoes every change the message made (gas and nonce are charged outside).
 */
public final class StateTree {
  private final Table<Long, ActorRecord> actors =
      new Table<>(Column.ACTORS, Bin::longKey, ActorRecord::encode);
  private final Table<ByteKey, Long> addresses =
      new Table<>(Column.ADDRESSES, ByteKey::bytes, Bin::longKey);
  private final Table<Long, MinerRecord> miners =
      new Table<>(Column.MINERS, Bin::longKey, MinerRecord::encode);
  private final Table<SectorKey, SectorRecord> sectors =
      new Table<>(Column.SECTORS, SectorKey::encode, SectorRecord::encode);
  private final Table<Long, EscrowRecord> escrow =
      new Table<>(Column.ESCROW, Bin::longKey, EscrowRecord::encode);
  private final Table<Long, DealRecord> deals =
      new Table<>(Column.DEALS, Bin::longKey, DealRecord::encode);
  private final Table<String, byte[]> meta =
      new Table<>(Column.META, s -> s.getBytes(StandardCharsets.UTF_8), v -> v);
  private final List<Table<?, ?>> all = List.of(actors, addresses, miners, sectors, escrow, deals, meta);

  public static final String NEXT_ACTOR_ID = "nextActorId";
  public static final String NEXT_DEAL_ID = "nextDealId";

  /** Loads the committed state of a repo (empty tables for a new repo). */
  public static StateTree load(KvStore store) {
    StateTree t = new StateTree();
    t.actors.load(store, Bin::keyLong, ActorRecord::decode);
    t.addresses.load(store, ByteKey::new, Bin::keyLong);
    t.miners.load(store, Bin::keyLong, MinerRecord::decode);
    t.sectors.load(store, SectorKey::decode, SectorRecord::decode);
    t.escrow.load(store, Bin::keyLong, EscrowRecord::decode);
    t.deals.load(store, Bin::keyLong, DealRecord::decode);
    t.meta.load(store, b -> new String(b, StandardCharsets.UTF_8), v -> v);
    return t;
  }

  public Table<Long, ActorRecord> actors() {
    return actors;
  }

  public Table<Long, MinerRecord> miners() {
    return miners;
  }

  public Table<SectorKey, SectorRecord> sectors() {
    return sectors;
  }

  public Table<Long, EscrowRecord> escrow() {
    return escrow;
  }

  public Table<Long, DealRecord> deals() {
    return deals;
  }

  public Table<ByteKey, Long> addresses() {
    return addresses;
  }

  public ActorRecord actor(long id) {
    return actors.get(id).orElseThrow(() -> new DevnetException("no actor with id " + id));
  }

  public Optional<Long> lookupRobust(byte[] robustAddressBytes) {
    return addresses.get(new ByteKey(robustAddressBytes));
  }

  public EscrowRecord escrowOf(long id) {
    return escrow.get(id).orElse(EscrowRecord.EMPTY);
  }

  /** Creates an actor with the next free id (and registers its robust address, if any). */
  public ActorRecord createActor(ActorKind kind, byte[] robustAddress) {
    long id = metaLong(NEXT_ACTOR_ID, 1000);
    putMetaLong(NEXT_ACTOR_ID, id + 1);
    return createActorWithId(id, kind, robustAddress);
  }

  /** Creates an actor at a fixed id (genesis singletons, genesis accounts). */
  public ActorRecord createActorWithId(long id, ActorKind kind, byte[] robustAddress) {
    if (actors.get(id).isPresent()) {
      throw new DevnetException("actor id " + id + " already exists");
    }
    ActorRecord a = new ActorRecord(id, kind, robustAddress, BigInteger.ZERO, 0);
    actors.put(id, a);
    if (robustAddress != null) {
      addresses.put(new ByteKey(robustAddress), id);
    }
    return a;
  }

  public void addBalance(long id, BigInteger delta) {
    ActorRecord a = actor(id);
    BigInteger nb = a.balance().add(delta);
    if (nb.signum() < 0) {
      throw new DevnetException("balance of actor " + id + " would go negative");
    }
    actors.put(id, a.withBalance(nb));
  }

  public long nextDealId() {
    long id = metaLong(NEXT_DEAL_ID, 0);
    putMetaLong(NEXT_DEAL_ID, id + 1);
    return id;
  }

  public long metaLong(String key, long dflt) {
    return meta.get(key).map(Bin::keyLong).orElse(dflt);
  }

  public void putMetaLong(String key, long value) {
    meta.put(key, Bin.longKey(value));
  }

  public Optional<byte[]> metaBytes(String key) {
    return meta.get(key);
  }

  public void putMetaBytes(String key, byte[] value) {
    meta.put(key, value);
  }

  public void begin() {
    all.forEach(Table::begin);
  }

  public void commit() {
    all.forEach(Table::commitTransaction);
  }

  public void rollback() {
    all.forEach(Table::rollback);
  }

  /** Adds every row changed since the last flush to {@code batch}. */
  public void flushTo(KvStore.Batch batch) {
    all.forEach(t -> t.flushTo(batch));
  }
}
