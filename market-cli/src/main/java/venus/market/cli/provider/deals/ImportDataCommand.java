package venus.market.cli.provider.deals;

import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import venus.market.cli.options.DaemonClient;
import venus.market.cli.provider.ThinCommand;
import venus.market.daemon.api.ApiJson;
import venus.market.daemon.api.MarketApi;

/**
 * {@code venus-market storage-deals import-data <proposal cid> <file>}: hands an offline deal's CAR to the
 * daemon (DealsImportData). The daemon opens the file itself, so the path is made absolute here. The call returns
 * when the daemon has read the whole file, checked its commP and stored the piece, so it waits for hours unless
 * {@code --timeout} says otherwise. Prints nothing on success, as droplet.
 */
@Command(name = "import-data", description = {
    "Import the data of an offline deal: the daemon reads the file (it must be readable on the daemon's host),",
    "checks its piece CID against the deal and stores the piece. Waits until that is done (no --timeout limit",
    "unless given)."})
public final class ImportDataCommand extends ThinCommand {
  /** An import reads the whole CAR once; hours is generous even for a 64 GiB piece on slow disks. */
  static final Duration WAIT = Duration.ofHours(12);

  @Parameters(index = "0", paramLabel = "<proposal cid>")
  String proposalCid;

  @Parameters(index = "1", paramLabel = "<file>")
  Path file;

  @Override
  protected void run(DaemonClient ignored) {
    api.connect(WAIT).invoke(MarketApi.DEALS_IMPORT_DATA, new ApiJson.CidJson(proposalCid),
        file.toAbsolutePath().normalize().toString());
  }
}
