package venus.market.cli.provider.deals;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import venus.market.cli.options.DaemonClient;
import venus.market.cli.provider.ThinCommand;
import venus.market.daemon.api.ApiJson;
import venus.market.daemon.api.MarketApi;

/**
 * {@code venus-market storage-deals import-data <proposal cid> <file>}: hands an offline deal's CAR to the
 * daemon (DealsImportData). The daemon opens the file itself, so the path is made absolute here.
 */
@Command(name = "import-data", description = "Import the data of an offline deal (the file must be readable by the daemon).")
public final class ImportDataCommand extends ThinCommand {
  @Parameters(index = "0", paramLabel = "<proposal cid>")
  String proposalCid;

  @Parameters(index = "1", paramLabel = "<file>")
  Path file;

  @Override
  protected void run(DaemonClient daemon) {
    daemon.invoke(MarketApi.DEALS_IMPORT_DATA, new ApiJson.CidJson(proposalCid), file.toAbsolutePath().toString());
  }
}
