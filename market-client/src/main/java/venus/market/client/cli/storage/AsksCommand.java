package venus.market.client.cli.storage;

import java.io.PrintWriter;
import java.math.BigInteger;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import venus.market.client.cli.ClientCli;
import venus.market.client.cli.daemon.DaemonApi;
import venus.market.client.deals.DealService;
import venus.market.client.rpc.ApiTypes;
import venus.market.core.address.Address;
import venus.market.core.amount.ByteSizes;
import venus.market.core.amount.TokenAmount;

/** {@code storage asks query <miner>}: the miner's signed ask, fetched over libp2p by the daemon. */
@Command(name = "asks", mixinStandardHelpOptions = true, description = "Query storage asks.",
    subcommands = AsksCommand.Query.class)
public final class AsksCommand {

  @Command(name = "query", mixinStandardHelpOptions = true,
      description = {"Find a miner's ask: its peer comes from chain (StateMinerInfo), the ask from "
          + "/fil/storage/ask/1.1.0, checked against the miner's worker key."})
  static final class Query implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<minerAddress>")
    String miner;

    @Option(names = "--size", paramLabel = "<bytes>", description = "data size in bytes: also print the price")
    Long size;

    @Option(names = "--duration", paramLabel = "<epochs>", description = "deal duration: also print the total price")
    Long duration;

    @Override
    public Integer call() throws Exception {
      DaemonApi api = DaemonApi.connect(((ClientCli) spec.root().userObject()).repo());
      ApiTypes.Ask ask = api.queryAsk(Address.parse(miner));
      PrintWriter out = spec.commandLine().getOut();
      out.println("Ask: " + ask.miner());
      out.println("Price per GiB: " + ask.price());
      out.println("Verified Price per GiB: " + ask.verifiedPrice());
      out.println("Max Piece size: " + ByteSizes.sizeStr(ask.maxPieceSize()));
      out.println("Min Piece size: " + ByteSizes.sizeStr(ask.minPieceSize()));
      if (size != null) {
        TokenAmount perEpoch = DealService.epochPrice(ask.price(), size);
        out.println("Price per Block: " + perEpoch);
        if (duration != null) {
          out.println("Total Price: " + TokenAmount.ofAtto(perEpoch.atto().multiply(BigInteger.valueOf(duration))));
        }
      }
      out.flush();
      return 0;
    }
  }
}
