package venus.market.devnet.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import venus.market.core.crypto.Blake2b;
import venus.market.devnet.actors.BuiltinIds;
import venus.market.devnet.actors.MarketActor;
import venus.market.devnet.state.ActorKind;
import venus.market.devnet.state.StateTree;
import venus.market.devnet.store.RocksKvStore;
import venus.market.devnet.vm.ActorError;
import venus.market.devnet.vm.ExitCode;
import venus.market.devnet.vm.Executor;
import venus.market.devnet.vm.GasSchedule;
import venus.market.devnet.vm.IdAddress;
import venus.market.devnet.vm.MessageEnvelope;

class ChainEngineTest {
  static final byte[] ALICE = {1, 1, 2, 3};
  static final byte[] BOB = {1, 4, 5, 6};
  static final BigInteger FIL = BigInteger.TEN.pow(18);

  @TempDir Path dir;

  /** Header "codec" for tests: the bytes are the Bin form, the CID a blake2b of them. */
  static final HeaderCodec CODEC = new HeaderCodec() {
    @Override
    public byte[] encode(BlockFields h) {
      return new venus.market.devnet.state.Bin.Writer().i64(h.height()).i64(h.timestamp()).toBytes();
    }

    @Override
    public byte[] cidOf(byte[] cbor) {
      return Blake2b.sum256(cbor);
    }
  };

  ChainEngine open(RocksKvStore store) {
    StateTree state = StateTree.load(store);
    MarketActor market = new MarketActor(state);
    Executor ex = new Executor(state, call -> {
      if (call.method() == 99) {
        throw ActorError.illegalArgument("boom");
      }
      return new byte[] {(byte) call.method()};
    });
    ChainEngine e = new ChainEngine(store, state, ex, market, new MessagePool(), CODEC, BuiltinIds.FIRST_MINER);
    if (!e.hasGenesis()) {
      state.createActorWithId(BuiltinIds.BURNT_FUNDS, ActorKind.ACCOUNT, null);
      state.createActorWithId(BuiltinIds.FIRST_MINER, ActorKind.MINER, null);
      state.createActorWithId(100, ActorKind.ACCOUNT, ALICE);
      state.addBalance(100, FIL.multiply(BigInteger.valueOf(100)));
      state.putMetaLong(StateTree.NEXT_ACTOR_ID, 1001);
      e.commitGenesis(1000);
    }
    return e;
  }

  static MessageEnvelope msg(byte[] from, byte[] to, long nonce, BigInteger value, long method) {
    byte[] cid = Blake2b.sum256(new byte[] {from[1], to[1], (byte) nonce, (byte) method});
    return new MessageEnvelope(cid, cid, from, to, nonce, value, GasSchedule.estimateLimit(method, 0),
        GasSchedule.estimateFeeCap(GasSchedule.DEFAULT_PREMIUM), GasSchedule.DEFAULT_PREMIUM, method,
        new byte[0], new byte[] {1});
  }

  static long nonce(ChainEngine e) {
    return e.<Long>read(s -> s.actor(100).nonce());
  }

  static BigInteger balance(ChainEngine e, long id) {
    return e.<BigInteger>read(s -> s.actor(id).balance());
  }

  @Test
  void sendCreatesAccountChargesGasAndSurvivesRestart() throws Exception {
    byte[] cid;
    BigInteger aliceAfter;
    try (RocksKvStore store = RocksKvStore.open(dir)) {
      ChainEngine e = open(store);
      MessageEnvelope m = msg(ALICE, BOB, 0, FIL, 0);
      cid = m.cid();
      e.push(m);
      assertThat(e.nextNonce(ALICE)).isEqualTo(1);
      var waiter = e.awaitMessage(cid, 1);
      e.produce(1002);
      assertThat(waiter).isNotDone();
      e.produce(1004);
      MessageRecord rec = waiter.get(1, TimeUnit.SECONDS);
      assertThat(rec.height()).isEqualTo(1);
      assertThat(rec.receipt().exitCode()).isEqualTo(ExitCode.OK);
      long bob = e.read(s -> s.lookupRobust(BOB).orElseThrow());
      assertThat(bob).isEqualTo(1001);
      BigInteger gas = BigInteger.valueOf(GasSchedule.gasUsed(0, 0))
          .multiply(GasSchedule.BASE_FEE.add(GasSchedule.DEFAULT_PREMIUM));
      aliceAfter = e.read(s -> s.actor(100).balance());
      assertThat(aliceAfter).isEqualTo(FIL.multiply(BigInteger.valueOf(99)).subtract(gas));
    }
    try (RocksKvStore store = RocksKvStore.open(dir)) {
      ChainEngine e = open(store);
      assertThat(e.head().height()).isEqualTo(2);
      assertThat(balance(e, 100)).isEqualTo(aliceAfter);
      assertThat(nonce(e)).isEqualTo(1L);
      assertThat(e.message(cid)).isPresent();
      assertThat(e.tipsetAt(1).orElseThrow().messageCids()).hasSize(1);
      assertThat(e.tipsetAt(2).orElseThrow().header().parents().get(0)).isEqualTo(e.tipsetAt(1).orElseThrow().blockCid());
      e.produce(1006);
      assertThat(e.head().height()).isEqualTo(3);
    }
  }

  @Test
  void failedActorCallKeepsNonceAndGasButNotValue() {
    try (RocksKvStore store = RocksKvStore.open(dir)) {
      ChainEngine e = open(store);
      e.push(msg(ALICE, IdAddress.of(BuiltinIds.FIRST_MINER), 0, FIL, 99));
      e.produce(1002);
      MessageRecord rec = e.message(msg(ALICE, IdAddress.of(BuiltinIds.FIRST_MINER), 0, FIL, 99).cid()).orElseThrow();
      assertThat(rec.receipt().exitCode()).isEqualTo(ExitCode.USR_ILLEGAL_ARGUMENT);
      assertThat(nonce(e)).isEqualTo(1L);
      BigInteger minerBalance = e.read(s -> s.actor(BuiltinIds.FIRST_MINER).balance());
      // only the gas premium reached the miner, not the 1 FIL value
      assertThat(minerBalance).isLessThan(FIL);
      assertThat(minerBalance).isPositive();
    }
  }

  @Test
  void messagesWaitForTheirNonceAndUnderfundedAreRefused() {
    try (RocksKvStore store = RocksKvStore.open(dir)) {
      ChainEngine e = open(store);
      e.push(msg(ALICE, BOB, 1, BigInteger.ONE, 0));
      e.produce(1002);
      assertThat(nonce(e)).isZero();
      e.push(msg(ALICE, BOB, 0, BigInteger.ONE, 0));
      e.produce(1004);
      assertThat(nonce(e)).isEqualTo(2L);
      assertThatThrownBy(() -> e.push(msg(ALICE, BOB, 2, FIL.multiply(BigInteger.valueOf(1000)), 0)))
          .isInstanceOf(MessagePool.MpoolException.class)
          .hasMessageContaining("not enough funds");
      assertThatThrownBy(() -> e.push(msg(ALICE, BOB, 0, BigInteger.ONE, 0)))
          .isInstanceOf(MessagePool.MpoolException.class)
          .hasMessageContaining("minimum expected nonce is 2");
      assertThat(e.pool().pending()).isEmpty();
      assertThat(List.of(e.head().height())).containsExactly(2L);
    }
  }
}
