package venus.market.client.cli.storage;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import venus.market.client.cli.ClientCli;
import venus.market.client.cli.daemon.DaemonApi;
import venus.market.core.multiformats.Cid;

/** {@code storage deals get <proposalCid>}: the deal as JSON (local record, provider state, chain state). */
@Command(name = "get", mixinStandardHelpOptions = true, description = "Print one deal as JSON.")
final class GetCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "<proposalCid>")
  String proposal;

  @Override
  public Integer call() throws Exception {
    DaemonApi api = DaemonApi.connect(((ClientCli) spec.root().userObject()).repo());
    var info = api.getDeal(Cid.parse(proposal));
    spec.commandLine().getOut().println(DaemonApi.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(info));
    spec.commandLine().getOut().flush();
    return 0;
  }
}
