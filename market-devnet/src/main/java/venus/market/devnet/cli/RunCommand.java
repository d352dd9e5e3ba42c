package venus.market.devnet.cli;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import venus.market.core.amount.Durations;
import venus.market.core.jsonrpc.Multiaddrs;
import venus.market.devnet.Devnet;
import venus.market.devnet.DevnetException;
import venus.market.devnet.DevnetOptions;

/** {@code market-devnet run}: starts (or resumes) the chain and serves its APIs until stopped. */
@Command(name = "run", description = "Start the devnet (creating its genesis on first run) and serve its APIs.")
final class RunCommand implements Callable<Integer> {
  @Mixin RepoOption repo;

  @Option(names = "--api", defaultValue = "/ip4/127.0.0.1/tcp/3453", description = "full node API multiaddr (default: ${DEFAULT-VALUE})")
  String api;

  @Option(names = "--wallet-api", defaultValue = "/ip4/127.0.0.1/tcp/5678", description = "venus-wallet compatible API multiaddr (default: ${DEFAULT-VALUE})")
  String walletApi;

  @Option(names = "--block-time", defaultValue = "2s", description = "time between tipsets, Go duration syntax (default: ${DEFAULT-VALUE})")
  String blockTime;

  @Option(names = "--network-name", defaultValue = DevnetOptions.DEFAULT_NETWORK, description = "StateNetworkName (default: ${DEFAULT-VALUE})")
  String networkName;

  @Override
  public Integer call() throws Exception {
    Multiaddrs.HostPort a = Multiaddrs.toHostPort(api);
    Multiaddrs.HostPort w = Multiaddrs.toHostPort(walletApi);
    if (!a.host().equals(w.host())) {
      throw new DevnetException("--api and --wallet-api must use the same host");
    }
    Duration bt = Durations.parse(blockTime);
    if (bt.isNegative() || bt.isZero()) {
      throw new DevnetException("--block-time must be positive, got " + blockTime);
    }
    Devnet devnet = Devnet.start(repo.path(), new DevnetOptions(a.host(), a.port(), w.port(), bt, networkName));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      devnet.close();
      stopped.countDown();
    }, "devnet-shutdown"));
    System.out.println("market-devnet: a local dev chain for demos and tests; its FIL is worthless.");
    System.out.println("repo: " + devnet.repo().toAbsolutePath());
    System.out.println("miner: " + devnet.minerAddress() + "  owner: " + devnet.account("owner")
        + "  worker: " + devnet.account("worker") + "  client: " + devnet.account("client"));
    System.out.println("FULLNODE_API_INFO=" + devnet.apiInfo());
    System.out.flush();
    stopped.await();
    return 0;
  }
}
