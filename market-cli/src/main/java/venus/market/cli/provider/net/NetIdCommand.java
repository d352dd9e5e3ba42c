package venus.market.cli.provider.net;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import venus.market.cli.options.DaemonClient;
import venus.market.cli.options.OutputOptions;
import venus.market.cli.provider.ThinCommand;
import venus.market.daemon.api.MarketApi;

/** {@code venus-market net id}: the market's peer id (what {@code actor set-peer-id} takes). */
@Command(name = "id", description = "Print the libp2p peer id.")
public final class NetIdCommand extends ThinCommand {
  @Mixin OutputOptions output;

  @Override
  protected void run(DaemonClient daemon) {
    String id = daemon.call(MarketApi.ID, String.class);
    if (output.json()) {
      OutputOptions.printJson(out(), id);
    } else {
      out().println(id);
    }
  }
}
