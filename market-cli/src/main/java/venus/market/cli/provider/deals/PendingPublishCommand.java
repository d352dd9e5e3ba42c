package venus.market.cli.provider.deals;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import venus.market.cli.options.DaemonClient;
import venus.market.cli.options.OutputOptions;
import venus.market.cli.provider.ThinCommand;
import venus.market.cli.render.TextTable;
import venus.market.core.amount.ByteSizes;
import venus.market.daemon.api.MarketApi;
import venus.market.core.amount.Durations;

/** {@code venus-market storage-deals pending-publish [--publish-now]}: the publisher queue per provider. */
@Command(name = "pending-publish", description = "List deals waiting to be published (or publish them now).")
public final class PendingPublishCommand extends ThinCommand {
  @Option(names = "--publish-now", description = "publish the queued deals immediately")
  boolean publishNow;

  @Mixin OutputOptions output;

  @Override
  protected void run(DaemonClient daemon) {
    if (publishNow) {
      daemon.invoke(MarketApi.MARKET_PUBLISH_PENDING_DEALS);
      out().println("triggered deal publishing");
      return;
    }
    JsonNode pending = daemon.call(MarketApi.MARKET_PENDING_DEALS, JsonNode.class);
    if (output.json()) {
      OutputOptions.printJson(out(), pending);
      return;
    }
    boolean any = false;
    for (JsonNode p : pending == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : pending) {
      JsonNode deals = p.path("Deals");
      if (deals.isEmpty()) {
        continue;
      }
      any = true;
      Duration period = Duration.ofNanos(p.path("PublishPeriod").asLong());
      Instant start = OffsetDateTime.parse(p.path("PublishPeriodStart").asText()).toInstant();
      Instant end = start.plus(period);
      out().println("Publish period:             " + Durations.format(period) + " (ends in "
          + Durations.format(Duration.between(Instant.now(), end).withNanos(0)) + ")");
      out().println("First deal queued at:       " + start);
      out().println("Deals will be published at: " + end);
      out().println(deals.size() + " deals queued to be published:");
      TextTable t = new TextTable("ProposalCID", "Client", "Size");
      for (JsonNode d : deals) {
        JsonNode prop = d.path("Proposal");
        t.row(d.path("ProposalCid").path("/").asText(prop.path("PieceCID").path("/").asText("")),
            prop.path("Client").asText(""), ByteSizes.bytesSize(prop.path("PieceSize").asLong()));
      }
      out().print(t.render());
    }
    if (!any) {
      out().println("No deals queued to be published");
    }
  }
}
