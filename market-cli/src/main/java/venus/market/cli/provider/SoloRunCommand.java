package venus.market.cli.provider;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import venus.market.cli.CliFailures.UsageException;
import venus.market.cli.VenusMarketCommand;
import venus.market.daemon.MarketDaemon;
import venus.market.daemon.config.ConfigException;
import venus.market.daemon.config.ConfigOverrides;
import venus.market.daemon.config.MarketConfig;
import venus.market.daemon.repo.Repo;

/**
 * {@code venus-market solo-run}: runs the daemon for the operator's own miners. Every flag maps to one
 * config.toml key and is saved there, so after the first run a plain {@code venus-market solo-run}
 * starts the same daemon.
 */
@Command(name = "solo-run", mixinStandardHelpOptions = true, description = "Run the market daemon for your own miners (own node and wallet).")
public final class SoloRunCommand implements Callable<Integer> {
  @Option(names = "--node-url", paramLabel = "<multiaddr|url>", description = "full node API ([Node] Url)")
  String nodeUrl;

  @Option(names = "--node-token", paramLabel = "<jwt>", description = "full node token ([Node] Token)")
  String nodeToken;

  @Option(names = {"--wallet-url", "--signer-url"}, paramLabel = "<multiaddr|url>",
      description = "venus-wallet API that signs for the miners ([Signer] Url)")
  String walletUrl;

  @Option(names = {"--wallet-token", "--signer-token"}, paramLabel = "<jwt>", description = "wallet token ([Signer] Token)")
  String walletToken;

  @Option(names = "--signer-type", hidden = true, paramLabel = "<wallet|lotusnode>", description = "[Signer] Type")
  String signerType;

  @Option(names = "--messager-url", hidden = true, paramLabel = "<multiaddr|url>", description = "[Messager] Url")
  String messagerUrl;

  @Option(names = "--messager-token", hidden = true, paramLabel = "<jwt>", description = "[Messager] Token")
  String messagerToken;

  @Option(names = "--piecestorage", paramLabel = "<fs:/path|s3:ak:sk[:token]@host/bucket>",
      description = "piece storage; replaces [PieceStorage]")
  String pieceStorage;

  @Option(names = "--miner", split = ",", paramLabel = "<t01000[:account]>",
      description = "a miner to serve (repeatable or comma separated); added to [[StorageMiners]]")
  List<String> miners = new ArrayList<>();

  @Option(names = "--payment-addr", paramLabel = "<addr[:account]>", description = "[RetrievalPaymentAddress]")
  String paymentAddr;

  @Option(names = "--listen", paramLabel = "<multiaddr>", description = "API listen address ([API] ListenAddress)")
  String listen;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    List<UnaryOperator<MarketConfig>> overrides = overrides();
    Repo repo = Repo.open(((VenusMarketCommand) spec.root().userObject()).repoPath());
    MarketDaemon daemon = MarketDaemon.start(repo, overrides);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      daemon.close();
      stopped.countDown();
    }, "venus-market-shutdown"));
    spec.commandLine().getErr().println("venus-market daemon running: API " + daemon.apiAddress()
        + ", repo " + repo.root() + " (stop with Ctrl-C)");
    spec.commandLine().getErr().flush();
    stopped.await();
    return 0;
  }

  /** The flags as config edits, in a fixed order; a bad flag value is a usage error (exit 2). */
  List<UnaryOperator<MarketConfig>> overrides() {
    List<UnaryOperator<MarketConfig>> out = new ArrayList<>();
    try {
      if (nodeUrl != null) {
        out.add(ConfigOverrides.nodeUrl(nodeUrl));
      }
      if (nodeToken != null) {
        out.add(ConfigOverrides.nodeToken(nodeToken));
      }
      if (walletUrl != null) {
        out.add(ConfigOverrides.walletUrl(walletUrl));
      }
      if (walletToken != null) {
        out.add(ConfigOverrides.walletToken(walletToken));
      }
      if (signerType != null) {
        out.add(ConfigOverrides.signerType(signerType));
      }
      if (messagerUrl != null) {
        out.add(ConfigOverrides.messagerUrl(messagerUrl));
      }
      if (messagerToken != null) {
        out.add(ConfigOverrides.messagerToken(messagerToken));
      }
      if (pieceStorage != null) {
        out.add(ConfigOverrides.pieceStorage(pieceStorage));
      }
      for (String m : miners) {
        out.add(ConfigOverrides.miner(m.trim()));
      }
      if (paymentAddr != null) {
        out.add(ConfigOverrides.paymentAddr(paymentAddr));
      }
      if (listen != null) {
        out.add(ConfigOverrides.apiListen(listen));
      }
    } catch (ConfigException e) {
      throw new UsageException(e.getMessage());
    }
    return out;
  }
}
