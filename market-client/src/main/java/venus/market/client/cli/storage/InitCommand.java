package venus.market.client.cli.storage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import venus.market.client.cli.ClientCli;
import venus.market.client.cli.daemon.DaemonApi;
import venus.market.client.deals.DealService;
import venus.market.client.deals.StartDealRequest;
import venus.market.client.rpc.ApiTypes;
import venus.market.core.MarketException;
import venus.market.core.address.Address;
import venus.market.core.amount.ByteSizes;
import venus.market.core.amount.Durations;
import venus.market.core.amount.Epochs;
import venus.market.core.amount.TokenAmount;
import venus.market.core.multiformats.Cid;

/**
 * {@code storage deals init}: without arguments the interactive flow of the guide (data CID, duration in days,
 * miners, their asks, a price summary to accept); with {@code <dataCid> <miner> <price> <duration>} one deal at a
 * price in FIL per epoch — with {@code --manual-piece-cid/--manual-piece-size} an offline deal.
 */
@Command(name = "init", mixinStandardHelpOptions = true,
    description = {"Start a storage deal. Without arguments: interactive. With arguments: one deal; price is FIL per "
        + "epoch for the whole piece, duration in epochs (518400 = 180 days).",
        "--manual-piece-cid/--manual-piece-size make an offline deal: the provider imports the CAR itself "
            + "('venus-market storage-deals import-data')."})
final class InitCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "<dataCid>")
  String dataCid;

  @Parameters(index = "1", arity = "0..1", paramLabel = "<miner>")
  String miner;

  @Parameters(index = "2", arity = "0..1", paramLabel = "<price>", description = "FIL per epoch, e.g. 0.01fil")
  String price;

  @Parameters(index = "3", arity = "0..1", paramLabel = "<duration>", description = "epochs")
  Long duration;

  @Option(names = "--manual-piece-cid", paramLabel = "<pieceCid>", description = "offline deal: the piece CID")
  String manualPieceCid;

  @Option(names = "--manual-piece-size", paramLabel = "<bytes>",
      description = "offline deal: UNPADDED piece size in bytes (as 'data commP' prints, e.g. 4064)")
  Long manualPieceSize;

  @Option(names = "--from", paramLabel = "<address>", description = "client address (default: the daemon's --addr)")
  String from;

  @Option(names = "--start-epoch", defaultValue = "-1", paramLabel = "<epoch>",
      description = "deal start (default: head + [Deals] StartEpochDelay)")
  long startEpoch;

  @Option(names = "--provider-collateral", paramLabel = "<attoFIL>", description = "default: the chain minimum")
  String providerCollateral;

  @Option(names = "--verified-deal", description = "use DataCap (the client must be verified)")
  boolean verified;

  @Override
  public Integer call() throws Exception {
    DaemonApi api = DaemonApi.connect(((ClientCli) spec.root().userObject()).repo());
    if (dataCid == null) {
      return interactive(api);
    }
    if (miner == null || price == null || duration == null) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "expected <dataCid> <miner> <price> <duration>, or no arguments for the interactive mode");
    }
    if ((manualPieceCid == null) != (manualPieceSize == null)) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--manual-piece-cid and --manual-piece-size go together (offline deal)");
    }
    Cid proposal = api.startDeal(new StartDealRequest(Cid.parse(dataCid), Address.parse(miner),
        from == null ? null : Address.parse(from), TokenAmount.parse(price), duration, startEpoch,
        manualPieceCid == null ? null : Cid.parse(manualPieceCid), manualPieceSize == null ? 0 : manualPieceSize,
        providerCollateral == null ? null : TokenAmount.parseAtto(providerCollateral), verified));
    spec.commandLine().getOut().println(proposal);
    spec.commandLine().getOut().flush();
    return 0;
  }

  private int interactive(DaemonApi api) throws IOException {
    BufferedReader in = ((ClientCli) spec.root().userObject()).input();
    PrintWriter out = spec.commandLine().getOut();
    Cid root = Cid.parse(prompt(in, out, "Data CID (from lotus client import): "));
    out.println(".. calculating data size");
    out.flush();
    ApiTypes.DataCidSize size = api.dealPieceCid(root);
    out.println("PieceCid:  " + size.pieceCID() + "  PayLoadSize: " + size.payloadSize() + " PieceSize: "
        + size.pieceSize());
    long days = parseLong(prompt(in, out, "Deal duration (days): "), "days");
    long epochs = Epochs.fromDays(days);
    String minerLine = prompt(in, out, "Miner Addresses (f0.. f0..), none to find: ");
    List<Address> miners = new ArrayList<>();
    for (String m : minerLine.trim().split("\\s+")) {
      if (!m.isEmpty()) {
        miners.add(Address.parse(m));
      }
    }
    if (miners.isEmpty()) {
      throw new MarketException("miner discovery is not supported yet: give the miner addresses (f0..)");
    }
    out.println(".. querying miner asks");
    out.flush();
    List<TokenAmount> perEpoch = new ArrayList<>();
    TokenAmount sum = TokenAmount.ZERO;
    for (Address m : miners) {
      ApiTypes.Ask ask = api.queryAsk(m);
      TokenAmount p = DealService.epochPrice(verified ? ask.verifiedPrice() : ask.price(), size.pieceSize());
      perEpoch.add(p);
      sum = sum.add(p);
    }
    Address wallet = from != null ? Address.parse(from) : api.defaultAddress();
    TokenAmount total = TokenAmount.ofAtto(sum.atto().multiply(BigInteger.valueOf(epochs)));
    out.println("-----");
    out.println("Proposing from " + wallet);
    out.println("\tBalance: " + api.walletBalance(wallet));
    out.println("Piece size: " + ByteSizes.bytesSize(size.pieceSize()) + " (Payload size: "
        + ByteSizes.bytesSize(size.payloadSize()) + ")");
    out.println("Duration: " + Durations.format(Duration.ofSeconds(epochs * Epochs.EPOCH_DURATION_SECONDS)));
    out.println("Total price: ~" + total + " (" + sum + " per epoch)");
    out.println("Verified: " + verified);
    String accept = prompt(in, out, "Accept (yes/no): ").toLowerCase(Locale.ROOT);
    if (!accept.equals("yes") && !accept.equals("y")) {
      out.println("not proposing");
      out.flush();
      return 0;
    }
    out.println(".. executing");
    out.flush();
    for (int i = 0; i < miners.size(); i++) {
      Cid c = api.startDeal(new StartDealRequest(root, miners.get(i), wallet, perEpoch.get(i), epochs, startEpoch,
          null, 0, null, verified));
      out.println("Deal (" + miners.get(i) + ") CID: " + c);
      out.flush();
    }
    return 0;
  }

  private static String prompt(BufferedReader in, PrintWriter out, String text) throws IOException {
    out.print(text);
    out.flush();
    String line = in.readLine();
    if (line == null) {
      throw new MarketException("input ended at the prompt \"" + text.trim() + "\"");
    }
    return line.trim();
  }

  private static long parseLong(String s, String what) {
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw new MarketException("not a whole number of " + what + ": \"" + s + "\"");
    }
  }
}
