package venus.market.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
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
import venus.market.core.piece.CommPHasher;
import venus.market.core.piece.PaddedPieceSize;
import venus.market.core.piece.PieceCid;
import venus.market.core.storagemarket.StorageDealStatus;
import venus.market.daemon.MarketDaemon;
import venus.market.daemon.deals.DealTransition;
import venus.market.daemon.deals.ProviderEvent;
import venus.market.daemon.testing.DaemonFixture;
import venus.market.daemon.testing.FakeFullNode;

/** {@code storage-deals import-data}: output and exit codes against a running daemon holding an offline deal. */
class ImportDataCommandTest {
  private static final long PIECE = 4096;

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

  private Cid waitingDeal(byte[] data) {
    CommPHasher h = new CommPHasher(new PaddedPieceSize(PIECE));
    h.write(data, 0, data.length);
    DealProposal p = new DealProposal(PieceCid.v1(h.digest()), PIECE, false, Address.newId(1001), Address.newId(1000),
        DealLabel.ofString("offline"), 100_000, 100_000 + 518_400, TokenAmount.ofAtto(1), TokenAmount.ZERO,
        TokenAmount.ZERO);
    byte[] sig = new byte[65];
    Arrays.fill(sig, (byte) 7);
    ClientDealProposal cp = new ClientDealProposal(p, Signature.of(SigType.SECP256K1, sig));
    Cid cid = cp.proposalCid();
    daemon.pipeline().open(venus.market.daemon.deals.ProviderDeal.received(cp, java.time.Instant.now()), "");
    daemon.pipeline().apply(cid, ProviderEvent.DEAL_DECIDING, "");
    daemon.pipeline().apply(cid, ProviderEvent.DATA_REQUESTED, "offline deal");
    return cid;
  }

  @Test
  void aMatchingFilePrintsNothingExitsZeroAndTheDealMovesOn() throws Exception {
    byte[] data = new byte[3000];
    new Random(1).nextBytes(data);
    Cid deal = waitingDeal(data);
    Path car = Files.write(dir.resolve("deal.car"), data);

    CliRun run = CliRun.run(repo, "storage-deals", "import-data", deal.toString(), car.toString());

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEmpty();
    assertThat(daemon.deals().history(deal)).extracting(DealTransition::event).contains(ProviderEvent.VERIFIED_DATA);
    assertThat(Files.readAllBytes(Path.of(daemon.deals().get(deal).orElseThrow().piecePath()))).isEqualTo(data);
  }

  @Test
  void aWrongFileFailsWithExitOneAndTheDaemonsReason() throws Exception {
    byte[] data = new byte[3000];
    new Random(2).nextBytes(data);
    Cid deal = waitingDeal(data);
    data[0] ^= 1;
    Path car = Files.write(dir.resolve("other.car"), data);

    CliRun run = CliRun.run(repo, "storage-deals", "import-data", deal.toString(), car.toString());

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).startsWith("venus-market: ").contains("given data does not match expected commP");
    assertThat(daemon.deals().get(deal).orElseThrow().state()).isEqualTo(StorageDealStatus.WAITING_FOR_DATA);
  }

  @Test
  void aRelativePathIsResolvedByTheCliAndAMissingFileIsNamed() throws Exception {
    Cid deal = waitingDeal(new byte[] {1, 2, 3});
    CliRun run = CliRun.run(repo, "storage-deals", "import-data", deal.toString(), "no-such-dir/missing.car");
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains(Path.of("no-such-dir/missing.car").toAbsolutePath().toString())
        .contains("does not exist");
  }

  @Test
  void missingArgumentsAreAUsageError() {
    CliRun run = CliRun.run(repo, "storage-deals", "import-data", "bafy");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("<file>");
  }
}
