package venus.market.client.cli.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import venus.market.client.cli.CliRun;
import venus.market.client.deals.StartDealRequest;
import venus.market.client.repo.ClientHome;
import venus.market.client.rpc.ApiTypes;
import venus.market.client.rpc.ClientApi;
import venus.market.core.address.Address;
import venus.market.core.amount.TokenAmount;
import venus.market.core.json.LotusJson;
import venus.market.core.jsonrpc.JwtTokens;
import venus.market.core.jsonrpc.Permission;
import venus.market.core.jsonrpc.RpcAuthPolicy;
import venus.market.core.jsonrpc.RpcRegistry;
import venus.market.core.jsonrpc.RpcServer;
import venus.market.core.multiformats.Cid;

/**
 * The interactive dialog's branches the devnet cannot reach (it has no verified clients and one miner), against a
 * small JSON-RPC server on loopback that answers the client API methods the dialog calls: the verified-deal prompt
 * for a client with DataCap, the "not enough DataCap" note, and the per-miner price lines for several miners.
 */
class InitDialogTest {
  static final Address CLIENT = Address.parse("t1pwtw2c74ugrpqdx7xgwxv6wspqli7vnwby6y2hy");
  static final Cid PIECE = Cid.parse("baga6ea4seaqpz47j4kqdiixpehmzk3uw5c4cmqvs5iyi7xf7rwkepfhdvowdiai");
  static final Cid ROOT = Cid.parse("bafk2bzacedgv2xqys5ja4gycqipmg543ekxz3tjj6wwfexda352n55ahjldja");
  static final Cid PROPOSAL = Cid.parse("bafyreihiln2ha6eaaos7kuhwpnvjvjlxmjnpsklym6hhucu2z776bf2or4");

  @TempDir Path dir;
  RpcServer server;
  String dataCap;
  final List<StartDealRequest> started = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    RpcRegistry registry = new RpcRegistry();
    RpcRegistry.Namespace ns = registry.namespace(ClientApi.NAMESPACE);
    ns.method(ClientApi.DEFAULT_ADDRESS, Permission.READ, c -> CLIENT);
    ns.<Cid>method1(ClientApi.DEAL_PIECE_CID, Permission.READ, Cid.class,
        root -> new ApiTypes.DataCidSize(809, 1024, PIECE));
    ns.<Address>method1(ClientApi.VERIFIED_STATUS, Permission.READ, Address.class, a -> dataCap);
    ns.<Address>method1(ClientApi.QUERY_ASK, Permission.READ, Address.class, m -> new ApiTypes.Ask(m,
        TokenAmount.parse(m.id() == 1051 ? "0.02fil" : "0.04fil"), TokenAmount.parse("0.01fil"), 256, 8 << 20,
        0, 0, 0, "12D3KooW"));
    ns.<Address>method1(ClientApi.MINER_POWER, Permission.READ, Address.class, m -> Long.toString(32L << 30));
    ns.<Address>method1(ClientApi.WALLET_BALANCE, Permission.READ, Address.class,
        a -> TokenAmount.parse("9499.999999856612207905fil"));
    ns.<StartDealRequest>method1(ClientApi.START_DEAL, Permission.SIGN, StartDealRequest.class, r -> {
      started.add(r);
      return PROPOSAL;
    });
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    JwtTokens tokens = new JwtTokens(secret);
    server = RpcServer.builder().bind("127.0.0.1", 0).endpoint("/rpc/v0", registry).mapper(LotusJson.mapper())
        .auth(RpcAuthPolicy.lotusDefault(tokens)).build().start();
    ClientHome home = ClientHome.open(dir.resolve("repo"));
    home.writeApi("/ip4/127.0.0.1/tcp/" + server.port());
    home.writeToken(tokens.createVenusStyle("test", Permission.ADMIN));
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  private CliRun.Result init(String input) {
    return CliRun.runWithInput(dir, Map.of(), input, "--repo", dir.resolve("repo").toString(), "storage", "deals",
        "init");
  }

  @Test
  void clientWithDataCapIsAskedAboutAVerifiedDealAndPaysTheVerifiedPrice() {
    dataCap = Long.toString(1L << 30);
    CliRun.Result r = init(ROOT + "\n180\nsure\nyes\nf01051\nyes\n");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("Data CID (from lotus client import): .. calculating data size\n"
        + "PieceCid:  " + PIECE + "  PayLoadSize: 809 PieceSize: 1024\n"
        + "Deal duration (days): \n"
        + "Make this a verified deal? (yes/no): Type in full 'yes' or 'no'\n"
        + "Make this a verified deal? (yes/no): Miner Addresses (f0.. f0..), none to find: .. querying miner asks\n"
        + "-----\n"
        + "Proposing from " + CLIENT + "\n"
        + "\tBalance: 9499.999999856612207905 FIL\n"
        + "Piece size: 1KiB (Payload size: 809B)\n"
        + "Duration: 4320h0m0s\n"
        + "Total price: ~0.0049438476562176 FIL (0.000000009536743164 FIL per epoch)\n"
        + "Verified: true\n"
        + "Accept (yes/no): .. executing\n"
        + "Deal (t01051) CID: " + PROPOSAL + "\n");
    assertThat(started).hasSize(1);
    assertThat(started.get(0).verifiedDeal()).isTrue();
    assertThat(started.get(0).epochPrice()).isEqualTo(TokenAmount.parseAtto("9536743164"));
    assertThat(started.get(0).duration()).isEqualTo(518400);
  }

  @Test
  void tooLittleDataCapSkipsThePrompt() {
    dataCap = "512";
    CliRun.Result r = init(ROOT + "\n180\nf01051\nno\n");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("Deal duration (days): .. not enough DataCap available for a verified deal\n"
        + "Miner Addresses").contains("Verified: false\n").endsWith("Accept (yes/no): ");
    assertThat(started).isEmpty();
  }

  @Test
  void severalMinersGetOnePriceLineEachAndOneDealEach() {
    CliRun.Result r = init(ROOT + "\n180\nf01051 f01052\nyes\n");
    assertThat(r.exit()).as(r.err()).isZero();
    List<String> lines = new ArrayList<>(r.out().lines().toList());
    assertThat(lines).contains(
        "Miner t01051 (Power:32 GiB) price: ~0.0098876953124352 FIL (0.000000019073486328 FIL per epoch)",
        "Miner t01052 (Power:32 GiB) price: ~0.0197753906248704 FIL (0.000000038146972656 FIL per epoch)",
        "Total price: ~0.0296630859373056 FIL (0.000000057220458984 FIL per epoch)",
        "Deal (t01051) CID: " + PROPOSAL, "Deal (t01052) CID: " + PROPOSAL);
    assertThat(started).extracting(StartDealRequest::miner)
        .containsExactly(Address.parse("t01051"), Address.parse("t01052"));
  }

  @Test
  void aBadMinerAddressIsAskedAgain() {
    CliRun.Result r = init(ROOT + "\n180\nf0nope\nf01051\nno\n");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("Miner Addresses (f0.. f0..), none to find: Error: parsing miner address: ")
        .contains("\nMiner Addresses (f0.. f0..), none to find: .. querying miner asks\n");
    assertThat(started).isEmpty();
  }
}
