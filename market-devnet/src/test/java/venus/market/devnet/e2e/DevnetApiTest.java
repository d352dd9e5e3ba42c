package venus.market.devnet.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import venus.market.core.address.Address;
import venus.market.core.address.Network;
import venus.market.core.amount.TokenAmount;
import venus.market.core.crypto.Signature;
import venus.market.core.jsonrpc.RpcClient;
import venus.market.core.jsonrpc.RpcRemoteException;
import venus.market.core.market.ClientDealProposal;
import venus.market.core.market.DealLabel;
import venus.market.core.market.DealProposal;
import venus.market.core.market.MarketMethods;
import venus.market.core.market.PublishStorageDealsParams;
import venus.market.core.market.PublishStorageDealsReturn;
import venus.market.core.miner.BatchReturn;
import venus.market.core.miner.ChangeMultiaddrsParams;
import venus.market.core.miner.DataActivationNotification;
import venus.market.core.miner.PieceActivationManifest;
import venus.market.core.miner.ProveCommitSectors3Params;
import venus.market.core.miner.SectorActivationManifest;
import venus.market.core.miner.ChangePeerIDParams;
import venus.market.core.miner.ChangeWorkerAddressParams;
import venus.market.core.miner.MinerMethods;
import venus.market.core.miner.PreCommitSectorBatchParams2;
import venus.market.core.miner.ProveCommitSectorParams;
import venus.market.core.miner.SectorPreCommitInfo;
import venus.market.core.multiformats.Cid;
import venus.market.core.piece.PieceCid;
import venus.market.devnet.Devnet;
import venus.market.devnet.DevnetOptions;
import venus.market.devnet.actors.MarketPolicy;
import venus.market.devnet.actors.PieceCommD;
import venus.market.devnet.actors.PieceRef;
import venus.market.devnet.chain.Genesis;

/** End-to-end over loopback JSON-RPC, as the provider daemon and the client will use the devnet. */
class DevnetApiTest {
  static final ObjectMapper M = new ObjectMapper();
  @TempDir Path repo;

  static RpcClient client(Devnet d) {
    return new RpcClient(d.apiUrl(), d.adminToken(), M, Duration.ofSeconds(30));
  }

  static JsonNode call(RpcClient c, String method, Object... params) {
    return c.call("Filecoin." + method, JsonNode.class, params);
  }

  static String t(Address a) {
    return a.toString(Network.TESTNET);
  }

  /** Pushes a message via MpoolPushMessage, mines a tipset and returns its MsgLookup. */
  static JsonNode send(Devnet d, RpcClient c, Address from, Address to, BigInteger value, long method, byte[] params) {
    ObjectNode msg = JsonNodeFactory.instance.objectNode();
    msg.put("Version", 0).put("To", t(to)).put("From", t(from)).put("Nonce", 0).put("Value", value.toString())
        .put("GasLimit", 0).put("GasFeeCap", "0").put("GasPremium", "0").put("Method", method);
    msg.put("Params", params.length == 0 ? null : Base64.getEncoder().encodeToString(params));
    JsonNode signed = call(c, "MpoolPushMessage", msg, null);
    d.mineTipset();
    return call(c, "StateWaitMsg", signed.get("CID"), 0, -1, true);
  }

  @Test
  void chainHeadAndMinerInfoHaveLotusShapesAndUnknownMethodIsNotFound() {
    try (Devnet d = Devnet.start(repo, DevnetOptions.forTests())) {
      RpcClient c = client(d);
      d.mineTipset();
      JsonNode head = call(c, "ChainHead");
      assertThat(head.get("Height").asLong()).isEqualTo(1);
      assertThat(LotusShapes.diff("ChainHead", head, Set.of())).isEmpty();
      JsonNode info = call(c, "StateMinerInfo", "t01000", null);
      assertThat(LotusShapes.diff("StateMinerInfo", info, Set.of())).isEmpty();
      assertThat(info.get("Worker").asText()).isEqualTo("t0101");
      assertThat(info.get("SectorSize").asLong()).isEqualTo(8L << 20);
      assertThat(call(c, "StateNetworkName").asText()).isEqualTo("devnet");
      assertThat(call(c, "StateLookupID", t(d.account("client")), null).asText()).isEqualTo("t0102");
      assertThat(call(c, "StateAccountKey", "t0101", null).asText()).isEqualTo(t(d.account("worker")));
      JsonNode actor = call(c, "StateGetActor", "t0103", null);
      assertThat(LotusShapes.diff("StateGetActor", actor, Set.of("DelegatedAddress"))).isEmpty();
      assertThat(LotusShapes.diff("Version", call(c, "Version"), Set.of())).isEmpty();
      assertThat(LotusShapes.diff("StateMinerProvingDeadline", call(c, "StateMinerProvingDeadline", "t01000", null), Set.of())).isEmpty();
      assertThat(LotusShapes.diff("ChainGetTipSetByHeight", call(c, "ChainGetTipSetByHeight", 0, null), Set.of())).isEmpty();
      assertThatThrownBy(() -> call(c, "NoSuchMethod"))
          .isInstanceOf(RpcRemoteException.class)
          .satisfies(e -> assertThat(((RpcRemoteException) e).code()).isEqualTo(-32601))
          .hasMessageContaining("method 'Filecoin.NoSuchMethod' not found");
    }
  }

