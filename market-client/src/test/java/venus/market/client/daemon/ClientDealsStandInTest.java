package venus.market.client.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import venus.market.client.cli.CliRun;
import venus.market.core.json.LotusJson;
import venus.market.core.jsonrpc.ApiInfo;
import venus.market.core.jsonrpc.RpcClient;
import venus.market.core.market.ClientDealProposal;
import venus.market.core.multiformats.Cid;
import venus.market.core.storagemarket.DealParams;
import venus.market.daemon.api.MarketApi;

/**
 * The client's deal flow on the devnet against {@link StandInProvider} (registered on chain as the miner's peer): the
 * interactive online deal of the guide with the data pulled over HTTP, the positional offline deal, pre-flight
 * failures, the deal list with the provider's state, and a restart that keeps the deals.
 */
class ClientDealsStandInTest {
  @TempDir Path dir;
  DevnetMarket m;
  StandInProvider provider;

  @BeforeEach
  void start() throws Exception {
    m = new DevnetMarket(dir);
    m.startProvider();
    provider = new StandInProvider(m.devnet, m.miner());
    RpcClient rpc = new RpcClient(ApiInfo.parse(m.provider.adminToken() + ":" + m.provider.apiAddress())
        .httpUrl("v0"), m.provider.adminToken(), LotusJson.mapper(), Duration.ofSeconds(30));
    rpc.call(MarketApi.full(MarketApi.ACTOR_SET_ADDRS), Object.class, m.miner().toString(), List.of(provider.addr()),
        0L);
    rpc.call(MarketApi.full(MarketApi.ACTOR_SET_PEER_ID), Object.class, m.miner().toString(), provider.peerId(), 0L);
    m.devnet.mineTipset();
    m.devnet.mineTipset();
    m.startClient();
  }

  @AfterEach
  void stop() {
    provider.close();
    m.close();
  }

  private CliRun.Result cli(String input, String... args) {
    return m.cli(input, args);
  }

