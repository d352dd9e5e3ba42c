package venus.market.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import venus.market.core.address.Address;
import venus.market.core.amount.TokenAmount;
import venus.market.core.market.ClientDealProposal;
import venus.market.core.miner.MinerMethods;
import venus.market.core.multiformats.Cid;
import venus.market.core.piece.CommPHasher;
import venus.market.core.piece.PaddedPieceSize;
import venus.market.core.piece.PieceCid;
import venus.market.core.storagemarket.StorageDealStatus;
import venus.market.daemon.deals.DealStateMachine;
import venus.market.daemon.deals.KvDealStore;
import venus.market.daemon.deals.ProviderDeal;
import venus.market.daemon.deals.ProviderEvent;
import venus.market.daemon.store.RocksKvStore;

/**
 * The sealing stage with four processes: the devnet, the provider, and {@code market-devnet sealer} (the stand-in for
 * venus-sealer, as the demo runs it) each in a JVM of its own. One sector of deals is carried from
 * AwaitingPreCommit to Active while, at each step, one process is killed with SIGKILL and restarted: the sealer
 * between AssignUnPackedDeals and UpdateDealOnPacking and again with the sector pre-committed but not proven; the
 * provider with the deals Packing, Sealing and (written into its stopped store) Finalizing; the devnet with the
 * PreCommitSectorBatch2 and then the ProveCommitSectors3 pushed but not yet in a tipset. The sealer's test-only hold
 * directory stops it before a step, and the devnet runs without tipsets (block time 1 h) while a message must stay
 * in flight, so every kill lands exactly where the table says.
 *
 * <p>Afterwards the chain itself (every executed message in the devnet's store) must show each deal published by
 * exactly one PublishStorageDeals, the sector pre-committed once and proven once, each deal activated once and in
 * that sector; the provider's store every deal Active in that sector, no escrow reservation, and the collateral
 * locked on chain exactly the deals'.
 */
class SealerCrashTest {
  static final Duration STEP = Duration.ofSeconds(90);
  static final Duration FAST = Duration.ofMillis(250);
  /** No tipset at all: a message pushed now stays in the pool until the devnet is killed. */
  static final Duration STILL = Duration.ofHours(1);
  static final int DEALS = 3;
  /** Bytes of each piece: 2032 unpadded = 2048 padded. */
  static final int PIECE_BYTES = 2032;
  static final long PIECE_SIZE = 2048;

  @TempDir Path tmp;
  DevnetProcess devnet;
  ProviderProcess provider;
  SealerProcess sealer;
  final CrashTable table = new CrashTable();

  @AfterEach
  void tearDown() {
    ProgramProcess.closeAll(sealer, provider, devnet);
  }

