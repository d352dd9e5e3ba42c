package venus.market.cli.provider.net;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import venus.market.cli.options.DaemonClient;
import venus.market.cli.options.OutputOptions;
import venus.market.cli.provider.ThinCommand;
import venus.market.daemon.api.ApiJson;
import venus.market.daemon.api.MarketApi;

/** {@code venus-market net listen}: one {@code <multiaddr>/p2p/<peer id>} per line, for {@code actor set-addrs}. */
@Command(name = "listen", description = "List the libp2p listen addresses.")
public final class NetListenCommand extends ThinCommand {
  @Mixin OutputOptions output;

  @Override
  protected void run(DaemonClient daemon) {
    ApiJson.AddrInfo info = daemon.call(MarketApi.NET_ADDRS_LISTEN, ApiJson.AddrInfo.class);
    if (output.json()) {
      OutputOptions.printJson(out(), info);
      return;
    }
    for (String a : info.addrs()) {
      out().println(a + "/p2p/" + info.id());
    }
  }
}
