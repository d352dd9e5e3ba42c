package venus.market.client.cli.storage;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import venus.market.client.cli.ClientCli;
import venus.market.client.cli.Table;
import venus.market.client.cli.daemon.DaemonApi;
import venus.market.client.rpc.ApiTypes;
import venus.market.core.amount.ByteSizes;

/** {@code storage deals list}: lotus client list-deals columns, with the provider's state under each deal. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List storage deals.")
final class ListCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--show-failed", description = "also show deals in StorageDealError")
  boolean showFailed;

  @Option(names = "--watch", description = "redraw every --interval until interrupted")
  boolean watch;

  @Option(names = "--interval", defaultValue = "2", paramLabel = "<seconds>", description = "--watch period")
  int interval;

  @Option(names = "--json", description = "print the deals as JSON")
  boolean json;

  @Override
  public Integer call() throws Exception {
    DaemonApi api = DaemonApi.connect(((ClientCli) spec.root().userObject()).repo());
    PrintWriter out = spec.commandLine().getOut();
    while (true) {
      api.refreshDeals();
      List<ApiTypes.DealInfo> deals = api.listDeals().stream()
          .filter(d -> showFailed || json || !d.state().equals("StorageDealError")).toList();
      if (watch) {
        out.print("\033[H\033[2J");
      }
      if (json) {
        out.println(DaemonApi.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(deals));
        out.flush();
      } else {
        table(deals).print(out);
      }
      if (!watch) {
        return 0;
      }
      Thread.sleep(Math.max(1, interval) * 1000L);
    }
  }

  static Table table(List<ApiTypes.DealInfo> deals) {
    Table t = new Table("DealCid", "DealId", "Provider", "State", "On Chain?", "Slashed?", "PieceCID", "Size",
        "Price", "Duration", "Verified");
    for (ApiTypes.DealInfo d : deals) {
      List<String> notes = new ArrayList<>();
      if (!d.providerState().isEmpty()) {
        notes.add("Provider state: " + d.providerState());
      }
      if (!d.message().isEmpty()) {
        notes.add(d.message());
      }
      t.row(List.of(tail(d.proposalCid().toString()), Long.toString(d.dealID()), d.provider().toString(), d.state(),
          d.sectorStartEpoch() > 0 ? "Y (epoch " + d.sectorStartEpoch() + ")" : "N",
          d.slashEpoch() > 0 ? "Y (epoch " + d.slashEpoch() + ")" : "N", tail(d.pieceCID().toString()),
          ByteSizes.sizeStr(d.pieceSize() / 128 * 127), d.totalPrice().toString(), Long.toString(d.duration()),
          Boolean.toString(d.verifiedDeal())),
          notes.isEmpty() ? List.of() : List.of("  Message: " + String.join("; ", notes)));
    }
    return t;
  }

  private static String tail(String s) {
    return s.length() <= 8 ? s : "..." + s.substring(s.length() - 8);
  }
}