  @Test
  void aSectorOfDealsIsSealedOnceThroughKillsOfTheSealerTheProviderAndTheDevnet() throws Exception {
    Path logs = Paths.get("target", "sealer-crash-logs");
    devnet = new DevnetProcess(tmp.resolve("devnet"), logs.resolve("devnet.log"), FAST).start();
    // The chain tracker (Sealing, Active) polls every 300 ms instead of every minute.
    provider = new ProviderProcess(tmp.resolve("market"), tmp.resolve("pieces"), logs.resolve("provider.log"), devnet,
        ProviderCrashTest.POLICY).withEnv(Map.of("VENUS_MARKET_CHAIN_POLL", "300ms"));
    DealSeeder seeder = new DealSeeder(devnet);
    seeder.fundClient(DEALS + 1);

    // Real pieces in the shared piece directory (what import-data stores), deals for them seeded as verified.
    Files.createDirectories(provider.pieces());
    Map<Cid, byte[]> pieces = new HashMap<>();
    List<ClientDealProposal> proposals = new ArrayList<>();
    for (int i = 0; i < DEALS; i++) {
      byte[] bytes = new byte[PIECE_BYTES];
      new Random(100 + i).nextBytes(bytes);
      CommPHasher h = new CommPHasher(new PaddedPieceSize(PIECE_SIZE));
      h.write(bytes);
      Cid piece = PieceCid.v1(h.digest(new PaddedPieceSize(PIECE_SIZE)));
      Files.write(provider.pieces().resolve(piece.toString()), bytes);
      pieces.put(piece, bytes);
      proposals.add(seeder.proposal(piece, PIECE_SIZE, 4000));
    }
    List<String> deals = DealSeeder.seed(provider.repo(), proposals);
    provider.start();
    publishNow(deals);
    awaitAll(deals, StorageDealStatus.AWAITING_PRE_COMMIT);
    List<Long> dealIds = deals.stream().map(c -> provider.deal(c).get("DealID").asLong()).toList();

    sealer = new SealerProcess(tmp.resolve("holds"), logs.resolve("sealer.log"), devnet, provider);
    for (String step : List.of("assigned", "precommit", "provecommit")) {
      sealer.hold(step);
    }
    sealer.start();

    // 1. The sealer, between AssignUnPackedDeals and UpdateDealOnPacking.
    long sector = sealer.awaitAt("assigned", STEP);
    Map<Long, Long> offsets = new HashMap<>();
    for (JsonNode d : sealerView(dealIds)) {
      assertThat(d.get("Status").asText()).as("deal %s after AssignUnPackedDeals", d.get("DealID")).isEqualTo("Assigned");
      assertThat(d.get("SectorID").asLong()).isEqualTo(sector);
      offsets.put(d.get("DealID").asLong(), d.get("Offset").asLong());
    }
    sealer.kill();
    sealer.release("assigned");
    sealer.start();
    long again = sealer.awaitAt("precommit", STEP);
    assertThat(again).as("the restarted sealer's sector").isEqualTo(sector);
    for (JsonNode d : sealerView(dealIds)) {
      assertThat(d.get("Status").asText()).isEqualTo("Packing");
      assertThat(d.get("SectorID").asLong()).isEqualTo(sector);
      assertThat(d.get("Offset").asLong()).as("offset of deal %s", d.get("DealID"))
          .isEqualTo(offsets.get(d.get("DealID").asLong()));
    }
    table.add("sealer", "between AssignUnPackedDeals and UpdateDealOnPacking (deals Assigned to sector " + sector
            + ", not yet Packing)", DEALS, "the restarted sealer gets the same assignment; sealed once",
        "sector " + sector + " asked again: the same deals at the same offsets, then Packing");

    // 2. The provider, with the deals Packing (the sealer is about to pre-commit).
    provider.kill();
    provider.start();
    for (String c : deals) {
      assertThat(provider.state(c)).isEqualTo(StorageDealStatus.AWAITING_PRE_COMMIT);
    }
    for (JsonNode d : sealerView(dealIds)) {
      assertThat(d.get("Status").asText()).isEqualTo("Packing");
      assertThat(d.get("SectorID").asLong()).isEqualTo(sector);
    }
    table.add("provider", "StorageDealAwaitingPreCommit, piece Packing in sector " + sector
        + " (PreCommit not yet sent)", DEALS, "resumes where it stood", "AwaitingPreCommit, Packing, same sector");

    // 3. The devnet, with the PreCommitSectorBatch2 pushed and not in a tipset.
    Address worker = Address.parse(devnet.rpc().call("StateMinerInfo", ProviderProcess.MINER, null)
        .get("Worker").asText());
    devnet.stop();
    devnet.start(STILL);
    long nonce = stateNonce(worker);
    sealer.release("precommit");
    Poll.until("the pre-commit in the message pool", STEP, Duration.ofMillis(20),
        () -> poolNonce(worker) > nonce);
    assertThat(preCommitted(sector)).isFalse();
    devnet.kill();
    devnet.start(FAST);
    assertThat(sealer.awaitAt("provecommit", STEP)).isEqualTo(sector);
    assertThat(preCommitted(sector)).isTrue();
    table.add("devnet", "PreCommitSectorBatch2 pushed, not yet in a tipset (sealer waiting for it)", DEALS,
        "message kept and included once; the sealer goes on", "sector " + sector + " pre-committed after the "
            + "restart; the sealer went on to ProveCommit");

    // 4. The provider, in Sealing (sector pre-committed, ProveCommit not sent).
    awaitAll(deals, StorageDealStatus.SEALING);
    provider.kill();
    provider.start();
    for (String c : deals) {
      assertThat(provider.state(c)).isEqualTo(StorageDealStatus.SEALING);
    }
    table.add("provider", "StorageDealSealing (sector " + sector + " pre-committed, ProveCommit not yet sent)", DEALS,
        "resumes where it stood", "StorageDealSealing after restart");

    // 5. The sealer, with the sector pre-committed and not proven: the restart must prove that sector.
    sealer.kill();
    sealer.start();
    assertThat(sealer.awaitAt("provecommit", STEP)).as("sector the restarted sealer resumes").isEqualTo(sector);
    table.add("sealer", "sector " + sector + " pre-committed, ProveCommit not yet sent", DEALS,
        "the restarted sealer proves that sector (no new sector, no second pre-commit)",
        "resumed sector " + sector + " at ProveCommit");

    // 6. The devnet with the ProveCommitSectors3 pushed and not in a tipset; the provider is killed as well and
    //    stays down while the proof lands.
    devnet.stop();
    devnet.start(STILL);
    long nonce2 = stateNonce(worker);
    sealer.release("provecommit");
    Poll.until("the prove-commit in the message pool", STEP, Duration.ofMillis(20),
        () -> poolNonce(worker) > nonce2);
    devnet.kill();
    provider.kill();
    devnet.start(FAST);
    for (long id : dealIds) {
      Poll.until("deal " + id + " active on chain", STEP, Duration.ofMillis(100), () -> devnet.rpc()
          .call("StateMarketStorageDeal", id, null).get("State").get("SectorStartEpoch").asLong() > 0);
    }
    table.add("devnet", "ProveCommitSectors3 pushed, not yet in a tipset", DEALS,
        "message kept and included once; deals activated", "deals " + dealIds + " active on chain in sector "
            + sector + " after the restart");

    // 7. The provider was down while the proof landed. One deal is written into its store as the tracker leaves it
    //    on recording the activation (Finalizing): a kill between that write and FINALIZED.
    String finalizing = deals.get(0);
    try (RocksKvStore store = RocksKvStore.open(provider.repo().resolve("metadata"))) {
      new DealStateMachine(new KvDealStore(store), Clock.systemUTC()).apply(Cid.parse(finalizing),
          ProviderEvent.DEAL_ACTIVATED, "seeded: deal active in sector " + sector + " (chain tracker)",
          d -> d.toBuilder().sectorNumber(sector).pieceStatus("Proving").build());
    }
    provider.start();
    awaitAll(deals, StorageDealStatus.ACTIVE);
    table.add("provider", "StorageDealSealing, down while ProveCommitSectors3 landed", DEALS - 1,
        "the tracker sees the activation after the restart", "StorageDealActive");
    table.add("provider", "StorageDealFinalizing (activation recorded, FINALIZED not yet; written into the stopped "
        + "store)", 1, "resumes where it stood", "StorageDealActive");

    audit(deals, pieces, sector);
  }

