package venus.market.cli.provider.actor;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import venus.market.cli.CliFailures.UsageException;
import venus.market.cli.options.DaemonClient;
import venus.market.cli.provider.ThinCommand;
import venus.market.daemon.api.ApiJson;
import venus.market.daemon.api.MarketApi;

/**
 * {@code venus-market actor set-addrs --miner=t01041 /ip4/192.168.19.67/tcp/58418/}: the daemon sends
 * ChangeMultiaddrs from the miner's worker; prints {@code Requested multiaddrs change in message <cid>}.
 */
@Command(name = "set-addrs", description = "Set the miner's multiaddrs on chain (sent from the worker).")
public final class ActorSetAddrsCommand extends ThinCommand {
  @Mixin MinerOption miner;

  @Option(names = "--gas-limit", defaultValue = "0", description = "gas limit (0 = estimate)")
  long gasLimit;

  @Option(names = "--unset", description = "unset the addresses (send an empty list)")
  boolean unset;

  @Parameters(arity = "0..*", paramLabel = "<multiaddr>", description = "addresses, e.g. /ip4/1.2.3.4/tcp/58418")
  List<String> addrs = new ArrayList<>();

  @Override
  protected void run(DaemonClient daemon) {
    if (unset && !addrs.isEmpty()) {
      throw new UsageException("--unset takes no addresses");
    }
    if (!unset && addrs.isEmpty()) {
      throw new UsageException("give at least one multiaddr, or --unset");
    }
    List<String> clean = new ArrayList<>();
    for (String a : addrs) {
      String s = a.endsWith("/") ? a.substring(0, a.length() - 1) : a;
      int p2p = s.indexOf("/p2p/");
      if (p2p >= 0) {
        out().println("Stripping peerid " + s.substring(p2p + 5) + " from " + s);
        s = s.substring(0, p2p);
      }
      clean.add(s);
    }
    ApiJson.CidJson cid = daemon.call(MarketApi.ACTOR_SET_ADDRS, ApiJson.CidJson.class, miner.miner, clean, gasLimit);
    out().println("Requested multiaddrs change in message " + cid.cid());
  }
}
