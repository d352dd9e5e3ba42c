package venus.market.cli.provider.actor;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import venus.market.cli.options.DaemonClient;
import venus.market.cli.provider.ThinCommand;
import venus.market.daemon.api.ApiJson;
import venus.market.daemon.api.MarketApi;

/** {@code venus-market actor set-peer-id --miner=f01041 12D3KooW...}: ChangePeerID from the worker. */
@Command(name = "set-peer-id", description = "Set the miner's peer id on chain (sent from the worker).")
public final class ActorSetPeerIdCommand extends ThinCommand {
  @Mixin MinerOption miner;

  @Option(names = "--gas-limit", defaultValue = "0", description = "gas limit (0 = estimate)")
  long gasLimit;

  @Parameters(index = "0", paramLabel = "<peer id>", description = "libp2p peer id (see `venus-market net id`)")
  String peerId;

  @Override
  protected void run(DaemonClient daemon) {
    ApiJson.CidJson cid = daemon.call(MarketApi.ACTOR_SET_PEER_ID, ApiJson.CidJson.class, miner.miner, peerId, gasLimit);
    out().println("Requested peerid change in message " + cid.cid());
  }
}