  @Test
  void minerInfoChangesFollowTheMinerActorRules() {
    try (Devnet d = Devnet.start(repo, DevnetOptions.forTests())) {
      RpcClient c = client(d);
      Address miner = Address.newId(1000);
      Address worker = d.account("worker");
      Address owner = d.account("owner");
      // a binary peer ID (identity multihash of an ed25519 public key) and a binary /ip4/127.0.0.1/tcp/24001
      byte[] peerId = new byte[38];
      peerId[0] = 0x00;
      peerId[1] = 0x24;
      peerId[2] = 0x08;
      peerId[3] = 0x01;
      peerId[4] = 0x12;
      peerId[5] = 0x20;
      byte[] maddr = {0x04, 127, 0, 0, 1, 0x06, 0x5d, (byte) 0xc1};
      JsonNode r1 = send(d, c, worker, miner, BigInteger.ZERO, MinerMethods.CHANGE_PEER_ID,
          new ChangePeerIDParams(peerId).toCbor());
      assertThat(r1.get("Receipt").get("ExitCode").asInt()).isZero();
      JsonNode r2 = send(d, c, worker, miner, BigInteger.ZERO, MinerMethods.CHANGE_MULTIADDRS,
          new ChangeMultiaddrsParams(List.of(maddr)).toCbor());
      assertThat(r2.get("Receipt").get("ExitCode").asInt()).isZero();
      JsonNode info = call(c, "StateMinerInfo", "t01000", null);
      assertThat(info.get("PeerId").asText()).isEqualTo(venus.market.core.multiformats.Base58.encode(peerId));
      assertThat(info.get("Multiaddrs").get(0).asText()).isEqualTo(Base64.getEncoder().encodeToString(maddr));
      // a stranger may not change the peer id; only the owner may change the worker
      Address stranger = d.account("client");
      JsonNode denied = send(d, c, stranger, miner, BigInteger.ZERO, MinerMethods.CHANGE_PEER_ID,
          new ChangePeerIDParams(new byte[] {1}).toCbor());
      assertThat(denied.get("Receipt").get("ExitCode").asInt()).isEqualTo(18);
      JsonNode byWorker = send(d, c, worker, miner, BigInteger.ZERO, MinerMethods.CHANGE_WORKER_ADDRESS,
          new ChangeWorkerAddressParams(stranger, List.of(worker)).toCbor());
      assertThat(byWorker.get("Receipt").get("ExitCode").asInt()).isEqualTo(18);
      JsonNode byOwner = send(d, c, owner, miner, BigInteger.ZERO, MinerMethods.CHANGE_WORKER_ADDRESS,
          new ChangeWorkerAddressParams(worker, List.of(stranger)).toCbor());
      assertThat(byOwner.get("Receipt").get("ExitCode").asInt()).isZero();
      assertThat(call(c, "StateMinerInfo", "t01000", null).get("ControlAddresses").get(0).asText()).isEqualTo("t0102");
      // undecodable params abort with USR_SERIALIZATION, unknown methods with SYS_INVALID_METHOD
      JsonNode garbage = send(d, c, worker, miner, BigInteger.ZERO, MinerMethods.CHANGE_PEER_ID, new byte[] {(byte) 0xff});
      assertThat(garbage.get("Receipt").get("ExitCode").asInt()).isEqualTo(21);
      JsonNode unknown = send(d, c, worker, miner, BigInteger.ZERO, 999, new byte[0]);
      assertThat(unknown.get("Receipt").get("ExitCode").asInt()).isEqualTo(3);
    }
  }

