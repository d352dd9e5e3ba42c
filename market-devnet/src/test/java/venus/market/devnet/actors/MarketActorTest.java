package venus.market.devnet.actors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import venus.market.devnet.state.ActorKind;
import venus.market.devnet.state.EscrowRecord;
import venus.market.devnet.state.MinerRecord;
import venus.market.devnet.state.StateTree;
import venus.market.devnet.store.KvStore;
import venus.market.devnet.vm.ActorError;
import venus.market.devnet.vm.ExitCode;

class MarketActorTest {
  static final long CLIENT = 100;
  static final long WORKER = 101;
  static final long OWNER = 102;
  static final long STRANGER = 103;
  static final long MINER = 1000;
  static final byte[] CLIENT_KEY = {1, 9, 9};
  static final byte[] GOOD_SIG = {1, 42};
  static final SignatureVerifier VERIFIER = (key, sig, data) -> sig[1] == 42 && key == CLIENT_KEY;

  StateTree state;
  MarketActor market;
  int nonce;

  @BeforeEach
  void setUp() {
    state = StateTree.load(new EmptyStore());
    for (long id : new long[] {CLIENT, WORKER, OWNER, STRANGER}) {
      state.createActorWithId(id, ActorKind.ACCOUNT, new byte[] {1, (byte) id});
      state.addBalance(id, fil(1000));
    }
    state.createActorWithId(BuiltinIds.MARKET, ActorKind.MARKET, null);
    state.createActorWithId(BuiltinIds.BURNT_FUNDS, ActorKind.ACCOUNT, null);
    state.createActorWithId(MINER, ActorKind.MINER, null);
    state.miners().put(MINER, new MinerRecord(MINER, OWNER, WORKER, List.of(), null, List.of(), 8 << 20, 5, 10));
    market = new MarketActor(state);
    market.addBalance(CLIENT, CLIENT, fil(10));
    market.addBalance(WORKER, MINER, fil(10));
    state.addBalance(BuiltinIds.MARKET, fil(20));
  }

  @Test
  void batchWithOneBadDealPublishesTheOthers() {
    List<DealInput> deals = new ArrayList<>();
    deals.add(deal(1000, 1000 + MarketPolicy.MIN_DEAL_DURATION, GOOD_SIG));
    deals.add(deal(1000, 1000 + MarketPolicy.MIN_DEAL_DURATION, new byte[] {1, 7})); // bad signature
    deals.add(deal(2000, 2000 + MarketPolicy.MIN_DEAL_DURATION, GOOD_SIG));

    PublishResult r = market.publishStorageDeals(WORKER, 10, deals, VERIFIER);

    assertThat(r.validIndexes()).containsExactly(0, 2);
    assertThat(r.dealIds()).containsExactly(0L, 1L);
    assertThat(state.deals().rows()).hasSize(2);
    EscrowRecord client = state.escrowOf(CLIENT);
    BigInteger expectedLock = deals.get(0).clientBalanceRequirement().add(deals.get(2).clientBalanceRequirement());
    assertThat(client.locked()).isEqualTo(expectedLock);
  }

  @Test
  void eachValidationRuleDropsItsDeal() {
    long d = MarketPolicy.MIN_DEAL_DURATION;
    List<DealInput> deals = List.of(
        deal(5, 5 + d, GOOD_SIG), // start epoch elapsed at 10
        deal(100, 100 + d - 1, GOOD_SIG), // too short
        deal(100, 100 + MarketPolicy.MAX_DEAL_DURATION + 1, GOOD_SIG), // too long
        withPieceSize(deal(100, 100 + d, GOOD_SIG), 1000), // not a power of two
        withPrice(deal(100, 100 + d, GOOD_SIG), fil(1)), // client cannot pay
        deal(100, 100 + d, GOOD_SIG));
    PublishResult r = market.publishStorageDeals(WORKER, 10, deals, VERIFIER);
    assertThat(r.validIndexes()).containsExactly(5);
  }

  @Test
  void duplicateProposalIsDroppedAcrossMessages() {
    DealInput d = deal(100, 100 + MarketPolicy.MIN_DEAL_DURATION, GOOD_SIG);
    market.publishStorageDeals(WORKER, 10, List.of(d), VERIFIER);
    assertThatThrownBy(() -> market.publishStorageDeals(WORKER, 10, List.of(d), VERIFIER))
        .isInstanceOf(ActorError.class)
        .satisfies(e -> assertThat(((ActorError) e).exitCode()).isEqualTo(ExitCode.USR_ILLEGAL_ARGUMENT))
        .hasMessageContaining("All deal proposals invalid");
  }

  @Test
  void onlyWorkerOrControlMayPublish() {
    DealInput d = deal(100, 100 + MarketPolicy.MIN_DEAL_DURATION, GOOD_SIG);
    assertThatThrownBy(() -> market.publishStorageDeals(STRANGER, 10, List.of(d), VERIFIER))
        .isInstanceOf(ActorError.class)
        .satisfies(e -> assertThat(((ActorError) e).exitCode()).isEqualTo(ExitCode.USR_FORBIDDEN));
  }

