package venus.market.cli.provider.actor;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import venus.market.cli.options.DaemonClient;
import venus.market.cli.options.OutputOptions;
import venus.market.cli.provider.ThinCommand;
import venus.market.cli.render.TextTable;
import venus.market.daemon.api.ApiJson;
import venus.market.daemon.api.MarketApi;

/** {@code venus-market actor list}: table {@code miner  account}. */
@Command(name = "list", description = "List the miners served by this market.")
public final class ActorListCommand extends ThinCommand {
  @Mixin OutputOptions output;

  @Override
  protected void run(DaemonClient daemon) {
    List<ApiJson.User> users = daemon.call(MarketApi.ACTOR_LIST, new TypeReference<List<ApiJson.User>>() {});
    if (output.json()) {
      OutputOptions.printJson(out(), users);
      return;
    }
    TextTable t = new TextTable("miner", "account");
    users.forEach(u -> t.row(u.addr(), u.account()));
    out().print(t.render());
  }
}
