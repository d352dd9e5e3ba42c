package venus.market.cli.provider.deals;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import venus.market.cli.options.DaemonClient;
import venus.market.cli.options.OutputOptions;
import venus.market.cli.provider.ThinCommand;
import venus.market.daemon.api.ApiJson;
import venus.market.daemon.api.MarketApi;

/** {@code venus-market storage-deals get <proposal cid>}: one deal as JSON (MarketGetDeal). */
@Command(name = "get", description = "Print one storage deal as JSON.")
public final class DealGetCommand extends ThinCommand {
  @Parameters(index = "0", paramLabel = "<proposal cid>")
  String proposalCid;

  @Override
  protected void run(DaemonClient daemon) {
    JsonNode deal = daemon.call(MarketApi.MARKET_GET_DEAL, JsonNode.class, new ApiJson.CidJson(proposalCid));
    OutputOptions.printJson(out(), deal);
  }
}
