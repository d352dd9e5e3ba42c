package venus.market.cli.provider.deals;

import picocli.CommandLine.Command;
import venus.market.cli.options.DaemonClient;
import venus.market.cli.provider.ThinCommand;
import venus.market.daemon.api.MarketApi;

/** {@code venus-market storage-deals publish-now}: same as {@code pending-publish --publish-now}. */
@Command(name = "publish-now", description = "Publish the queued deals immediately.")
public final class PublishNowCommand extends ThinCommand {
  @Override
  protected void run(DaemonClient daemon) {
    daemon.invoke(MarketApi.MARKET_PUBLISH_PENDING_DEALS);
    out().println("triggered deal publishing");
  }
}
