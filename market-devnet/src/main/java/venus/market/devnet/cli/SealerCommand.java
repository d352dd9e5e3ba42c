package venus.market.devnet.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import venus.market.core.address.Address;
import venus.market.core.amount.Durations;
import venus.market.devnet.sealer.ChainClient;
import venus.market.devnet.sealer.DevnetSealer;
import venus.market.devnet.sealer.MarketClient;
import venus.market.devnet.sealer.PieceSource;
import venus.market.devnet.sealer.SealerHold;

/**
 * {@code market-devnet sealer}: a stand-in for venus-sealer against the market's sealer API (deals → sectors on the
 * devnet); {@code market-devnet sealer deals list} prints what {@code venus-sealer deals list} prints.
 */
@Command(name = "sealer", description = "Seal market deals into devnet sectors, like venus-sealer (devnet only).",
    subcommands = {SealerCommand.Deals.class})
final class SealerCommand implements Callable<Integer> {
  @Mixin RepoOption repo;
  @Mixin MarketOptions market;

  @Option(names = "--piece-dir", description = "the piece storage path shared with the market ([PieceStorage.Fs] Path);"
      + " without it pieces are fetched from the market's /resource endpoint")
  Path pieceDir;

  @Option(names = "--interval", defaultValue = "10s", description = "how often to ask the market for deals (default 10s,"
      + " venus-sealer's WaitDealsDelay)")
  String interval;

  @Option(names = "--max-piece", defaultValue = "10", description = "deals per sector at most")
  int maxPiece;

  @Option(names = "--once", description = "seal at most one sector and exit")
  boolean once;

  /** The guide's [MarketNode] Url and Token, and the miner. */
  static final class MarketOptions {
    @Option(names = "--market-url", description = "market API, e.g. /ip4/127.0.0.1/tcp/41235")
    String url;

    @Option(names = "--market-token", description = "market token (cat ~/.venusmarket/token)")
    String token;

    @Option(names = "--miner", description = "storage miner, e.g. t01000")
    String miner;

    MarketClient client() {
      if (url == null || miner == null) {
        throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(new SealerCommand()),
            "--market-url and --miner are required (--market-token too unless the market runs without tokens)");
      }
      return MarketClient.connect(url, token, Duration.ofSeconds(60));
    }

    Address minerAddress() {
      return Address.parse(miner);
    }
  }

  @Override
  public Integer call() throws Exception {
    MarketClient m = market.client();
    ChainClient chain = ChainClient.connect(NodeClient.apiInfo(repo.path()), Duration.ofMinutes(6));
    PieceSource pieces = new PieceSource(pieceDir, m.resourceUrl(), m.token());
    DevnetSealer.Options opts = new DevnetSealer.Options(market.minerAddress(), maxPiece, Durations.parse(interval),
        Duration.ofMinutes(2));
    try (DevnetSealer sealer = new DevnetSealer(m, chain, pieces, opts,
        SealerHold.fromEnvironment())) {
      if (once) {
        var round = sealer.sealOnce();
        if (round.isEmpty()) {
          System.out.println("no deals to seal");
        } else {
          round.get().rejected().forEach(r -> System.out.println("Rejected deal " + r.dealId() + " piece "
              + r.pieceCid() + ": " + r.reason()));
          // venus-sealer's `sectors deal` line for each deal (the guide's transcript)
          round.get().placed().forEach(p -> System.out.println("Assign Deals " + p.dealId() + " sector "
              + round.get().sector() + " piece " + p.pieceCid() + " offset " + p.offset() + " length " + p.length()));
          if (round.get().sector() >= 0) {
            System.out.println("Sealed sector " + round.get().sector() + " deals " + round.get().sealed() + " commD "
                + round.get().commD());
          }
        }
        return 0;
      }
      System.out.println("sealing deals of " + market.miner + " every " + interval + " (Ctrl-C to stop)");
      sealer.start();
      CountDownLatch forever = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(forever::countDown));
      forever.await();
    }
    return 0;
  }

  @Command(name = "deals", description = "Deals the market offers this miner's sealers.",
      subcommands = {DealsList.class})
  static final class Deals {}

  /** {@code sealer deals list}: GetDeals(miner, 0, MaxInt32) in venus-sealer's columns. */
  @Command(name = "list", description = "List the miner's deals as venus-sealer deals list does.")
  static final class DealsList implements Callable<Integer> {
    @Mixin MarketOptions market;

    @Override
    public Integer call() {
      print(market.client().deals(market.minerAddress()), System.out);
      return 0;
    }
  }

  static void print(JsonNode deals, PrintStream out) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"DealId", "PieceCID", "PieceSize", "Client", "Provider", "StartEpoch", "EndEpoch", "Price",
        "Verified", "Packed", "FastRetrieval", "Status"});
    for (JsonNode d : deals) {
      JsonNode p = d.get("Proposal");
      String status = d.path("Status").asText();
      rows.add(new String[] {d.get("DealID").asText(), p.get("PieceCID").get("/").asText(),
          p.get("PieceSize").asText(), p.get("Client").asText(), p.get("Provider").asText(),
          p.get("StartEpoch").asText(), p.get("EndEpoch").asText(), p.get("StoragePricePerEpoch").asText(),
          p.get("VerifiedDeal").asText(), String.valueOf(!status.equals("Undefine") && !status.isEmpty()),
          d.path("FastRetrieval").asText(), status});
    }
    int[] width = new int[rows.get(0).length];
    for (String[] r : rows) {
      for (int i = 0; i < r.length; i++) {
        width[i] = Math.max(width[i], r[i].length());
      }
    }
    for (String[] r : rows) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < r.length; i++) {
        sb.append(r[i]);
        if (i < r.length - 1) {
          sb.append(" ".repeat(width[i] - r[i].length() + 2));
        }
      }
      out.println(sb);
    }
  }
}