  @Test
  void proveCommitSectors3ActivatesDealsThroughMarketNotifications() {
    try (Devnet d = Devnet.start(repo, DevnetOptions.forTests())) {
      RpcClient c = client(d);
      Address client = d.account("client");
      Address worker = d.account("worker");
      String ten = BigInteger.TEN.pow(19).toString();
      call(c, "MarketAddBalance", t(client), t(client), ten);
      call(c, "MarketAddBalance", t(worker), "t01000", ten);
      d.mineTipset();
      long head = call(c, "ChainHead").get("Height").asLong();
      long start = head + 50;
      byte[] root = new byte[32];
      root[5] = 9;
      DealProposal p = new DealProposal(PieceCid.v1(root), 4096, false, client, Address.newId(1000),
          DealLabel.ofString("pcs3"), start, start + MarketPolicy.MIN_DEAL_DURATION, TokenAmount.ZERO,
          TokenAmount.ofAtto(MarketPolicy.minProviderCollateral(4096)), TokenAmount.ZERO);
      Signature sig = d.wallet().sign(client, p.signingBytes());
      JsonNode pub = send(d, c, worker, Address.newId(5), BigInteger.ZERO, MarketMethods.PUBLISH_STORAGE_DEALS,
          new PublishStorageDealsParams(List.of(new ClientDealProposal(p, sig))).toCbor());
      assertThat(pub.get("Receipt").get("ExitCode").asInt()).isZero();
      Cid commD = Cid.decode(new PieceCommD().compute(Genesis.SECTOR_SIZE_8MIB, List.of(new PieceRef(p.pieceCID().bytes(), 4096))));
      long expiration = start + MarketPolicy.MIN_DEAL_DURATION + 10;
      JsonNode pre = send(d, c, worker, Address.newId(1000), BigInteger.ZERO, MinerMethods.PRE_COMMIT_SECTOR_BATCH2,
          new PreCommitSectorBatchParams2(List.of(new SectorPreCommitInfo(Genesis.SEAL_PROOF_8MIB_V1_1, 3, commD, head,
              List.of(), expiration, commD))).toCbor());
      assertThat(pre.get("Receipt").get("ExitCode").asInt()).isZero();
      PieceActivationManifest wrongPiece = new PieceActivationManifest(PieceCid.v1(new byte[32]), 4096, null,
          List.of(DataActivationNotification.marketDeal(1)));
      JsonNode failed = send(d, c, worker, Address.newId(1000), BigInteger.ZERO, MinerMethods.PROVE_COMMIT_SECTORS3,
          new ProveCommitSectors3Params(List.of(new SectorActivationManifest(3, List.of(wrongPiece))),
              List.of(new byte[] {1}), new byte[0], null, false, false).toCbor());
      BatchReturn none = BatchReturn.decode(Base64.getDecoder().decode(failed.get("Receipt").get("Return").asText()));
      assertThat(none.successCount()).isZero();
      assertThat(none.failCodes()).hasSize(1);
      PieceActivationManifest piece = new PieceActivationManifest(p.pieceCID(), 4096, null,
          List.of(DataActivationNotification.marketDeal(1)));
      JsonNode proved = send(d, c, worker, Address.newId(1000), BigInteger.ZERO, MinerMethods.PROVE_COMMIT_SECTORS3,
          new ProveCommitSectors3Params(List.of(new SectorActivationManifest(3, List.of(piece))),
              List.of(new byte[] {1}), new byte[0], null, true, true).toCbor());
      assertThat(proved.get("Receipt").get("ExitCode").asInt()).isZero();
      BatchReturn ok = BatchReturn.decode(Base64.getDecoder().decode(proved.get("Receipt").get("Return").asText()));
      assertThat(ok.successCount()).isEqualTo(1);
      JsonNode deal = call(c, "StateMarketStorageDeal", 1, null);
      assertThat(deal.get("State").get("SectorNumber").asLong()).isEqualTo(3);
      assertThat(deal.get("State").get("SectorStartEpoch").asLong()).isEqualTo(proved.get("Height").asLong());
    }
  }

