package venus.market.devnet.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import venus.market.devnet.store.KvStore;
import venus.market.devnet.store.RocksKvStore;

class StateTreePersistenceTest {
  @TempDir Path dir;

  @Test
  void committedStateSurvivesReopenAndUncommittedDoesNot() {
    try (RocksKvStore store = RocksKvStore.open(dir)) {
      StateTree t = StateTree.load(store);
      t.createActorWithId(100, ActorKind.ACCOUNT, new byte[] {1, 2, 3});
      t.addBalance(100, BigInteger.valueOf(12345));
      t.createActor(ActorKind.MINER, null);
      t.miners().put(1000L, new MinerRecord(1000, 100, 100, List.of(100L), new byte[] {9}, List.of(new byte[] {4, 5}), 8 << 20, 5, 10));
      t.sectors().put(new SectorKey(1000, 7), new SectorRecord(1000, 7, 5, new byte[] {1}, null, List.of(3L), 1, 99, 2, -1));
      t.escrow().put(100L, new EscrowRecord(BigInteger.TEN, BigInteger.ONE));
      t.putMetaLong("height", 42);
      KvStore.Batch b = new KvStore.Batch();
      t.flushTo(b);
      store.commit(b);
      t.addBalance(100, BigInteger.ONE); // never flushed
    }
    try (RocksKvStore store = RocksKvStore.open(dir)) {
      StateTree t = StateTree.load(store);
      assertThat(t.actor(100).balance()).isEqualTo(BigInteger.valueOf(12345));
      assertThat(t.lookupRobust(new byte[] {1, 2, 3})).contains(100L);
      assertThat(t.actor(1000).kind()).isEqualTo(ActorKind.MINER);
      assertThat(t.metaLong(StateTree.NEXT_ACTOR_ID, 0)).isEqualTo(1001);
      assertThat(t.miners().get(1000L).orElseThrow().multiaddrs().get(0)).containsExactly(4, 5);
      assertThat(t.sectors().get(new SectorKey(1000, 7)).orElseThrow().dealIds()).containsExactly(3L);
      assertThat(t.escrowOf(100)).isEqualTo(new EscrowRecord(BigInteger.TEN, BigInteger.ONE));
      assertThat(t.metaLong("height", 0)).isEqualTo(42);
    }
  }
}
