package venus.market.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import venus.market.core.address.Address;
import venus.market.core.amount.TokenAmount;
import venus.market.core.crypto.SigType;
import venus.market.core.crypto.Signature;
import venus.market.core.market.ClientDealProposal;
import venus.market.core.market.DealLabel;
import venus.market.core.market.DealProposal;
import venus.market.core.multiformats.Cid;
import venus.market.core.multiformats.Multicodec;
import venus.market.core.multiformats.Multihash;
import venus.market.daemon.MarketDaemon;
import venus.market.daemon.deals.ProviderEvent;
import venus.market.daemon.testing.DaemonFixture;
import venus.market.daemon.testing.FakeFullNode;

/** {@code storage-deals list} and {@code storage-deals get} against a daemon holding deals from its state machine. */
class StorageDealsListGetTest {
  private static final String HEADER = "ProposalCid  DealId  State  Client  Provider  Size  Price  Duration";

  @TempDir Path dir;
  Path repo;
  FakeFullNode node;
  MarketDaemon daemon;

  @BeforeEach
  void start() throws Exception {
    node = new FakeFullNode();
    repo = dir.resolve("repo");
    daemon = DaemonFixture.startFirst(repo, node);
  }

  @AfterEach
  void stop() throws Exception {
    daemon.close();
    node.close();
  }

  @Test
  void emptyListPrintsOnlyTheGuidesHeader() {
    CliRun list = CliRun.run(repo, "storage-deals", "list");
    assertThat(list.exit()).as(list.err()).isZero();
    assertThat(list.out()).isEqualTo(HEADER + "\n");
  }

  @Test
  void listShowsTheDealsRowAndGetShowsItsHistory() {
    ClientDealProposal proposal = proposal();
    Cid cid = proposal.proposalCid();
    daemon.deals().open(proposal, "");
    daemon.deals().apply(cid, ProviderEvent.DEAL_DECIDING, "");
    daemon.deals().apply(cid, ProviderEvent.DATA_REQUESTED, "offline deal");

    CliRun list = CliRun.run(repo, "storage-deals", "list");
    assertThat(list.exit()).as(list.err()).isZero();
    List<String> lines = list.out().lines().toList();
    assertThat(lines).hasSize(2);
    String c = cid.toString();
    List<String> cells = Arrays.asList(lines.get(1).trim().split(" {2,}"));
    assertThat(cells).containsExactly("..." + c.substring(c.length() - 8), "0", "StorageDealWaitingForData", "t01001",
        "t01000", "2KiB", "0.0000000005184 FIL", "518400");
    assertThat(lines.get(0)).startsWith("ProposalCid").contains("DealId").endsWith("Duration");

    assertThat(CliRun.run(repo, "storage-deals", "list", "--miner", "t01000").out().lines()).hasSize(2);
    assertThat(CliRun.run(repo, "storage-deals", "list", "--miner", "t01002").out().lines()).hasSize(1);

    CliRun get = CliRun.run(repo, "storage-deals", "get", c);
    assertThat(get.exit()).as(get.err()).isZero();
    assertThat(get.out()).contains("\"/\" : \"" + c + "\"").contains("\"State\" : 18")
        .contains("\"Label\" : \"label-1\"").contains("\"StoragePricePerEpoch\" : \"1000\"")
        .containsSubsequence("\"History\"", "\"From\" : \"StorageDealUnknown\"", "\"To\" : \"StorageDealValidating\"",
            "\"Event\" : \"ProviderEventOpen\"", "\"To\" : \"StorageDealAcceptWait\"",
            "\"To\" : \"StorageDealWaitingForData\"", "\"Event\" : \"ProviderEventDataRequested\"",
            "\"Note\" : \"offline deal\"");

    CliRun missing = CliRun.run(repo, "storage-deals", "get", proposal(2).proposalCid().toString());
    assertThat(missing.exit()).isEqualTo(CliFailures.FAILED);
    assertThat(missing.err()).contains("no provider deal with proposal CID " + proposal(2).proposalCid());
  }

  @Test
  void watchPrintsTheTableAgainWhenADealChanges() throws Exception {
    java.util.concurrent.CompletableFuture<CliRun> watch = java.util.concurrent.CompletableFuture.supplyAsync(
        () -> CliRun.run(repo, "storage-deals", "list", "--watch", "--interval", "1", "--watch-updates", "2"));
    // Keep changing the list until the watcher has printed two different tables (however slow its first poll is).
    for (int n = 10; n < 60 && !watch.isDone(); n++) {
      Thread.sleep(1200);
      daemon.deals().open(proposal(n), "");
    }
    CliRun run = watch.get(60, java.util.concurrent.TimeUnit.SECONDS);
    assertThat(run.exit()).as(run.err()).isZero();
    String[] tables = run.out().split("\n\n");
    assertThat(tables).hasSize(2);
    assertThat(tables[0]).startsWith("ProposalCid");
    assertThat(tables[1]).startsWith("ProposalCid").contains("StorageDealValidating");
    assertThat(tables[1].lines().count()).isGreaterThan(tables[0].lines().count());
  }

  @Test
  void watchRefusesAZeroInterval() {
    CliRun run = CliRun.run(repo, "storage-deals", "list", "--watch", "--interval", "0");
    assertThat(run.exit()).isNotZero();
    assertThat(run.err()).contains("--interval must be at least 1 second");
  }

  private static ClientDealProposal proposal() {
    return proposal(1);
  }

  private static ClientDealProposal proposal(int n) {
    byte[] commP = new byte[32];
    Arrays.fill(commP, (byte) n);
    commP[31] &= 0x3f;
    Cid piece = Cid.v1(Multicodec.FIL_COMMITMENT_UNSEALED, Multihash.of(Multicodec.SHA2_256_TRUNC254_PADDED, commP));
    DealProposal p = new DealProposal(piece, 2048, false, Address.newId(1001), Address.newId(1000),
        DealLabel.ofString("label-" + n), 100_000, 100_000 + 518_400, new TokenAmount(BigInteger.valueOf(1000)),
        TokenAmount.ZERO, TokenAmount.ZERO);
    byte[] sig = new byte[65];
    Arrays.fill(sig, (byte) n);
    return new ClientDealProposal(p, Signature.of(SigType.SECP256K1, sig));
  }
}
