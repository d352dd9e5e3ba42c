package venus.market.cli.provider.deals;

import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import venus.market.cli.options.DaemonClient;
import venus.market.cli.options.OutputOptions;
import venus.market.cli.provider.ThinCommand;
import venus.market.cli.provider.actor.MinerOption;
import venus.market.cli.render.TextTable;
import venus.market.core.amount.ByteSizes;
import venus.market.core.amount.TokenAmount;
import venus.market.daemon.api.ApiJson;
import venus.market.daemon.api.MarketApi;
import venus.market.core.amount.Durations;

/** {@code venus-market storage-deals get-ask --miner=t01041}: the guide's one-row ask table. */
@Command(name = "get-ask", description = "Show the miner's storage ask.")
public final class GetAskCommand extends ThinCommand {
  @Mixin MinerOption miner;
  @Mixin OutputOptions output;

  @Override
  protected void run(DaemonClient daemon) {
    ApiJson.SignedStorageAsk signed = daemon.call(MarketApi.MARKET_GET_ASK, ApiJson.SignedStorageAsk.class, miner.miner);
    if (output.json()) {
      OutputOptions.printJson(out(), signed);
      return;
    }
    if (signed == null || signed.ask() == null) {
      out().println("<miner does not have an ask>");
      return;
    }
    long head = daemon.call(MarketApi.CHAIN_HEAD, ApiJson.ChainHead.class).height();
    out().print(render(signed.ask(), head));
  }

  static String render(ApiJson.StorageAsk ask, long head) {
    long left = ask.expiry() - head;
    String remaining = left > 0 ? Durations.format(Duration.ofSeconds(left * SetAskCommand.EPOCH_SECONDS)) : "<expired>";
    return new TextTable("Price per GiB/Epoch", "Verified", "Min. Piece Size (padded)", "Max. Piece Size (padded)",
        "Expiry (Epoch)", "Expiry (Appx. Rem. Time)", "Seq. No.")
        .row(TokenAmount.parseAtto(ask.price()), TokenAmount.parseAtto(ask.verifiedPrice()),
            ByteSizes.sizeStr(ask.minPieceSize()), ByteSizes.sizeStr(ask.maxPieceSize()),
            ask.expiry(), remaining, ask.seqNo())
        .render();
  }
}
