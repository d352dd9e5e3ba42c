package venus.market.client.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import venus.market.client.cli.CliRun;
import venus.market.client.config.ClientConfig;
import venus.market.client.node.ChainNode;
import venus.market.client.rpc.ApiTypes;
import venus.market.core.address.Address;
import venus.market.core.amount.TokenAmount;
import venus.market.core.crypto.SigType;
import venus.market.core.json.LotusJson;
import venus.market.core.jsonrpc.ApiInfo;
import venus.market.core.jsonrpc.Permission;
import venus.market.core.jsonrpc.RpcClient;
import venus.market.core.wallet.KeyPair;
import venus.market.daemon.api.MarketApi;

/**
 * The guide's client section against the real provider daemon on the devnet: the interactive deal with miner
 * discovery (no miner typed: StateListMiners, power, asks, latency, budget, count), bad answers asked again, the
 * offline deal of the guide with its {@code storage deals list} line, and the client address signed for by a local
 * keystore or by a separate wallet API instead of the node's wallet (deals and escrow messages).
 */
class ClientGuideDevnetTest {
  @TempDir Path dir;
  DevnetMarket m;

  @BeforeEach
  void start() throws Exception {
    m = new DevnetMarket(dir);
    m.startProvider();
  }

  @AfterEach
  void stop() {
    m.close();
  }

  private CliRun.Result cli(String input, String... args) {
    return m.cli(input, args);
  }

  private CliRun.Result ok(String input, String... args) {
    CliRun.Result r = cli(input, args);
    assertThat(r.exit()).as(r.err() + r.out()).isZero();
    return r;
  }

