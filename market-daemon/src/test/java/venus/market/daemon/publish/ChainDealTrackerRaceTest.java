package venus.market.daemon.publish;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import venus.market.core.jsonrpc.RpcCaller;
import venus.market.core.storagemarket.StorageDealStatus;
import venus.market.daemon.deals.DealPipeline;
import venus.market.daemon.deals.DealStateMachine;
import venus.market.daemon.deals.KvDealStore;
import venus.market.daemon.deals.ProviderDeal;
import venus.market.daemon.node.NodeClient;
import venus.market.daemon.node.Retry;
import venus.market.daemon.sealer.SealerDeals;
import venus.market.daemon.sealer.SealerFixtures;
import venus.market.daemon.store.RocksKvStore;

/** The chain tracker and the sealer API moving the same deal at the same moment. */
class ChainDealTrackerRaceTest {
  static final ObjectMapper M = new ObjectMapper();
  @TempDir Path tmp;

  /** A node whose answers come from {@code answer} (method name → JSON). */
  record ScriptedNode(Function<String, JsonNode> answer) implements RpcCaller {
    @Override
    public <T> T call(String method, JavaType resultType, Object... params) {
      return M.convertValue(answer.apply(method), resultType);
    }

    @Override
    public <T> T call(String method, Class<T> resultType, Object... params) {
      return M.convertValue(answer.apply(method), resultType);
    }

    @Override
    public <T> T call(String method, TypeReference<T> resultType, Object... params) {
      return M.convertValue(answer.apply(method), resultType);
    }
  }

  @Test
  void aDealTheSealerReleasesWhileTheTrackerReadsThePreCommitStaysReleased() {
    try (RocksKvStore rocks = RocksKvStore.open(tmp.resolve("kv"))) {
      KvDealStore store = new KvDealStore(rocks);
      DealStateMachine machine = new DealStateMachine(store, Clock.systemUTC());
      DealPipeline pipeline = new DealPipeline(machine, 1);
      SealerDeals sealer = new SealerDeals(pipeline, store, () -> 100);
      SealerFixtures.handedOff(machine, SealerFixtures.proposal(1, 2048, 10_000, SealerFixtures.MINER, 101), 1);
      sealer.assign(SealerFixtures.MINER, 7L, 8L << 20, null);
      sealer.updateStatus(SealerFixtures.MINER, 1, "Packing", null);
      // The chain has sector 7 pre-committed; while the tracker asks about it, the sealer gives the deal back.
      RpcCaller node = new ScriptedNode(method -> switch (method) {
        case "Filecoin.StateMarketStorageDeal" -> M.createObjectNode().set("State", M.createObjectNode()
            .put("SectorNumber", 0).put("SectorStartEpoch", -1).put("LastUpdatedEpoch", -1).put("SlashEpoch", -1));
        case "Filecoin.StateSectorPreCommitInfo" -> {
          sealer.release(SealerFixtures.MINER, List.of(1L));
          yield M.createObjectNode().put("PreCommitEpoch", 90);
        }
        default -> throw new AssertionError("unexpected call " + method);
      });
      try (ChainDealTracker tracker = new ChainDealTracker(pipeline, store,
          new NodeClient(node, node, Retry.none(), "scripted node"), Duration.ofHours(1))) {
        tracker.check(100);
      } finally {
        pipeline.close();
      }
      ProviderDeal d = store.list(null, 10).get(0);
      assertThat(d.state()).isEqualTo(StorageDealStatus.AWAITING_PRE_COMMIT);
      assertThat(d.pieceStatus()).isEqualTo("Undefine");
      assertThat(d.sectorNumber()).as("sector of the released deal").isZero();
    }
  }
}