  void audit(List<String> deals, Map<Cid, byte[]> pieces, long sector) throws Exception {
    JsonNode bal = devnet.rpc().call("StateMarketBalance", ProviderProcess.MINER, null);
    TokenAmount locked = TokenAmount.ofAtto(new BigInteger(bal.get("Locked").asText()));
    JsonNode reservedRpc = provider.rpc().call("MarketGetReserved", ProviderProcess.MINER);
    sealer.stop();
    provider.stop();
    devnet.stop();
    ProviderAudit p = ProviderAudit.read(provider.repo(), provider.pieces());
    ChainAudit chain = ChainAudit.read(devnet.repo());
    List<Long> ids = p.deals().stream().map(ProviderDeal::dealId).toList();
    SectorAudit sectors = SectorAudit.read(devnet.repo(), Address.parse(ProviderProcess.MINER), ids);

    assertThat(p.deals()).hasSize(deals.size());
    Set<Long> unique = new HashSet<>();
    Map<Cid, Integer> carried = chain.timesCarried();
    Map<Cid, Integer> accepted = chain.timesAccepted();
    Map<Long, List<Long>> activations = sectors.activations();
    TokenAmount collateral = TokenAmount.ZERO;
    for (ProviderDeal d : p.deals()) {
      assertThat(d.state()).as("deal %s: %s", d.proposalCid(), d.message()).isEqualTo(StorageDealStatus.ACTIVE);
      assertThat(d.sectorNumber()).isEqualTo(sector);
      assertThat(carried.get(d.proposalCid())).as("PublishStorageDeals carrying %s", d.proposalCid()).isEqualTo(1);
      assertThat(accepted.get(d.proposalCid())).isEqualTo(1);
      assertThat(unique.add(d.dealId())).as("deal ID %s unique", d.dealId()).isTrue();
      assertThat(activations.get(d.dealId())).as("sectors that activated deal %s", d.dealId())
          .containsExactly(sector);
      collateral = collateral.add(d.proposal().proposal().providerCollateral());
    }
    assertThat(sectors.sectorsDone(MinerMethods.PRE_COMMIT_SECTOR_BATCH2)).as("sectors pre-committed")
        .containsExactly(sector);
    assertThat(sectors.sectorsDone(MinerMethods.PROVE_COMMIT_SECTORS3)).as("sectors proven").containsExactly(sector);
    assertThat(sectors.messages()).as("sector messages that failed on chain")
        .allSatisfy(m -> assertThat(m.exitCode()).isZero());
    assertThat(p.holding()).as("deals still holding an escrow reservation").isEmpty();
    assertThat(p.reserved()).isEqualTo(TokenAmount.ZERO);
    assertThat(reservedRpc.asText()).isEqualTo("0");
    assertThat(locked).as("collateral locked on chain").isEqualTo(collateral);
    assertThat(p.pieceFiles()).hasSize(pieces.size());
    for (Map.Entry<Cid, byte[]> e : pieces.entrySet()) {
      assertThat(Files.readAllBytes(provider.pieces().resolve(e.getKey().toString()))).isEqualTo(e.getValue());
    }

    table.write(Paths.get("target", "crash-table-sealer.md"), "The sealing stage (SealerCrashTest)",
        deals.size() + " deals in sector " + sector + ", " + table.rows().size() + " rows (" + (sealer.starts() - 1)
            + " sealer kills, " + (provider.starts() - 1) + " provider kills, 2 devnet kills with a message in flight);"
            + " on chain: one PublishStorageDeals carrying each deal once, sector " + sector + " pre-committed once and"
            + " proven once, each deal activated once in it, no failed sector message; escrow reservations 0;"
            + " collateral locked = the deals'.");
  }

