package venus.market.daemon.sealer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import venus.market.core.jsonrpc.ApiInfo;
import venus.market.core.jsonrpc.Permission;
import venus.market.core.jsonrpc.RpcClient;
import venus.market.core.jsonrpc.RpcRemoteException;
import venus.market.core.market.ClientDealProposal;
import venus.market.core.multiformats.Cid;
import venus.market.core.storagemarket.StorageDealStatus;
import venus.market.daemon.MarketDaemon;
import venus.market.daemon.deals.ProviderDeal;
import venus.market.daemon.piecestore.PieceWriter;
import venus.market.daemon.testing.DaemonFixture;
import venus.market.daemon.testing.FakeFullNode;

/** The sealer API over real JSON-RPC and HTTP on loopback, with deals handed off in the daemon's own store. */
class SealerApiTest {
  static final long SECTOR = 8L << 20;
  @TempDir Path dir;
  FakeFullNode node;
  MarketDaemon daemon;
  final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void start() throws Exception {
    node = new FakeFullNode();
    daemon = DaemonFixture.startFirst(dir.resolve("repo"), node);
  }

  @AfterEach
  void stop() throws Exception {
    if (daemon != null) {
      daemon.close();
    }
    node.close();
  }

  private RpcClient rpc(String version, String token) {
    return RpcClient.of(new ApiInfo(token, daemon.apiAddress()), version, json, Duration.ofSeconds(30));
  }

  private RpcClient rpc() {
    return rpc("v1", daemon.adminToken());
  }

  private JsonNode call(String method, Object... params) {
    return rpc().call("VENUS_MARKET." + method, JsonNode.class, params);
  }

  private int made;

  /** Hands off {@code n} more deals (IDs 101, 102, ... across calls). */
  private List<ProviderDeal> handOff(int n, long size) {
    List<ProviderDeal> out = new ArrayList<>();
    for (int i = made + 1; i <= made + n; i++) {
      ClientDealProposal p = SealerFixtures.proposal(i, size, node.height() + 10_000, node.miner(), 1000);
      out.add(SealerFixtures.handedOff(daemon.deals(), p, 100 + i));
    }
    made += n;
    return out;
  }

  private static Map<String, Object> sectorId(long miner, long number) {
    return Map.of("Miner", miner, "Number", number);
  }