  @Test
  void publishBatchDropsTheBadDealActivatesOnProveCommitAndSurvivesRestart() throws Exception {
    long height;
    BigInteger clientEscrow;
    try (Devnet d = Devnet.start(repo, DevnetOptions.forTests())) {
      RpcClient c = client(d);
      Address client = d.account("client");
      Address worker = d.account("worker");
      BigInteger ten = BigInteger.TEN.pow(19);
      // escrow: the secp client, the BLS worker acting as a second client, and the miner
      for (Address a : List.of(client, worker)) {
        JsonNode cid = call(c, "MarketAddBalance", t(a), t(a), ten.toString());
        assertThat(cid.get("/").asText()).startsWith("bafy2bzace");
      }
      call(c, "MarketAddBalance", t(worker), "t01000", ten.toString());
      d.mineTipset();
      JsonNode bal = call(c, "StateMarketBalance", t(client), null);
      assertThat(LotusShapes.diff("StateMarketBalance", bal, Set.of())).isEmpty();
      assertThat(bal.get("Escrow").asText()).isEqualTo(ten.toString());

      long head = call(c, "ChainHead").get("Height").asLong();
      long start = head + 50;
      BigInteger minColl = new BigInteger(call(c, "StateDealProviderCollateralBounds", 2048, false, null).get("Min").asText());
      List<ClientDealProposal> deals = new ArrayList<>();
      Address[] clients = {client, client, worker};
      for (int i = 0; i < 3; i++) {
        byte[] root = new byte[32];
        root[0] = (byte) (i + 1);
        DealProposal p = new DealProposal(PieceCid.v1(root), 2048, false, clients[i], Address.newId(1000),
            DealLabel.ofString("deal-" + i), start, start + MarketPolicy.MIN_DEAL_DURATION,
            TokenAmount.ofAtto(1000), TokenAmount.ofAtto(minColl), TokenAmount.ZERO);
        // deal 1 is signed by the wrong key: the batch must drop it and keep the others
        Address signer = i == 1 ? worker : clients[i];
        JsonNode sig = call(c, "WalletSign", t(signer), Base64.getEncoder().encodeToString(p.signingBytes()));
        deals.add(new ClientDealProposal(p, Signature.fromJson(sig)));
      }
      byte[] params = new PublishStorageDealsParams(deals).toCbor();
      JsonNode lookup = send(d, c, worker, Address.newId(5), BigInteger.ZERO, MarketMethods.PUBLISH_STORAGE_DEALS, params);
      assertThat(LotusShapes.diff("StateWaitMsg", lookup, Set.of())).isEmpty();
      assertThat(lookup.get("Receipt").get("ExitCode").asInt()).isZero();
      PublishStorageDealsReturn ret = PublishStorageDealsReturn.decode(Base64.getDecoder().decode(lookup.get("Receipt").get("Return").asText()));
      assertThat(ret.ids()).containsExactly(1L, 2L);
      assertThat(java.util.Arrays.stream(ret.validDeals().toArray()).boxed().toList()).containsExactly(0L, 2L);

      JsonNode deal = call(c, "StateMarketStorageDeal", 1, null);
      assertThat(LotusShapes.diff("StateMarketStorageDeal", deal, Set.of())).isEmpty();
      assertThat(deal.get("Proposal").get("Client").asText()).isEqualTo("t0102");
      assertThat(deal.get("Proposal").get("Label").asText()).isEqualTo("deal-0");
      assertThat(deal.get("State").get("SectorStartEpoch").asLong()).isEqualTo(-1);
      assertThat(call(c, "StateMarketDeals", (Object) null).size()).isEqualTo(2);

      // a sector holding both deals: commD must match their pieces
      List<PieceRef> pieces = List.of(
          new PieceRef(deals.get(0).proposal().pieceCID().bytes(), 2048),
          new PieceRef(deals.get(2).proposal().pieceCID().bytes(), 2048));
      Cid commD = Cid.decode(new PieceCommD().compute(Genesis.SECTOR_SIZE_8MIB, pieces));
      Cid commR = Cid.decode(new PieceCommD().compute(Genesis.SECTOR_SIZE_8MIB, List.of()));
      long expiration = start + MarketPolicy.MIN_DEAL_DURATION + 100;
      SectorPreCommitInfo bad = new SectorPreCommitInfo(Genesis.SEAL_PROOF_8MIB_V1_1, 7, commR, head, List.of(1L, 2L), expiration, commR);
      JsonNode rejected = send(d, c, worker, Address.newId(1000), BigInteger.ZERO, MinerMethods.PRE_COMMIT_SECTOR_BATCH2,
          new PreCommitSectorBatchParams2(List.of(bad)).toCbor());
      assertThat(rejected.get("Receipt").get("ExitCode").asInt()).isEqualTo(16);
      SectorPreCommitInfo good = new SectorPreCommitInfo(Genesis.SEAL_PROOF_8MIB_V1_1, 7, commR, head, List.of(1L, 2L), expiration, commD);
      JsonNode pre = send(d, c, worker, Address.newId(1000), BigInteger.ZERO, MinerMethods.PRE_COMMIT_SECTOR_BATCH2,
          new PreCommitSectorBatchParams2(List.of(good)).toCbor());
      assertThat(pre.get("Receipt").get("ExitCode").asInt()).isZero();
      JsonNode prove = send(d, c, worker, Address.newId(1000), BigInteger.ZERO, MinerMethods.PROVE_COMMIT_SECTOR,
          new ProveCommitSectorParams(7, new byte[] {1, 2, 3}).toCbor());
      assertThat(prove.get("Receipt").get("ExitCode").asInt()).isZero();
      JsonNode active = call(c, "StateMarketStorageDeal", 2, null);
      assertThat(active.get("State").get("SectorNumber").asLong()).isEqualTo(7);
      assertThat(active.get("State").get("SectorStartEpoch").asLong()).isEqualTo(prove.get("Height").asLong());
      JsonNode sector = call(c, "StateSectorGetInfo", "t01000", 7, null);
      assertThat(LotusShapes.diff("StateSectorGetInfo", sector, Set.of("DealIDs"))).isEmpty();
      assertThat(call(c, "StateMinerSectors", "t01000", null, null).size()).isEqualTo(1);

      height = call(c, "ChainHead").get("Height").asLong();
      clientEscrow = new BigInteger(call(c, "StateMarketBalance", t(client), null).get("Locked").asText());
      assertThat(clientEscrow).isPositive();
    }
    try (Devnet d = Devnet.start(repo, DevnetOptions.forTests())) {
      RpcClient c = client(d);
      assertThat(call(c, "ChainHead").get("Height").asLong()).isEqualTo(height);
      assertThat(call(c, "StateMarketStorageDeal", 2, null).get("State").get("SectorNumber").asLong()).isEqualTo(7);
      assertThat(new BigInteger(call(c, "StateMarketBalance", t(d.account("client")), null).get("Locked").asText()))
          .isEqualTo(clientEscrow);
      d.mineTipset();
      assertThat(call(c, "ChainHead").get("Height").asLong()).isEqualTo(height + 1);
    }
  }

