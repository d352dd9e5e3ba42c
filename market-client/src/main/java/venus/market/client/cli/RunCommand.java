package venus.market.client.cli;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import venus.market.client.config.ClientConfig;
import venus.market.client.daemon.ClientDaemon;
import venus.market.client.repo.ClientHome;
import venus.market.core.address.Address;

/** {@code run}: starts the client daemon; flags are written to config.toml so later starts need none. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Run the market-client daemon (deals, funds, asks; serves online-deal data to providers).",
        "Flags are saved to <repo>/config.toml. Writes <repo>/api and <repo>/token for the other commands."})
public final class RunCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--node-url", paramLabel = "<multiaddr|url>", description = "full node API (venus or lotus)")
  String nodeUrl;

  @Option(names = {"--auth-token", "--node-token"}, paramLabel = "<jwt>", description = "full node token")
  String authToken;

  @Option(names = "--addr", paramLabel = "<address>", description = "client wallet address (DefaultMarketAddress)")
  String addr;

  @Option(names = "--listen", paramLabel = "<multiaddr>", description = "API listen address ([API] ListenAddress)")
  String listen;

  @Option(names = "--libp2p-listen", paramLabel = "<multiaddr>", split = ",",
      description = "libp2p listen addresses ([Libp2p] ListenAddresses)")
  List<String> libp2pListen;

  @Option(names = "--http-listen", paramLabel = "<multiaddr>",
      description = "where providers download online-deal CARs ([DataTransfer] HttpListenAddress)")
  String httpListen;

  @Option(names = "--http-public-url", paramLabel = "<url>",
      description = "base URL providers can reach the CAR server at ([DataTransfer] HttpPublicUrl)")
  String httpPublicUrl;

  @Option(names = "--wallet-url", paramLabel = "<multiaddr|url>",
      description = "sign with this wallet API (venus-wallet, lotus-wallet) instead of the node's ([Signer] Url)")
  String walletUrl;

  @Option(names = "--wallet-token", paramLabel = "<jwt>", description = "token for --wallet-url ([Signer] Token)")
  String walletToken;

  @Option(names = "--local-wallet", description = "sign with the keys in <repo>/keystore/wallet ('market-client "
      + "wallet import'); no wallet service needed")
  boolean localWallet;

  @Option(names = "--node-wallet", description = "sign with the node's wallet again (the default)")
  boolean nodeWallet;

  @Option(names = "--log-level", defaultValue = "info", paramLabel = "<level>",
      description = "daemon log level on stderr: error, warn, info, debug (default: ${DEFAULT-VALUE})")
  String logLevel;

  @Override
  public Integer call() throws Exception {
    // The launcher keeps one-shot commands at WARN; the daemon's INFO lines (deals proposed, CARs served) are its log.
    // slf4j-simple reads this when the first logger is created, which happens below.
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", logLevel);
    System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
    System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSZ");
    ClientHome home = ClientHome.open(((ClientCli) spec.root().userObject()).repo());
    ClientConfig cfg = overrides(home.loadConfig());
    home.saveConfig(cfg);
    ClientDaemon daemon = ClientDaemon.start(home, cfg);
    CountDownLatch stop = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      daemon.close();
      stop.countDown();
    }, "shutdown"));
    var out = spec.commandLine().getOut();
    out.println("market-client daemon running: api " + daemon.apiAddress() + ", peer " + daemon.peerId()
        + ", repo " + home.root());
    out.flush();
    stop.await();
    return 0;
  }

  ClientConfig overrides(ClientConfig c) {
    if (nodeUrl != null || authToken != null) {
      c = c.withNode(new ClientConfig.Node(nodeUrl != null ? nodeUrl : c.node().url(),
          authToken != null ? authToken : c.node().token()));
    }
    if (addr != null) {
      c = c.withDefaultMarketAddress(Address.parse(addr).toString());
    }
    if (listen != null) {
      c = c.withApi(new ClientConfig.Api(listen, c.api().timeout(), c.api().secret()));
    }
    if (libp2pListen != null) {
      c = c.withLibp2p(new ClientConfig.Libp2p(libp2pListen, c.libp2p().privateKey()));
    }
    if (httpListen != null || httpPublicUrl != null) {
      c = c.withDataTransfer(new ClientConfig.DataTransfer(
          httpListen != null ? httpListen : c.dataTransfer().httpListenAddress(),
          httpPublicUrl != null ? httpPublicUrl : c.dataTransfer().httpPublicUrl()));
    }
    if (walletUrl != null) {
      c = c.withSigner(new ClientConfig.Signer(ClientConfig.Signer.WALLET, walletUrl,
          walletToken != null ? walletToken : c.signer().token()));
    } else if (walletToken != null) {
      c = c.withSigner(new ClientConfig.Signer(c.signer().type(), c.signer().url(), walletToken));
    }
    if (localWallet) {
      c = c.withSigner(new ClientConfig.Signer(ClientConfig.Signer.LOCAL, c.signer().url(), c.signer().token()));
    }
    if (nodeWallet) {
      c = c.withSigner(new ClientConfig.Signer(ClientConfig.Signer.NODE, c.signer().url(), c.signer().token()));
    }
    return c;
  }
}