  /**
   * {@code storage deals list} until it shows {@code line}: each list asks the provider for status, and on a loaded
   * machine one such round trip can time out, leaving the last status message instead (the next list retries).
   */
  private CliRun.Result listShowing(String line) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    CliRun.Result list;
    do {
      list = cli("", "storage", "deals", "list");
      assertThat(list.exit()).as(list.err()).isZero();
      if (list.out().contains(line) || System.nanoTime() > deadline) {
        return list;
      }
      Thread.sleep(200);
    } while (true);
  }

  private void addFunds(String fil) {
    CliRun.Result add = cli("", "actor-funds", "add", fil);
    assertThat(add.exit()).as(add.err()).isZero();
    m.devnet.mineTipset();
  }

  @Test
  void interactiveOnlineDealAsInTheGuide() throws Exception {
    Path file = dir.resolve("data.bin");
    Files.writeString(file, "guide data ".repeat(70));
    CliRun.Result imp = cli("", "data", "import", "-q", file.toString());
    assertThat(imp.exit()).as(imp.err()).isZero();
    String root = imp.out().trim();
    addFunds("1fil");

    String miner = "f0" + m.miner().id();
    CliRun.Result init = cli(root + "\n180\n" + miner + "\nyes\n", "storage", "deals", "init");
    assertThat(init.exit()).as(init.err()).isZero();
    List<String> lines = init.out().lines().toList();
    assertThat(lines.get(0)).isEqualTo("Data CID (from lotus client import): .. calculating data size");
    assertThat(lines.get(1)).matches("PieceCid:  baga\\S+  PayLoadSize: \\d+ PieceSize: 1024");
    assertThat(lines.get(2)).isEqualTo("Deal duration (days): Miner Addresses (f0.. f0..), none to find: "
        + ".. querying miner asks");
    assertThat(lines.get(3)).isEqualTo("-----");
    assertThat(lines.get(4)).isEqualTo("Proposing from " + m.clientAddress());
    assertThat(lines.get(5)).startsWith("\tBalance: ").endsWith(" FIL");
    assertThat(lines.get(6)).matches("Piece size: 1KiB \\(Payload size: \\d+B\\)");
    assertThat(lines.get(7)).isEqualTo("Duration: 4320h0m0s");
    assertThat(lines.get(8)).isEqualTo("Total price: ~0.0098876953124352 FIL (0.000000019073486328 FIL per epoch)");
    assertThat(lines.get(9)).isEqualTo("Verified: false");
    assertThat(lines.get(10)).isEqualTo("Accept (yes/no): .. executing");
    assertThat(lines.get(11)).startsWith("Deal (t0" + m.miner().id() + ") CID: bafyrei");
    Cid proposalCid = Cid.parse(lines.get(11).substring(lines.get(11).lastIndexOf(' ') + 1));

    assertThat(provider.received).hasSize(1);
    DealParams p = provider.received.get(0);
    assertThat(p.isOffline()).isFalse();
    assertThat(p.transfer().type()).isEqualTo("http");
    assertThat(p.dealDataRoot().toString()).isEqualTo(root);
    ClientDealProposal cdp = p.clientDealProposal();
    assertThat(cdp.proposalCid()).isEqualTo(proposalCid);
    assertThat(cdp.proposal().client()).isEqualTo(m.clientAddress());
    assertThat(cdp.proposal().label().asString()).isEqualTo(root);
    assertThat(cdp.proposal().duration()).isEqualTo(518400);
    // the provider got exactly the CAR lotus generate-car writes for the file, in two ranged requests
    Path car = dir.resolve("expected.car");
    assertThat(cli("", "data", "generate-car", file.toString(), car.toString()).exit()).isZero();
    assertThat(provider.downloaded).hasSize(1);
    assertThat(provider.downloaded.get(0)).isEqualTo(Files.readAllBytes(car));
    assertThat(p.transfer().size()).isEqualTo(Files.size(car));
    // the URL alone (no bearer token) or another deal's token get nothing
    URI url = URI.create(new com.fasterxml.jackson.databind.ObjectMapper().readTree(p.transfer().params())
        .path("URL").asText());
    org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
        () -> StandInProvider.get(url, null, null, 200));
    org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
        () -> StandInProvider.get(url, "Bearer nope", null, 200));

    CliRun.Result list = listShowing("  Message: Provider state: StorageDealWaitingForData");
    List<String> rows = list.out().lines().toList();
    assertThat(rows.get(0).split(" {2,}")).containsExactly("DealCid", "DealId", "Provider", "State", "On Chain?",
        "Slashed?", "PieceCID", "Size", "Price", "Duration", "Verified");
    String cid = proposalCid.toString();
    assertThat(rows.get(1)).startsWith("..." + cid.substring(cid.length() - 8) + "  0       t0" + m.miner().id()
        + "    StorageDealCheckForAcceptance  N          N         ...");
    assertThat(rows.get(1).split(" {2,}")).endsWith("1016 B", "0.0098876953124352 FIL", "518400", "false");
    assertThat(rows.get(2)).isEqualTo("  Message: Provider state: StorageDealWaitingForData");

    provider.providerState = "StorageDealPublishing";
    m.stopClient();
    m.startClient();
    CliRun.Result after = listShowing("  Message: Provider state: StorageDealPublishing");
    assertThat(after.out().lines().toList().get(2)).isEqualTo("  Message: Provider state: StorageDealPublishing");
    CliRun.Result get = cli("", "storage", "deals", "get", cid);
    assertThat(get.exit()).as(get.err()).isZero();
    assertThat(get.out()).contains("\"ProposalCid\" : {").contains("\"State\" : \"StorageDealCheckForAcceptance\"");
  }

  @Test
  void positionalOfflineDealAndPreflightChecks() throws Exception {
    String miner = "f0" + m.miner().id();
    String piece = "baga6ea4seaqfewgysi3n3cjylkbfknr56vbemb2gwjfvpctqtjgpdweu7o3d6mq";
    String root = "bafk2bzaceaf4sallirkt63fqrojz5gaut7akiwxrclcsymqelqad7man3hc2c";

    CliRun.Result poor = cli("", "storage", "deals", "init", "--manual-piece-cid=" + piece,
        "--manual-piece-size=4064", root, miner, "0.01fil", "518400");
    assertThat(poor.exit()).isEqualTo(1);
    assertThat(poor.err()).contains("client market balance of " + m.clientAddress() + " is too low")
        .contains("'market-client actor-funds add 5184fil'");
    assertThat(provider.received).isEmpty();

    CliRun.Result cheap = cli("", "storage", "deals", "init", "--manual-piece-cid=" + piece,
        "--manual-piece-size=4064", root, miner, "1afil", "518400");
    assertThat(cheap.exit()).isEqualTo(1);
    assertThat(cheap.err()).contains("is below the ask of t0" + m.miner().id());

    CliRun.Result shortDeal = cli("", "storage", "deals", "init", "--manual-piece-cid=" + piece,
        "--manual-piece-size=4064", root, miner, "0.01fil", "1000");
    assertThat(shortDeal.exit()).isEqualTo(1);
    assertThat(shortDeal.err()).contains("deal duration 1000 epochs is out of bounds");

    addFunds("5200fil");
    CliRun.Result ok = cli("", "storage", "deals", "init", "--manual-piece-cid=" + piece,
        "--manual-piece-size=4064", root, miner, "0.01fil", "518400");
    assertThat(ok.exit()).as(ok.err()).isZero();
    assertThat(ok.out().trim()).startsWith("bafyrei");
    DealParams p = provider.received.get(0);
    assertThat(p.isOffline()).isTrue();
    assertThat(p.transfer().type()).isEmpty();
    assertThat(p.clientDealProposal().proposal().pieceSize()).isEqualTo(4096);
    assertThat(p.clientDealProposal().proposal().pieceCID().toString()).isEqualTo(piece);
    assertThat(p.clientDealProposal().proposalCid().toString()).isEqualTo(ok.out().trim());

    CliRun.Result list = listShowing("  Message: Provider state: StorageDealWaitingForData");
    assertThat(list.out()).contains("3.969 KiB").contains("5184 FIL").contains("  518400  ")
        .contains("  Message: Provider state: StorageDealWaitingForData");
    CliRun.Result json = cli("", "storage", "deals", "list", "--json");
    assertThat(json.out()).contains("\"Offline\" : true").contains("\"DealUuid\" : \"" + p.dealUUID() + "\"");
  }

  @Test
  void aLostAnswerIsRetriedWithTheSameSignedProposalAndUuid() {
    addFunds("5200fil");
    provider.dropProposals.set(1);
    CliRun.Result ok = cli("", "storage", "deals", "init",
        "--manual-piece-cid=baga6ea4seaqfewgysi3n3cjylkbfknr56vbemb2gwjfvpctqtjgpdweu7o3d6mq",
        "--manual-piece-size=4064", "bafk2bzaceaf4sallirkt63fqrojz5gaut7akiwxrclcsymqelqad7man3hc2c",
        "f0" + m.miner().id(), "0.01fil", "518400");
    assertThat(ok.exit()).as(ok.err()).isZero();
    assertThat(provider.received).hasSize(2);
    assertThat(provider.received.get(1).toCbor()).isEqualTo(provider.received.get(0).toCbor());
    assertThat(cli("", "storage", "deals", "list").out()).contains("StorageDealCheckForAcceptance");
  }

  @Test
  void blsClientAddressSignsProposalsAndStatusRequests() throws Exception {
    String worker = m.devnet.account("worker").toString();
    assertThat(worker).startsWith("t3");
    CliRun.Result add = cli("", "actor-funds", "add", "--from=" + worker, "5200fil");
    assertThat(add.exit()).as(add.err()).isZero();
    m.devnet.mineTipset();
    CliRun.Result ok = cli("", "storage", "deals", "init", "--from=" + worker,
        "--manual-piece-cid=baga6ea4seaqfewgysi3n3cjylkbfknr56vbemb2gwjfvpctqtjgpdweu7o3d6mq",
        "--manual-piece-size=4064", "bafk2bzaceaf4sallirkt63fqrojz5gaut7akiwxrclcsymqelqad7man3hc2c",
        "f0" + m.miner().id(), "0.01fil", "518400");
    assertThat(ok.exit()).as(ok.err()).isZero();
    var cdp = provider.received.get(0).clientDealProposal();
    assertThat(cdp.clientSignature().type()).isEqualTo(venus.market.core.crypto.SigType.BLS);
    assertThat(listShowing("  Message: Provider state: StorageDealWaitingForData").out())
        .contains("  Message: Provider state: StorageDealWaitingForData");
  }
}
