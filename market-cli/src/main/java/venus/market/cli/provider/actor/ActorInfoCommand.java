package venus.market.cli.provider.actor;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import venus.market.cli.options.DaemonClient;
import venus.market.cli.options.OutputOptions;
import venus.market.cli.provider.ThinCommand;
import venus.market.daemon.api.ApiJson;
import venus.market.daemon.api.MarketApi;

/** {@code venus-market actor info --miner t01041}: the {@code peers:} and {@code addr:} lines of the guide. */
@Command(name = "info", description = "Show the miner's on-chain peer id and multiaddrs.")
public final class ActorInfoCommand extends ThinCommand {
  @Mixin MinerOption miner;
  @Mixin OutputOptions output;

  @Override
  protected void run(DaemonClient daemon) {
    ApiJson.MinerOnChain info = daemon.call(MarketApi.ACTOR_INFO, ApiJson.MinerOnChain.class, miner.miner);
    if (output.json()) {
      OutputOptions.printJson(out(), info);
      return;
    }
    out().println("peers: " + (info.peerId() == null ? "" : info.peerId()));
    if (info.multiaddrs().isEmpty()) {
      out().println("addr:");
    }
    for (String a : info.multiaddrs()) {
      out().println("addr: " + a);
    }
  }
}
