package venus.market.cli.provider.deals;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import venus.market.cli.options.DaemonClient;
import venus.market.cli.options.OutputOptions;
import venus.market.cli.provider.ThinCommand;
import venus.market.cli.render.TextTable;
import venus.market.core.amount.ByteSizes;
import venus.market.core.amount.TokenAmount;
import venus.market.core.storagemarket.StorageDealStatus;
import venus.market.daemon.api.MarketApi;

/**
 * {@code venus-market storage-deals list}: the guide's table
 * {@code ProposalCid DealId State Client Provider Size Price Duration} (MarketListIncompleteDeals).
 */
@Command(name = "list", description = "List storage deals.")
public final class DealListCommand extends ThinCommand {
  @Option(names = "--miner", paramLabel = "<address>", description = "only this miner's deals")
  String miner;

  /** {@code -v}, or the global {@code --verbose} (which also enables stack traces), as droplet's list has both. */
  @Option(names = "-v", description = "full CIDs and more columns (same as --verbose)")
  boolean v;

  /**
   * droplet redraws on each MarketGetDealUpdates event; this thin client polls the list instead and prints the table
   * again whenever it changed (clearing the screen on a terminal), until interrupted.
   */
  @Option(names = "--watch", description = "keep running and print the table again whenever a deal changes")
  boolean watch;

  @Option(names = "--interval", paramLabel = "<seconds>", defaultValue = "2",
      description = "how often --watch asks the daemon (default ${DEFAULT-VALUE})")
  int intervalSeconds;

  /** Stop --watch after this many tables (tests); 0 = never. */
  @Option(names = "--watch-updates", hidden = true, defaultValue = "0")
  int watchUpdates;

  private boolean verbose;

  @Override
  protected void validate() {
    if (intervalSeconds < 1) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--interval must be at least 1 second");
    }
  }

  @Mixin OutputOptions output;

  @Override
  protected void run(DaemonClient daemon) throws InterruptedException {
    verbose = v || ((venus.market.cli.VenusMarketCommand) spec.root().userObject()).verbose();
    if (!watch) {
      out().print(render(daemon));
      return;
    }
    boolean terminal = System.console() != null;
    String last = null;
    int printed = 0;
    while (true) {
      String now = render(daemon);
      if (!now.equals(last)) {
        out().print(terminal ? "\033[H\033[2J" + now : (last == null ? "" : "\n") + now);
        out().flush();
        last = now;
        if (watchUpdates > 0 && ++printed >= watchUpdates) {
          return;
        }
      }
      Thread.sleep(intervalSeconds * 1000L);
    }
  }

  private String render(DaemonClient daemon) {
    JsonNode deals = daemon.call(MarketApi.MARKET_LIST_INCOMPLETE_DEALS, JsonNode.class, miner == null ? "" : miner);
    if (output.json()) {
      java.io.StringWriter sw = new java.io.StringWriter();
      java.io.PrintWriter pw = new java.io.PrintWriter(sw);
      OutputOptions.printJson(pw, deals);
      pw.flush();
      return sw.toString();
    }
    TextTable t = verbose
        ? new TextTable("Creation", "Verified", "ProposalCid", "DealId", "State", "Client", "Provider", "Size", "Price",
            "Duration", "PublishCid", "Message")
        : new TextTable("ProposalCid", "DealId", "State", "Client", "Provider", "Size", "Price", "Duration");
    if (deals != null) {
      for (JsonNode d : deals) {
        row(t, d);
      }
    }
    return t.render();
  }

  private void row(TextTable t, JsonNode d) {
    JsonNode p = d.path("Proposal");
    String propCid = d.path("ProposalCid").path("/").asText("");
    long duration = p.path("EndEpoch").asLong() - p.path("StartEpoch").asLong();
    BigInteger price = new BigInteger(p.path("StoragePricePerEpoch").asText("0")).multiply(BigInteger.valueOf(duration));
    String size = ByteSizes.bytesSize(p.path("PieceSize").asLong());
    String state = stateName(d.path("State").asLong());
    if (verbose) {
      t.row(d.path("CreationTime").asText(""), p.path("VerifiedDeal").asBoolean(), propCid, d.path("DealID").asLong(), state,
          p.path("Client").asText(""), p.path("Provider").asText(""), size, TokenAmount.ofAtto(price).toString(), duration,
          d.path("PublishCid").path("/").asText(""), d.path("Message").asText(""));
    } else {
      String shortCid = propCid.length() > 8 ? "..." + propCid.substring(propCid.length() - 8) : propCid;
      t.row(shortCid, d.path("DealID").asLong(), state, p.path("Client").asText(""), p.path("Provider").asText(""), size,
          TokenAmount.ofAtto(price).toString(), duration);
    }
  }

  static String stateName(long code) {
    StorageDealStatus[] all = StorageDealStatus.values();
    return code >= 0 && code < all.length ? all[(int) code].goName() : "StorageDealUnknown(" + code + ")";
  }
}