  @Test
  void assignReturnsDealInfoIncludePathWithFillersInSectorOrder() {
    List<ProviderDeal> deals = handOff(2, 2048);
    JsonNode got = call("AssignUnPackedDeals", sectorId(1000, 5), SECTOR, Map.of("MaxPiece", 10));
    assertThat(got).hasSizeGreaterThan(2);
    JsonNode first = got.get(0);
    List<String> fields = new ArrayList<>();
    first.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).containsExactly("PieceCID", "PieceSize", "VerifiedDeal", "Client", "Provider", "Label",
        "StartEpoch", "EndEpoch", "StoragePricePerEpoch", "ProviderCollateral", "ClientCollateral", "Offset", "Length",
        "PayloadSize", "DealID", "TotalStorageFee", "FastRetrieval", "PublishCid");
    assertThat(first.get("DealID").asLong()).isIn(101L, 102L);
    assertThat(first.get("Offset").asLong()).isZero();
    assertThat(first.get("Length").asLong()).isEqualTo(2048);
    assertThat(first.get("PayloadSize").asLong()).isEqualTo(1024);
    assertThat(first.get("Provider").asText()).isEqualTo(node.miner().toString());
    assertThat(first.get("TotalStorageFee").asText()).isEqualTo(String.valueOf(1000L * 518_400));
    assertThat(first.get("PublishCid").get("/").asText()).startsWith("baga");
    assertThat(got.get(1).get("Offset").asLong()).isEqualTo(2048);
    JsonNode filler = got.get(2);
    assertThat(filler.get("DealID").asLong()).isZero();
    assertThat(filler.get("Offset").asLong()).isEqualTo(4096);
    assertThat(filler.get("PieceSize").asLong()).isEqualTo(4096);
    assertThat(filler.get("Client").asText()).isEqualTo("<empty>");
    assertThat(filler.get("PublishCid").isNull()).isTrue();
    long end = 0;
    for (JsonNode s : got) {
      assertThat(s.get("Offset").asLong()).isEqualTo(end);
      end += s.get("PieceSize").asLong();
    }
    assertThat(end).isEqualTo(SECTOR);
    for (ProviderDeal d : deals) {
      ProviderDeal now = daemon.deals().get(d.proposalCid()).orElseThrow();
      assertThat(now.pieceStatus()).isEqualTo(PieceStatus.ASSIGNED);
      assertThat(now.sectorNumber()).isEqualTo(5);
    }
    // the 2022 form names the miner instead of a sector ID
    handOff(3, 2048);
    JsonNode old = rpc("v0", daemon.adminToken()).call("VENUS_MARKET.AssignUnPackedDeals", JsonNode.class,
        node.miner().toString(), SECTOR, Map.of("MaxPiece", 1));
    assertThat(old.get(0).get("DealID").asLong()).isIn(103L, 104L, 105L);
  }

  @Test
  void theVenusSealer2022FlowAndTheCurrentParamsBothWork() {
    handOff(2, 2048);
    RpcClient v0 = rpc("v0", daemon.adminToken());
    String miner = node.miner().toString();
    JsonNode unpacked = v0.call("VENUS_MARKET.GetUnPackedDeals", JsonNode.class, miner, Map.of("MaxPiece", 50));
    assertThat(unpacked).hasSize(2);
    long id = unpacked.get(0).get("DealID").asLong();
    v0.call("VENUS_MARKET.UpdateDealOnPacking", JsonNode.class, miner, id, 8, 0);
    v0.call("VENUS_MARKET.UpdateDealStatus", JsonNode.class, miner, id, "Packing");
    rpc().call("VENUS_MARKET.UpdateDealStatus", JsonNode.class, miner, id, "Proving", 7);
    JsonNode deals = v0.call("VENUS_MARKET.GetDeals", JsonNode.class, miner, 0, Integer.MAX_VALUE);
    assertThat(deals).hasSize(2);
    JsonNode mine = deals.get(0).get("DealID").asLong() == id ? deals.get(0) : deals.get(1);
    List<String> fields = new ArrayList<>();
    mine.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).containsExactly("DealID", "SectorID", "Offset", "Length", "Proposal", "ClientSignature",
        "TransferType", "Root", "PublishCid", "FastRetrieval", "Status");
    assertThat(mine.get("SectorID").asLong()).isEqualTo(8);
    assertThat(mine.get("Status").asText()).isEqualTo("Proving");
    assertThat(mine.get("TransferType").asText()).isEqualTo("manual");
    assertThat(mine.get("Proposal").get("PieceCID").get("/").asText()).startsWith("baga");
    assertThat(v0.call("VENUS_MARKET.GetUnPackedDeals", JsonNode.class, miner, null)).hasSize(1);
    assertThatThrownBy(() -> v0.call("VENUS_MARKET.UpdateDealStatus", JsonNode.class, miner, 999, "Packing"))
        .isInstanceOf(RpcRemoteException.class).hasMessageContaining("no deal with ID 999");
    assertThatThrownBy(() -> v0.call("VENUS_MARKET.UpdateDealStatus", JsonNode.class, miner, id))
        .hasMessageContaining("wrong param count");
    // a read token cannot assign
    String read = new String(java.util.Base64.getDecoder().decode(
        rpc().call("VENUS_MARKET.AuthNew", String.class, List.of("read"))), StandardCharsets.US_ASCII);
    assertThatThrownBy(() -> rpc("v1", read).call("VENUS_MARKET.AssignUnPackedDeals", JsonNode.class,
        sectorId(1000, 1), SECTOR, null)).hasMessageContaining("missing permission");
  }

  @Test
  void goSealersDialWebsocketsAndGetTheSameAnswers() {
    handOff(1, 2048);
    URI ws = new ApiInfo(null, daemon.apiAddress()).wsUrl("v0");
    try (venus.market.core.jsonrpc.RpcWsClient c = venus.market.core.jsonrpc.RpcWsClient.connect(ws,
        daemon.adminToken(), json, Duration.ofSeconds(30))) {
      JsonNode got = c.call("VENUS_MARKET.AssignUnPackedDeals", JsonNode.class, sectorId(1000, 3), SECTOR,
          Map.of("MaxPiece", 10));
      assertThat(got.get(0).get("DealID").asLong()).isEqualTo(101);
      c.call("VENUS_MARKET.UpdateDealStatus", JsonNode.class, node.miner().toString(), 101, "Packing");
      JsonNode deals = c.call("VENUS_MARKET.GetDeals", JsonNode.class, node.miner().toString(), 0, 100);
      assertThat(deals.get(0).get("Status").asText()).isEqualTo("Packing");
      assertThat(deals.get(0).get("SectorID").asLong()).isEqualTo(3);
    }
  }

  @Test
  void twoSealersCallingAtOnceOverRpcNeverShareADeal() throws Exception {
    handOff(24, 2048);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<List<Long>>> results = new ArrayList<>();
      for (int s = 0; s < 4; s++) {
        long base = 10L * (s + 1);
        results.add(pool.submit(() -> {
          go.await();
          List<Long> ids = new ArrayList<>();
          for (int round = 0; round < 4; round++) {
            for (JsonNode x : call("AssignUnPackedDeals", sectorId(1000, base + round), SECTOR,
                Map.of("MaxPiece", 2))) {
              if (x.get("DealID").asLong() > 0) {
                ids.add(x.get("DealID").asLong());
              }
            }
          }
          return ids;
        }));
      }
      go.countDown();
      Set<Long> seen = new HashSet<>();
      for (Future<List<Long>> f : results) {
        for (long id : f.get()) {
          assertThat(seen.add(id)).as("deal %d went to two sealers", id).isTrue();
        }
      }
      assertThat(seen).hasSize(24);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aMarketRestartInTheMiddleOfPackingLeavesNoDealStuck() throws Exception {
    handOff(3, 2048);
    JsonNode first = call("AssignUnPackedDeals", sectorId(1000, 21), SECTOR, Map.of("MaxPiece", 2));
    List<Long> assigned = new ArrayList<>();
    first.forEach(x -> {
      if (x.get("DealID").asLong() > 0) {
        assigned.add(x.get("DealID").asLong());
      }
    });
    assertThat(assigned).hasSize(2);
    daemon.close();
    daemon = DaemonFixture.restart(dir.resolve("repo"));
    // the sealer never saw the answer and asks again for its sector: it gets the same deals, at the same offsets
    JsonNode again = call("AssignUnPackedDeals", sectorId(1000, 21), SECTOR, Map.of("MaxPiece", 2));
    assertThat(again.toString()).isEqualTo(first.toString());
    // another sector gets only the remaining deal
    JsonNode other = call("AssignUnPackedDeals", sectorId(1000, 22), SECTOR, Map.of("MaxPiece", 2));
    assertThat(other.get(0).get("DealID").asLong()).isNotIn(assigned.toArray()).isPositive();
    // a sealer that gave up releases its deals; they are offered again
    call("ReleaseDeals", node.miner().toString(), assigned);
    daemon.close();
    daemon = DaemonFixture.restart(dir.resolve("repo"));
    assertThat(call("GetUnPackedDeals", node.miner().toString(), null)).extracting(x -> x.get("DealID").asLong())
        .containsExactlyInAnyOrderElementsOf(assigned);
  }

  @Test
  void theOperatorOverridesADealState() {
    ProviderDeal d = handOff(1, 2048).get(0);
    call("UpdateStorageDealStatus", Map.of("/", d.proposalCid().toString()), StorageDealStatus.ERROR.code());
    assertThat(daemon.deals().get(d.proposalCid()).orElseThrow().state()).isEqualTo(StorageDealStatus.ERROR);
    assertThatThrownBy(() -> call("UpdateStorageDealStatus", Map.of("/", d.proposalCid().toString()), 999, ""))
        .hasMessageContaining("not a storage deal state code");
  }

  @Test
  void piecesAreServedWithRangesToTokenHolders() throws Exception {
    byte[] data = "piece bytes for the sealer, 0123456789".getBytes(StandardCharsets.US_ASCII);
    Cid cid = SealerFixtures.proposal(1, 2048, 1, node.miner(), 1).proposal().pieceCID();
    try (PieceWriter w = daemon.pieceStore().create(cid)) {
      try (OutputStream out = w.out()) {
        out.write(data);
      }
      w.commit();
    }
    String base = new ApiInfo(null, daemon.apiAddress()).httpUrl("v0").resolve("/resource").toString();
    HttpClient http = HttpClient.newHttpClient();
    String token = daemon.adminToken();
    HttpResponse<byte[]> whole = http.send(HttpRequest.newBuilder(URI.create(base + "?resource-id=" + cid))
        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(whole.statusCode()).isEqualTo(200);
    assertThat(whole.body()).isEqualTo(data);
    HttpResponse<byte[]> part = http.send(HttpRequest.newBuilder(URI.create(base + "?resource-id=" + cid))
        .header("Authorization", "Bearer " + token).header("Range", "bytes=6-10").build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(part.statusCode()).isEqualTo(206);
    assertThat(new String(part.body(), StandardCharsets.US_ASCII)).isEqualTo("bytes");
    assertThat(part.headers().firstValue("Content-Range")).hasValue("bytes 6-10/" + data.length);
    HttpResponse<byte[]> tail = http.send(HttpRequest.newBuilder(URI.create(base + "?resource-id=" + cid + "&token="
        + token)).header("Range", "bytes=-4").build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(new String(tail.body(), StandardCharsets.US_ASCII)).isEqualTo("6789");
    HttpResponse<String> beyond = http.send(HttpRequest.newBuilder(URI.create(base + "?resource-id=" + cid))
        .header("Authorization", "Bearer " + token).header("Range", "bytes=999-").build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(beyond.statusCode()).isEqualTo(416);
    HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create(base + "?resource-id=" + cid)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(anonymous.statusCode()).isEqualTo(401);
    HttpResponse<String> forged = http.send(HttpRequest.newBuilder(URI.create(base + "?resource-id=" + cid))
        .header("Authorization", "Bearer " + node.token(Permission.ADMIN)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(forged.statusCode()).isEqualTo(401);
    Cid other = SealerFixtures.proposal(2, 2048, 1, node.miner(), 1).proposal().pieceCID();
    HttpResponse<String> missing = http.send(HttpRequest.newBuilder(URI.create(base + "?resource-id=" + other))
        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).contains(other.toString());
    HttpResponse<String> garbage = http.send(HttpRequest.newBuilder(URI.create(base + "?resource-id=nope"))
        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(garbage.statusCode()).isEqualTo(400);
  }
}
