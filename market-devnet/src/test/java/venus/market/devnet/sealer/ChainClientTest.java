package venus.market.devnet.sealer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import venus.market.core.address.Address;
import venus.market.core.miner.MinerMethods;
import venus.market.core.miner.PreCommitSectorBatchParams2;
import venus.market.core.miner.SectorPreCommitInfo;
import venus.market.core.multiformats.Cid;
import venus.market.core.multiformats.Multicodec;
import venus.market.core.multiformats.Multihash;
import venus.market.core.piece.PaddedPieceSize;
import venus.market.core.piece.PieceCid;
import venus.market.core.piece.ZeroComm;
import venus.market.devnet.Devnet;
import venus.market.devnet.DevnetOptions;
import venus.market.devnet.actors.MarketPolicy;
import venus.market.devnet.chain.Genesis;

/** What the sealer reads from the chain to decide which sector to work on after a restart. */
class ChainClientTest {
  @TempDir Path repo;

  @Test
  void aPreCommittedFirstSectorIsSeenAsUnprovenAndItsPushIsSeenPendingUntilIncluded() {
    try (Devnet d = Devnet.start(repo, DevnetOptions.forTests())) {
      ChainClient chain = ChainClient.connect(d.apiInfo(), Duration.ofSeconds(30));
      Address miner = Address.newId(1000);
      Address worker = d.account("worker");
      assertThat(chain.highestSector(miner)).isZero();
      assertThat(chain.lowestUnproven(miner)).isEqualTo(-1);
      assertThat(chain.pending(worker)).isFalse();

      long head = chain.head();
      Cid commD = PieceCid.v1(ZeroComm.piece(new PaddedPieceSize(8L << 20)));
      byte[] digest = new byte[32];
      digest[0] = 7;
      Cid commR = Cid.v1(Multicodec.FIL_COMMITMENT_SEALED, Multihash.of(Multicodec.POSEIDON_BLS12_381_A2_FC1, digest));
      String cid = chain.push(worker, miner, MinerMethods.PRE_COMMIT_SECTOR_BATCH2, new PreCommitSectorBatchParams2(
          List.of(new SectorPreCommitInfo(Genesis.SEAL_PROOF_8MIB_V1_1, 1, commR, head, List.of(),
              head + MarketPolicy.MIN_DEAL_DURATION + 100, commD))).toCbor());
      assertThat(chain.pending(worker)).as("the pre-commit waits in the pool").isTrue();
      assertThat(chain.lowestUnproven(miner)).isEqualTo(-1);
      d.mineTipset();
      d.mineTipset(); // StateWaitMsg's confidence: one tipset on top
      assertThat(chain.await(cid).exitCode()).isZero();
      assertThat(chain.pending(worker)).isFalse();
      // Sector 1 pre-committed on a miner with no proven sector: the search used to begin at sector 0 and miss it.
      assertThat(chain.highestSector(miner)).isEqualTo(1);
      assertThat(chain.lowestUnproven(miner)).isEqualTo(1);
      assertThat(chain.preCommitInfo(miner, 1).get("UnsealedCid").get("/").asText()).isEqualTo(commD.toString());
      assertThat(chain.preCommitInfo(miner, 2)).isNull();
    }
  }
}