  @Test
  void activeDealPaysProviderEachEpochAndSettlesAtEnd() {
    DealInput in = withPrice(deal(100, 100 + MarketPolicy.MIN_DEAL_DURATION, GOOD_SIG), BigInteger.TEN);
    long id = market.publishStorageDeals(WORKER, 10, List.of(in), VERIFIER).dealIds().get(0);
    market.activateDeals(MINER, 1, 100 + MarketPolicy.MIN_DEAL_DURATION, List.of(id), 50);
    market.cronTick(150);
    assertThat(state.escrowOf(MINER).escrow()).isEqualTo(fil(10).add(BigInteger.valueOf(500)));
    market.cronTick(100 + MarketPolicy.MIN_DEAL_DURATION);
    assertThat(state.deals().get(id)).isEmpty();
    assertThat(state.escrowOf(CLIENT).locked()).isZero();
    assertThat(state.escrowOf(MINER).locked()).isZero();
    assertThat(state.escrowOf(CLIENT).escrow())
        .isEqualTo(fil(10).subtract(BigInteger.TEN.multiply(BigInteger.valueOf(MarketPolicy.MIN_DEAL_DURATION))));
  }

  @Test
  void unactivatedDealTimesOutAndBurnsProviderCollateral() {
    DealInput in = deal(100, 100 + MarketPolicy.MIN_DEAL_DURATION, GOOD_SIG);
    long id = market.publishStorageDeals(WORKER, 10, List.of(in), VERIFIER).dealIds().get(0);
    BigInteger burnt = state.actor(BuiltinIds.BURNT_FUNDS).balance();
    market.cronTick(100);
    assertThat(state.deals().get(id)).isEmpty();
    assertThat(state.actor(BuiltinIds.BURNT_FUNDS).balance()).isEqualTo(burnt.add(in.providerCollateral()));
    assertThat(state.escrowOf(CLIENT).locked()).isZero();
  }

  @Test
  void withdrawTakesOnlyUnlockedFundsAndPaysTheOwnerForAMiner() {
    market.publishStorageDeals(WORKER, 10, List.of(deal(100, 100 + MarketPolicy.MIN_DEAL_DURATION, GOOD_SIG)), VERIFIER);
    BigInteger ownerBefore = state.actor(OWNER).balance();
    BigInteger out = market.withdrawBalance(WORKER, MINER, fil(100));
    assertThat(out).isEqualTo(fil(10).subtract(state.escrowOf(MINER).locked()));
    assertThat(state.actor(OWNER).balance()).isEqualTo(ownerBefore.add(out));
    assertThatThrownBy(() -> market.withdrawBalance(STRANGER, CLIENT, BigInteger.ONE))
        .isInstanceOf(ActorError.class);
  }

  @Test
  void rollbackUndoesAFailedMessage() {
    state.begin();
    market.addBalance(CLIENT, CLIENT, fil(1));
    state.rollback();
    assertThat(state.escrowOf(CLIENT).escrow()).isEqualTo(fil(10));
  }

  DealInput deal(long start, long end, byte[] sig) {
    byte[] cid = {(byte) nonce++, (byte) start, (byte) end};
    return new DealInput(CLIENT, CLIENT_KEY, MINER, true, new byte[] {7}, 2048, false, 0, start, end,
        BigInteger.ZERO, MarketPolicy.minProviderCollateral(2048), BigInteger.ZERO, new byte[] {1}, sig,
        new byte[] {2}, cid);
  }

  static DealInput withPieceSize(DealInput d, long size) {
    return new DealInput(d.clientId(), d.clientKeyAddress(), d.providerId(), true, d.pieceCid(), size, false, 0,
        d.startEpoch(), d.endEpoch(), d.pricePerEpoch(), d.providerCollateral(), d.clientCollateral(),
        d.signedBytes(), d.signature(), d.onChainCbor(), d.onChainCid());
  }

  static DealInput withPrice(DealInput d, BigInteger price) {
    return new DealInput(d.clientId(), d.clientKeyAddress(), d.providerId(), true, d.pieceCid(), d.pieceSize(),
        false, 0, d.startEpoch(), d.endEpoch(), price, d.providerCollateral(), d.clientCollateral(),
        d.signedBytes(), d.signature(), d.onChainCbor(), d.onChainCid());
  }

  static BigInteger fil(long n) {
    return BigInteger.valueOf(n).multiply(MarketPolicy.ATTO_PER_FIL);
  }

  /** A store with nothing in it, for tests that never commit. */
  static final class EmptyStore implements KvStore {
    @Override
    public java.util.Optional<byte[]> get(venus.market.devnet.store.Column c, byte[] k) {
      return java.util.Optional.empty();
    }

    @Override
    public void forEach(venus.market.devnet.store.Column c, java.util.function.BiConsumer<byte[], byte[]> v) {}

    @Override
    public void commit(Batch b) {}

    @Override
    public void close() {}
  }
}
