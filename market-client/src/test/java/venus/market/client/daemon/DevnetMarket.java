package venus.market.client.daemon;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import venus.market.client.cli.CliRun;
import venus.market.client.config.ClientConfig;
import venus.market.client.repo.ClientHome;
import venus.market.core.address.Address;
import venus.market.core.json.LotusJson;
import venus.market.core.jsonrpc.ApiInfo;
import venus.market.core.jsonrpc.Permission;
import venus.market.core.jsonrpc.RpcClient;
import venus.market.daemon.MarketDaemon;
import venus.market.daemon.api.MarketApi;
import venus.market.daemon.config.ConfigOverrides;
import venus.market.daemon.config.Libp2pConfig;
import venus.market.daemon.repo.Repo;
import venus.market.devnet.Devnet;
import venus.market.devnet.DevnetOptions;

/**
 * A devnet, the real provider daemon registered on chain for the devnet miner (peer ID and addresses set through its
 * API, ask published), and helpers to start the client daemon against the same devnet — everything on loopback.
 */
final class DevnetMarket implements AutoCloseable {
  final Path dir;
  final Devnet devnet;
  MarketDaemon provider;
  ClientDaemon client;

  DevnetMarket(Path dir) throws Exception {
    this.dir = dir;
    this.devnet = Devnet.start(dir.resolve("devnet"), DevnetOptions.forTests());
  }

  Address clientAddress() {
    return devnet.account("client");
  }

  Address miner() {
    return devnet.minerAddress();
  }

  /** Starts the provider, points the miner's on-chain peer ID and addresses at it and sets an ask. */
  void startProvider() throws Exception {
    ApiInfo node = ApiInfo.parse(devnet.apiInfo());
    ApiInfo wallet = ApiInfo.parse(devnet.walletApiInfo(Permission.ADMIN));
    provider = MarketDaemon.start(Repo.open(dir.resolve("provider")), List.of(
        ConfigOverrides.nodeUrl(node.address()), ConfigOverrides.nodeToken(node.token()),
        ConfigOverrides.walletUrl(wallet.address()), ConfigOverrides.walletToken(wallet.token()),
        ConfigOverrides.pieceStorage("fs:" + dir.resolve("pieces")),
        ConfigOverrides.miner(miner() + ":acct"),
        ConfigOverrides.apiListen("/ip4/127.0.0.1/tcp/0"),
        c -> c.withLibp2p(new Libp2pConfig(List.of("/ip4/127.0.0.1/tcp/0"), List.of(), List.of(), ""))));
    RpcClient rpc = new RpcClient(ApiInfo.parse(provider.adminToken() + ":" + provider.apiAddress()).httpUrl("v0"),
        provider.adminToken(), LotusJson.mapper(), Duration.ofSeconds(30));
    String addr = provider.p2p().listenAddrs().get(0);
    rpc.call(MarketApi.full(MarketApi.ACTOR_SET_ADDRS), Object.class, miner().toString(), List.of(addr), 0L);
    rpc.call(MarketApi.full(MarketApi.ACTOR_SET_PEER_ID), Object.class, miner().toString(),
        provider.p2p().peerId(), 0L);
    devnet.mineTipset();
    devnet.mineTipset();
    // 0.02 FIL / 0.01 FIL per GiB per epoch, 512 B .. 8 MiB, as in the guide
    provider.asks().setAsk(miner(), new java.math.BigInteger("20000000000000000"),
        new java.math.BigInteger("10000000000000000"), 10 * 2880L, 512L, 8L << 20);
  }

  ClientConfig clientConfig() {
    ApiInfo node = ApiInfo.parse(devnet.apiInfo());
    return ClientConfig.defaults().withNode(new ClientConfig.Node(node.address(), node.token()))
        .withDefaultMarketAddress(clientAddress().toString())
        .withApi(new ClientConfig.Api("/ip4/127.0.0.1/tcp/0", Duration.ofSeconds(30), ""))
        .withLibp2p(new ClientConfig.Libp2p(List.of("/ip4/127.0.0.1/tcp/0"), ""))
        .withDataTransfer(new ClientConfig.DataTransfer("/ip4/127.0.0.1/tcp/0", ""))
        .withDeals(new ClientConfig.Deals(Duration.ofHours(1), ClientConfig.defaults().deals().startEpochDelay()));
  }

  Path clientRepo() {
    return dir.resolve("client");
  }

  /** Runs market-client {@code args} against {@link #clientRepo()} ({@code --repo} prepended), {@code input} on stdin. */
  CliRun.Result cli(String input, String... args) {
    String[] full = new String[args.length + 2];
    full[0] = "--repo";
    full[1] = clientRepo().toString();
    System.arraycopy(args, 0, full, 2, args.length);
    return CliRun.runWithInput(dir, Map.of(), input, full);
  }

  ClientDaemon startClient() throws Exception {
    return startClient(clientConfig());
  }

  ClientDaemon startClient(ClientConfig cfg) throws Exception {
    ClientHome home = ClientHome.open(clientRepo());
    home.saveConfig(cfg);
    client = ClientDaemon.start(home, home.loadConfig());
    return client;
  }

  void stopClient() {
    if (client != null) {
      client.close();
      client = null;
    }
  }

  @Override
  public void close() {
    stopClient();
    if (provider != null) {
      provider.close();
    }
    devnet.close();
  }
}
