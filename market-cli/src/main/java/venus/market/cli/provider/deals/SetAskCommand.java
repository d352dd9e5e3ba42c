package venus.market.cli.provider.deals;

import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import venus.market.cli.CliFailures.UsageException;
import venus.market.cli.options.DaemonClient;
import venus.market.cli.provider.ThinCommand;
import venus.market.cli.provider.actor.MinerOption;
import venus.market.daemon.api.MarketApi;
import venus.market.core.amount.AmountException;
import venus.market.core.amount.ByteSizes;
import venus.market.core.amount.Durations;
import venus.market.core.amount.TokenAmount;

/**
 * {@code venus-market storage-deals set-ask --miner=t01041 --price=0.02fil --verified-price=0.01fil
 * --min-piece-size=512b --max-piece-size=8M}. Prices are FIL per GiB per epoch; sizes are padded.
 */
@Command(name = "set-ask", description = "Set the miner's storage ask (signed by the worker key).")
public final class SetAskCommand extends ThinCommand {
  static final long EPOCH_SECONDS = 30;

  @Mixin MinerOption miner;

  @Option(names = "--price", required = true, paramLabel = "<FIL>", description = "price per GiB per epoch, e.g. 0.02fil")
  String price;

  @Option(names = "--verified-price", required = true, paramLabel = "<FIL>",
      description = "price per GiB per epoch for verified deals")
  String verifiedPrice;

  @Option(names = "--min-piece-size", defaultValue = "256B", paramLabel = "<size>",
      description = "minimum padded piece size (default: ${DEFAULT-VALUE})")
  String minPieceSize;

  @Option(names = "--max-piece-size", paramLabel = "<size>", description = "maximum padded piece size (default: the sector size)")
  String maxPieceSize;

  @Option(names = "--duration", defaultValue = "720h0m0s", hidden = true, description = "how long the ask is valid")
  String duration;

  private java.math.BigInteger pricePerGiB;
  private java.math.BigInteger verifiedPerGiB;
  private long min;
  private long max;
  private long epochs;

  @Override
  protected void validate() {
    pricePerGiB = fil("--price", price);
    verifiedPerGiB = fil("--verified-price", verifiedPrice);
    min = size("--min-piece-size", minPieceSize);
    if (min < 256) {
      throw new UsageException("--min-piece-size " + minPieceSize + ": the minimum padded piece size is 256B");
    }
    max = maxPieceSize == null ? 0 : size("--max-piece-size", maxPieceSize);
    if (maxPieceSize != null && max < min) {
      throw new UsageException("--max-piece-size must be at least --min-piece-size");
    }
    Duration d;
    try {
      d = Durations.parse(duration);
    } catch (AmountException e) {
      throw new UsageException("--duration " + duration + ": " + e.getMessage());
    }
    if (d.isNegative() || d.isZero()) {
      throw new UsageException("--duration " + duration + ": must be positive");
    }
    epochs = d.toSeconds() / EPOCH_SECONDS;
  }

  @Override
  protected void run(DaemonClient daemon) {
    long maxSize = maxPieceSize == null ? daemon.call(MarketApi.ACTOR_SECTOR_SIZE, Long.class, miner.miner) : max;
    daemon.invoke(MarketApi.MARKET_SET_ASK, miner.miner, pricePerGiB.toString(), verifiedPerGiB.toString(), epochs, min,
        maxSize);
  }

  private static java.math.BigInteger fil(String flag, String text) {
    try {
      java.math.BigInteger atto = TokenAmount.parse(text).atto();
      if (atto.signum() < 0) {
        throw new UsageException(flag + " " + text + ": must not be negative");
      }
      return atto;
    } catch (AmountException e) {
      throw new UsageException(flag + " " + text + ": " + e.getMessage());
    }
  }

  private static long size(String flag, String text) {
    long v;
    try {
      v = ByteSizes.parse(text);
    } catch (AmountException e) {
      throw new UsageException(flag + " " + text + ": " + e.getMessage());
    }
    if (Long.bitCount(v) != 1) {
      throw new UsageException(flag + " " + text + ": padded piece sizes are powers of two (e.g. 512b, 8MiB)");
    }
    return v;
  }
}