  void publishNow(List<String> deals) {
    provider.publishNow(deals, STEP);
  }

  void awaitAll(List<String> deals, StorageDealStatus state) {
    provider.awaitAll(deals, state, STEP);
  }

  /** The deals as a sealer sees them (GetDeals): piece status, sector, offset. */
  List<JsonNode> sealerView(List<Long> dealIds) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode d : provider.rpc().call("GetDeals", ProviderProcess.MINER, 0, 1000)) {
      if (dealIds.contains(d.get("DealID").asLong())) {
        out.add(d);
      }
    }
    assertThat(out).as("GetDeals lists every deal").hasSize(dealIds.size());
    return out;
  }

  long stateNonce(Address a) {
    return devnet.rpc().call("StateGetActor", a.toString(), null).get("Nonce").asLong();
  }

  /** The next nonce the pool gives {@code a}: above the state's nonce while a message of it is in flight. */
  long poolNonce(Address a) {
    return devnet.rpc().call("MpoolGetNonce", a.toString()).asLong();
  }

  boolean preCommitted(long sector) {
    try {
      JsonNode n = devnet.rpc().call("StateSectorPreCommitInfo", ProviderProcess.MINER, sector, null);
      return n != null && !n.isNull();
    } catch (RuntimeException e) {
      return false; // "precommit info is not exists"
    }
  }
}