  /** A message pushed but not yet included survives a devnet restart (lotus keeps local messages too). */
  @Test
  void pendingMessagesSurviveARestartAndAreIncludedOnce() {
    String cid;
    Address faucet;
    Address to;
    try (Devnet d = Devnet.start(repo, DevnetOptions.forTests())) {
      RpcClient c = client(d);
      faucet = d.account("faucet");
      to = d.account("client");
      ObjectNode msg = JsonNodeFactory.instance.objectNode();
      msg.put("Version", 0).put("To", t(to)).put("From", t(faucet)).put("Nonce", 0).put("Value", "7")
          .put("GasLimit", 0).put("GasFeeCap", "0").put("GasPremium", "0").put("Method", 0);
      cid = call(c, "MpoolPushMessage", msg, null).get("CID").get("/").asText();
    }
    try (Devnet d = Devnet.start(repo, DevnetOptions.forTests())) {
      RpcClient c = client(d);
      assertThat(call(c, "StateSearchMsg", null, java.util.Map.of("/", cid), -1, true).isNull()).isTrue();
      d.mineTipset();
      JsonNode lookup = call(c, "StateSearchMsg", null, java.util.Map.of("/", cid), -1, true);
      assertThat(lookup.get("Receipt").get("ExitCode").asLong()).isZero();
      // Included: it is no longer pending, so a further restart does not bring it back.
      assertThat(call(c, "MpoolGetNonce", t(faucet)).asLong()).isEqualTo(1);
    }
    try (Devnet d = Devnet.start(repo, DevnetOptions.forTests())) {
      assertThat(d.chain().pool().pending()).isEmpty();
    }
  }
}