  private String importFile(String name, String content) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, content);
    return ok("", "data", "import", "-q", file.toString()).out().trim();
  }

  @Test
  void interactiveDealWithoutMinersFindsTheProviderOnChain() throws Exception {
    m.startClient();
    String root = importFile("data.bin", "guide data ".repeat(70));
    ok("", "actor-funds", "add", "1fil");
    m.devnet.mineTipset();

    // a bad CID, a too-short duration, then no miners: discovery; default latency, 1 FIL budget, default count
    String answers = "not-a-cid\n" + root + "\n10\n180\n\n\n1\n\nmaybe\nyes\n";
    CliRun.Result init = ok(answers, "storage", "deals", "init");
    List<String> lines = init.out().lines().toList();
    String miner = "t0" + m.miner().id();
    assertThat(lines.get(0)).startsWith("Data CID (from lotus client import): Error: parsing cid string: ");
    assertThat(lines.get(1)).isEqualTo("Data CID (from lotus client import): .. calculating data size");
    assertThat(lines.get(2)).matches("PieceCid:  baga\\S+  PayLoadSize: \\d+ PieceSize: 1024");
    assertThat(lines.get(3)).isEqualTo("Deal duration (days): Error: minimum duration is 180 days");
    assertThat(lines.get(4)).isEqualTo("Deal duration (days): Miner Addresses (f0.. f0..), none to find: "
        + ".. getting miner list");
    assertThat(lines.get(5)).isEqualTo("* Found 1 miners with power");
    assertThat(lines.get(6)).isEqualTo(".. querying asks");
    assertThat(lines.get(7)).isEqualTo("* Queried 1 asks, got 1 responses");
    assertThat(lines.get(8)).isEqualTo("Found 1 candidate asks");
    assertThat(lines.get(9)).matches("Average network latency: \\S+; Median latency: \\S+");
    assertThat(lines.get(10)).matches("Maximum network latency \\(default: \\S+\\) \\(ms\\): "
        + "1 asks left after filtering for network latency");
    assertThat(lines.get(11)).startsWith("Proposing from " + m.clientAddress() + ", Current Balance: ")
        .endsWith(" FIL");
    assertThat(lines.get(12)).isEqualTo("Maximum budget (FIL): 1 asks within budget");
    assertThat(lines.get(13)).isEqualTo("Deals to make (1): .. Picking miners");
    assertThat(lines.get(14)).isEqualTo("-----");
    assertThat(lines.get(15)).isEqualTo("Proposing from " + m.clientAddress());
    assertThat(lines.get(16)).startsWith("\tBalance: ");
    assertThat(lines.get(17)).matches("Piece size: 1KiB \\(Payload size: \\d+B\\)");
    assertThat(lines.get(18)).isEqualTo("Duration: 4320h0m0s");
    assertThat(lines.get(19)).isEqualTo("Total price: ~0.0098876953124352 FIL (0.000000019073486328 FIL per epoch)");
    assertThat(lines.get(20)).isEqualTo("Verified: false");
    assertThat(lines.get(21)).isEqualTo("Accept (yes/no): Type in full 'yes' or 'no'");
    assertThat(lines.get(22)).isEqualTo("Accept (yes/no): .. executing");
    assertThat(lines.get(23)).startsWith("Deal (" + miner + ") CID: bafyrei");
    assertThat(lines).hasSize(24);

    // the real provider accepted it: the list shows the deal with the provider's state
    String proposal = lines.get(23).substring(lines.get(23).lastIndexOf(' ') + 1);
    JsonNode deals = LotusJson.mapper().readTree(ok("", "storage", "deals", "list", "--json").out());
    assertThat(deals).hasSize(1);
    assertThat(deals.get(0).path("ProposalCid").path("/").asText()).isEqualTo(proposal);
    assertThat(deals.get(0).path("State").asText()).isEqualTo("StorageDealCheckForAcceptance");
    assertThat(deals.get(0).path("Provider").asText()).isEqualTo(miner);
  }

  @Test
  void discoveryWithABudgetTooSmallAsksAgainAndNoAnswerNeverProposes() throws Exception {
    m.startClient();
    String root = importFile("data.bin", "guide data ".repeat(70));
    // 0.000001 FIL is below the 180-day price (~0.0099 FIL): no ask fits, the budget is asked again; then "no"
    CliRun.Result init = ok(root + "\n180\n\n\n0.000001\n1\n\nno\n", "storage", "deals", "init");
    assertThat(init.out()).contains("Maximum budget (FIL): 0 asks within budget\nMaximum budget (FIL): "
        + "1 asks within budget\n").contains("Accept (yes/no): ").doesNotContain(".. executing");
    assertThat(LotusJson.mapper().readTree(ok("", "storage", "deals", "list", "--json").out())).isEmpty();
  }

  @Test
  void offlineDealAsInTheGuideListsTheProvidersWaitingForData() throws Exception {
    m.startClient();
    String content = "offline guide data\n".repeat(200);
    String root = importFile("README.md", content);
    Path car = dir.resolve("readme.md.car");
    ok("", "data", "generate-car", dir.resolve("README.md").toString(), car.toString());
    JsonNode commP = LotusJson.mapper().readTree(ok("", "data", "commP", "--json", car.toString()).out());
    String pieceCid = commP.path("Root").path("/").asText();
    long size = commP.path("Size").asLong();

    CliRun.Result poor = cli("", "storage", "deals", "init", "--manual-piece-cid=" + pieceCid,
        "--manual-piece-size=" + size, root, "f0" + m.miner().id(), "0.000001fil", "518400");
    assertThat(poor.exit()).isEqualTo(1);
    assertThat(poor.err()).contains("client market balance of " + m.clientAddress() + " is too low")
        .contains("market-client actor-funds add 1fil");

    ok("", "actor-funds", "add", "1fil");
    m.devnet.mineTipset();
    CliRun.Result init = ok("", "storage", "deals", "init", "--manual-piece-cid=" + pieceCid,
        "--manual-piece-size=" + size, root, "f0" + m.miner().id(), "0.000001fil", "518400");
    String proposal = init.out().trim();
    assertThat(proposal).startsWith("bafyrei").doesNotContain("\n");

    List<String> list = ok("", "storage", "deals", "list").out().lines().toList();
    assertThat(list.get(0)).matches("DealCid +DealId +Provider +State +On Chain\\? +Slashed\\? +PieceCID +Size +"
        + "Price +Duration +Verified *");
    assertThat(list.get(1)).matches("\\.\\.\\." + proposal.substring(proposal.length() - 8) + " +0 +t0"
        + m.miner().id() + " +StorageDealCheckForAcceptance +N +N +\\.\\.\\." + pieceCid.substring(
        pieceCid.length() - 8) + " +3\\.969 KiB +0\\.5184 FIL +518400 +false *");
    assertThat(list.get(2)).isEqualTo("  Message: Provider state: StorageDealWaitingForData");
  }

  @Test
  void localWalletSignsDealsAndEscrowMessagesTheNodeCannotSign() throws Exception {
    // a key the node's wallet does not have, funded from the devnet's client account
    KeyPair key = KeyPair.generate(SigType.SECP256K1, new SecureRandom());
    ApiInfo node = ApiInfo.parse(m.devnet.apiInfo());
    ChainNode chain = ChainNode.connect(node.address(), node.token(), Duration.ofSeconds(30));
    chain.mpoolPushMessage(m.clientAddress(), key.address(), TokenAmount.ofFil(10), 0, null);
    m.devnet.mineTipset();
    assertThat(chain.walletHas(key.address())).isFalse();

    Path keyFile = dir.resolve("key.hex");
    Files.writeString(keyFile, key.toKeyInfo().exportHex() + "\n");
    assertThat(ok("", "wallet", "import", keyFile.toString()).out()).isEqualTo("imported key " + key.address()
        + "\n");
    assertThat(ok("", "wallet", "list").out()).isEqualTo(key.address() + "\n");

    ClientConfig cfg = m.clientConfig().withDefaultMarketAddress(key.address().toString())
        .withSigner(new ClientConfig.Signer(ClientConfig.Signer.LOCAL, "", ""));
    m.startClient(cfg);
    ok("", "actor-funds", "add", "1fil");
    m.devnet.mineTipset();
    assertThat(ok("", "actor-funds", "balances").out()).contains("Escrowed Funds:        1 FIL");
    String proposal = offlineDeal();
    ApiTypes.DealInfo d = m.client.deals().list().stream().map(ApiTypes.DealInfo::of).findFirst().orElseThrow();
    assertThat(d.proposalCid().toString()).isEqualTo(proposal);
    assertThat(d.client()).isEqualTo(key.address());
    assertThat(d.state()).isEqualTo("StorageDealCheckForAcceptance");
    // the provider answers status requests signed with the local key
    assertThat(ok("", "storage", "deals", "list").out())
        .contains("\n  Message: Provider state: StorageDealWaitingForData\n");
  }

  @Test
  void separateWalletApiSignsDealsAndEscrowMessages() throws Exception {
    ApiInfo wallet = ApiInfo.parse(m.devnet.walletApiInfo(Permission.SIGN));
    ClientConfig cfg = m.clientConfig()
        .withSigner(new ClientConfig.Signer(ClientConfig.Signer.WALLET, wallet.address(), wallet.token()));
    m.startClient(cfg);
    assertThat(Files.readString(m.client.home().configFile())).contains("[Signer]\n  Type = \"wallet\"");
    ok("", "actor-funds", "add", "1fil");
    m.devnet.mineTipset();
    assertThat(ok("", "actor-funds", "balances").out()).contains("Escrowed Funds:        1 FIL");
    assertThat(offlineDeal()).startsWith("bafyrei");
    assertThat(m.client.deals().list()).hasSize(1);
    assertThat(ok("", "storage", "deals", "list").out())
        .contains("\n  Message: Provider state: StorageDealWaitingForData\n");
  }

  @Test
  void localWalletWithoutTheKeyRefusesToStart() {
    ClientConfig cfg = m.clientConfig().withSigner(new ClientConfig.Signer(ClientConfig.Signer.LOCAL, "", ""));
    Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> m.startClient(cfg));
    assertThat(e.getMessage()).contains("the local keystore").contains("has no key for the client address "
        + m.clientAddress()).contains("market-client wallet import");
  }

  private String offlineDeal() throws Exception {
    String root = importFile("off.md", "local wallet data\n".repeat(100));
    Path car = dir.resolve("off.car");
    ok("", "data", "generate-car", dir.resolve("off.md").toString(), car.toString());
    JsonNode commP = LotusJson.mapper().readTree(ok("", "data", "commP", "--json", car.toString()).out());
    return ok("", "storage", "deals", "init", "--manual-piece-cid=" + commP.path("Root").path("/").asText(),
        "--manual-piece-size=" + commP.path("Size").asLong(), root, "f0" + m.miner().id(), "0.000001fil",
        "518400").out().trim();
  }

  @Test
  void verifiedDealWithoutDataCapIsRefusedBeforeAnythingIsSigned() throws Exception {
    m.startClient();
    ok("", "actor-funds", "add", "1fil");
    m.devnet.mineTipset();
    String root = importFile("v.md", "verified?\n".repeat(100));
    CliRun.Result r = cli("", "storage", "deals", "init", "--verified-deal",
        "--manual-piece-cid=baga6ea4seaqfewgysi3n3cjylkbfknr56vbemb2gwjfvpctqtjgpdweu7o3d6mq",
        "--manual-piece-size=4064", root, "f0" + m.miner().id(), "0.000001fil", "518400");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("does not have verified client status").contains("--verified-deal");
    CliRun.Result interactive = cli(root + "\n180\n", "storage", "deals", "init", "--verified-deal");
    assertThat(interactive.exit()).isEqualTo(1);
    assertThat(interactive.err()).contains("address " + m.clientAddress() + " does not have verified client status");
    assertThat(m.client.deals().list()).isEmpty();
  }

  @Test
  void discoveryWithNoAnsweringMinerGoesBackToTheMinerPrompt() throws Exception {
    // the miner's on-chain address now points at a closed port: its ask cannot be fetched
    RpcClient rpc = new RpcClient(ApiInfo.parse(m.provider.adminToken() + ":" + m.provider.apiAddress())
        .httpUrl("v0"), m.provider.adminToken(), LotusJson.mapper(), Duration.ofSeconds(30));
    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      String closed = "/ip4/127.0.0.1/tcp/" + s.getLocalPort();
      s.close();
      rpc.call(MarketApi.full(MarketApi.ACTOR_SET_ADDRS), Object.class, m.miner().toString(), List.of(closed), 0L);
    }
    m.devnet.mineTipset();
    m.devnet.mineTipset();
    m.startClient();
    String root = importFile("data.bin", "guide data ".repeat(70));
    CliRun.Result r = cli(root + "\n180\n\n", "storage", "deals", "init");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("* Found 1 miners with power\n.. querying asks\n* Queried 1 asks, got 0 responses\n"
        + "Error: no asks found\nMiner Addresses (f0.. f0..), none to find: ");
    assertThat(r.err()).contains("input ended at the prompt \"Miner Addresses (f0.. f0..), none to find:\"");
  }
}
