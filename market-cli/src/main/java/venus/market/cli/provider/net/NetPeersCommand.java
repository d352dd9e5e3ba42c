package venus.market.cli.provider.net;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import venus.market.cli.options.DaemonClient;
import venus.market.cli.options.OutputOptions;
import venus.market.cli.provider.ThinCommand;
import venus.market.daemon.api.ApiJson;
import venus.market.daemon.api.MarketApi;

/** {@code venus-market net peers}: connected peers, {@code <peer id>, [<multiaddr>...]} per line as lotus prints. */
@Command(name = "peers", description = "List connected libp2p peers.")
public final class NetPeersCommand extends ThinCommand {
  @Mixin OutputOptions output;

  @Override
  protected void run(DaemonClient daemon) {
    List<ApiJson.AddrInfo> peers = daemon.call(MarketApi.NET_PEERS, new TypeReference<List<ApiJson.AddrInfo>>() {});
    if (output.json()) {
      OutputOptions.printJson(out(), peers);
      return;
    }
    for (ApiJson.AddrInfo p : peers) {
      out().println(p.id() + ", " + p.addrs());
    }
  }
}
