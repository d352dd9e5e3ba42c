package venus.market.client.cli.storage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
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
import venus.market.core.market.MarketPolicy;
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

  /**
   * The guide's interactive flow (lotus/droplet-client {@code client deal} without arguments). Bad answers print
   * {@code Error: …} and ask again; an empty miner list finds miners on chain ({@link #findMiners}).
   */
  private int interactive(DaemonApi api) throws IOException {
    BufferedReader in = ((ClientCli) spec.root().userObject()).input();
    PrintWriter out = spec.commandLine().getOut();
    Address wallet = from != null ? Address.parse(from) : api.defaultAddress();
    Cid root;
    while (true) {
      String line = prompt(in, out, "Data CID (from lotus client import): ");
      try {
        root = Cid.parse(line);
        break;
      } catch (RuntimeException e) {
        error(out, "parsing cid string: " + e.getMessage());
      }
    }
    out.println(".. calculating data size");
    out.flush();
    ApiTypes.DataCidSize size = api.dealPieceCid(root);
    out.println("PieceCid:  " + size.pieceCID() + "  PayLoadSize: " + size.payloadSize() + " PieceSize: "
        + size.pieceSize());
    long minDays = MarketPolicy.DEAL_MIN_DURATION / Epochs.EPOCHS_PER_DAY;
    long maxDays = MarketPolicy.DEAL_MAX_DURATION / Epochs.EPOCHS_PER_DAY;
    long days;
    while (true) {
      String line = prompt(in, out, "Deal duration (days): ");
      try {
        days = Long.parseLong(line);
      } catch (NumberFormatException e) {
        error(out, "parsing duration: not a whole number of days: \"" + line + "\"");
        continue;
      }
      if (days < minDays) {
        error(out, "minimum duration is " + minDays + " days");
      } else if (days > maxDays) {
        error(out, "maximum duration is " + maxDays + " days");
      } else {
        break;
      }
    }
    long epochs = Epochs.fromDays(days);
    boolean isVerified = verifiedPrompt(api, in, out, wallet, size.pieceSize());
    List<ApiTypes.Ask> asks = new ArrayList<>();
    while (asks.isEmpty()) {
      String minerLine = prompt(in, out, "Miner Addresses (f0.. f0..), none to find: ");
      List<Address> miners = new ArrayList<>();
      try {
        for (String m : minerLine.trim().split("\\s+")) {
          if (!m.isEmpty()) {
            miners.add(Address.parse(m));
          }
        }
      } catch (RuntimeException e) {
        error(out, "parsing miner address: " + e.getMessage());
        continue;
      }
      if (miners.isEmpty()) {
        asks = findMiners(api, in, out, wallet, size.pieceSize(), epochs, isVerified);
        continue;
      }
      out.println(".. querying miner asks");
      out.flush();
      try {
        for (Address m : miners) {
          asks.add(api.queryAsk(m));
        }
      } catch (MarketException e) {
        error(out, "failed to query ask: " + e.getMessage());
        asks.clear();
      }
    }
    List<TokenAmount> perEpoch = new ArrayList<>();
    BigInteger pricePerGib = BigInteger.ZERO;
    for (ApiTypes.Ask ask : asks) {
      TokenAmount p = isVerified ? ask.verifiedPrice() : ask.price();
      pricePerGib = pricePerGib.add(p.atto());
      perEpoch.add(DealService.epochPrice(p, size.pieceSize()));
    }
    TokenAmount epochPrice = DealService.epochPrice(TokenAmount.ofAtto(pricePerGib), size.pieceSize());
    TokenAmount total = TokenAmount.ofAtto(epochPrice.atto().multiply(BigInteger.valueOf(epochs)));
    out.println("-----");
    out.println("Proposing from " + wallet);
    out.println("\tBalance: " + api.walletBalance(wallet));
    out.println("Piece size: " + ByteSizes.bytesSize(size.pieceSize()) + " (Payload size: "
        + ByteSizes.bytesSize(size.payloadSize()) + ")");
    out.println("Duration: " + Durations.format(Duration.ofSeconds(epochs * Epochs.EPOCH_DURATION_SECONDS)));
    if (asks.size() > 1) {
      for (int i = 0; i < asks.size(); i++) {
        TokenAmount t = TokenAmount.ofAtto(perEpoch.get(i).atto().multiply(BigInteger.valueOf(epochs)));
        out.println("Miner " + asks.get(i).miner() + " (Power:" + ByteSizes.sizeStr(api.minerPower(
            asks.get(i).miner()).longValueExact()) + ") price: ~" + t + " (" + perEpoch.get(i) + " per epoch)");
      }
    }
    out.println("Total price: ~" + total + " (" + epochPrice + " per epoch)");
    out.println("Verified: " + isVerified);
    if (!yesNo(in, out, "Accept (yes/no): ")) {
      return 0;
    }
    out.println(".. executing");
    out.flush();
    for (int i = 0; i < asks.size(); i++) {
      Address miner = asks.get(i).miner();
      Cid c = api.startDeal(new StartDealRequest(root, miner, wallet, perEpoch.get(i), epochs, startEpoch,
          null, 0, null, isVerified));
      out.println("Deal (" + miner + ") CID: " + c);
      out.flush();
    }
    return 0;
  }

  /**
   * lotus "verified" step: asked only when the client has enough DataCap for the piece; {@code --verified-deal}
   * answers it up front (and fails if the address has no DataCap).
   */
  private boolean verifiedPrompt(DaemonApi api, BufferedReader in, PrintWriter out, Address wallet, long pieceSize)
      throws IOException {
    BigInteger dcap = api.verifiedDataCap(wallet);
    if (verified) {
      if (dcap == null) {
        throw new MarketException("address " + wallet + " does not have verified client status (drop "
            + "--verified-deal)");
      }
      return true;
    }
    if (dcap == null) {
      return false;
    }
    if (dcap.compareTo(BigInteger.valueOf(pieceSize)) < 0) {
      out.println(".. not enough DataCap available for a verified deal");
      return false;
    }
    out.println();
    return yesNo(in, out, "Make this a verified deal? (yes/no): ");
  }

  /**
   * No miner given: lotus "find" — every miner on chain with power and an ask, filtered by piece size, latency and
   * budget, then the requested number of deals, cheapest first (lotus picks at random; cheapest is reproducible).
   * Returns an empty list to go back to the miner prompt.
   */
  private List<ApiTypes.Ask> findMiners(DaemonApi api, BufferedReader in, PrintWriter out, Address wallet,
      long pieceSize, long epochs, boolean isVerified) throws IOException {
    out.println(".. getting miner list");
    out.flush();
    ApiTypes.FoundAsks found = api.findAsks();
    out.println("* Found " + found.withPower() + " miners with power");
    out.println(".. querying asks");
    out.println("* Queried " + found.queried() + " asks, got " + found.asks().size() + " responses");
    if (found.asks().isEmpty()) {
      error(out, "no asks found");
      return List.of();
    }
    List<ApiTypes.QueriedAsk> candidates = new ArrayList<>();
    long sum = 0;
    for (ApiTypes.QueriedAsk q : found.asks()) {
      sum += q.pingNanos();
      if (q.ask().minPieceSize() <= pieceSize && q.ask().maxPieceSize() >= pieceSize) {
        candidates.add(q);
      }
    }
    List<Long> pings = found.asks().stream().map(ApiTypes.QueriedAsk::pingNanos).sorted().toList();
    Duration median = Duration.ofNanos(pings.get(pings.size() / 2)).truncatedTo(ChronoUnit.MILLIS);
    Duration avg = Duration.ofNanos(sum / found.asks().size()).truncatedTo(ChronoUnit.MILLIS);
    out.println("Found " + candidates.size() + " candidate asks");
    out.println("Average network latency: " + Durations.format(avg) + "; Median latency: " + Durations.format(median));
    if (candidates.isEmpty()) {
      error(out, "no ask takes a piece of " + ByteSizes.bytesSize(pieceSize));
      return List.of();
    }
    while (true) {
      String line = prompt(in, out, "Maximum network latency (default: " + Durations.format(median) + ") (ms): ");
      Duration max = median;
      if (!line.isEmpty()) {
        try {
          max = Duration.ofMillis(Long.parseLong(line));
        } catch (NumberFormatException e) {
          error(out, "parsing latency: not a whole number of milliseconds: \"" + line + "\"");
          continue;
        }
      }
      long maxNanos = max.toNanos() + 999_999; // the default is the median truncated to ms: keep the median itself
      List<ApiTypes.QueriedAsk> fast = candidates.stream().filter(q -> q.pingNanos() <= maxNanos).toList();
      if (fast.isEmpty()) {
        out.println("no asks left after filtering for network latency");
        continue;
      }
      out.println(fast.size() + " asks left after filtering for network latency");
      candidates = fast;
      break;
    }
    out.println("Proposing from " + wallet + ", Current Balance: " + api.walletBalance(wallet));
    TokenAmount budget;
    while (true) {
      String line = prompt(in, out, "Maximum budget (FIL): ");
      try {
        budget = TokenAmount.parse(line);
      } catch (RuntimeException e) {
        error(out, "parsing FIL: " + e.getMessage());
        continue;
      }
      TokenAmount b = budget;
      List<ApiTypes.QueriedAsk> cheap = candidates.stream()
          .filter(q -> totalPrice(q.ask(), isVerified, pieceSize, epochs).lessThan(b)).toList();
      out.println(cheap.size() + " asks within budget");
      if (cheap.isEmpty()) {
        continue;
      }
      candidates = cheap;
      break;
    }
    long count;
    while (true) {
      String line = prompt(in, out, "Deals to make (1): ");
      try {
        count = line.isEmpty() ? 1 : Long.parseLong(line);
        if (count >= 1) {
          break;
        }
      } catch (NumberFormatException e) {
        // fall through to the error
      }
      error(out, "deal count must be a whole number ≥ 1, got \"" + line + "\"");
    }
    out.println(".. Picking miners");
    out.flush();
    List<ApiTypes.QueriedAsk> sorted = new ArrayList<>(candidates);
    sorted.sort((x, y) -> (isVerified ? x.ask().verifiedPrice() : x.ask().price()).atto()
        .compareTo((isVerified ? y.ask().verifiedPrice() : y.ask().price()).atto()));
    List<ApiTypes.Ask> picked = new ArrayList<>();
    TokenAmount left = budget;
    for (ApiTypes.QueriedAsk q : sorted) {
      TokenAmount t = totalPrice(q.ask(), isVerified, pieceSize, epochs);
      if (t.greaterThan(left)) {
        continue;
      }
      picked.add(q.ask());
      left = left.subtract(t);
      if (picked.size() == count) {
        break;
      }
    }
    return picked;
  }

  private static TokenAmount totalPrice(ApiTypes.Ask a, boolean isVerified, long pieceSize, long epochs) {
    TokenAmount perEpoch = DealService.epochPrice(isVerified ? a.verifiedPrice() : a.price(), pieceSize);
    return TokenAmount.ofAtto(perEpoch.atto().multiply(BigInteger.valueOf(epochs)));
  }

  private static boolean yesNo(BufferedReader in, PrintWriter out, String text) throws IOException {
    while (true) {
      String a = prompt(in, out, text);
      if (a.equals("yes")) {
        return true;
      }
      if (a.equals("no")) {
        return false;
      }
      out.println("Type in full 'yes' or 'no'");
    }
  }

  private static void error(PrintWriter out, String msg) {
    out.println("Error: " + msg);
    out.flush();
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
}
