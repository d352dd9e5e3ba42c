package venus.market.core.amount;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Go time.Duration text, which lotus prints for deal durations and ask expiry ("4320h0m0s", "719h59m0s") and
 * accepts in flags ("720h", "1h30m"), plus the day-based forms people type ("180 days", "180d").
 */
public final class Durations {

  private static final long NANOS_PER_SECOND = 1_000_000_000L;
  private static final Pattern GO_PART = Pattern.compile("(\\d*\\.?\\d*)(ns|us|µs|μs|ms|s|m|h)");
  private static final Pattern DAYS = Pattern.compile("(\\d{1,7})\\s*(d|day|days)");
  private static final Pattern EPOCHS = Pattern.compile("(\\d{1,12})\\s*(epoch|epochs)");

  private Durations() {}

  /** Go's Duration.String(): "0s", "1.5s", "1m30s", "4320h0m0s", "1.5ms", "-2h0m0s". */
  public static String format(Duration d) {
    long nanos;
    try {
      nanos = d.toNanos();
    } catch (ArithmeticException e) {
      throw new AmountException("duration " + d + " exceeds Go's ±292 years", e);
    }
    if (nanos == 0) {
      return "0s";
    }
    String sign = nanos < 0 ? "-" : "";
    BigDecimal abs = BigDecimal.valueOf(nanos).abs();
    if (abs.compareTo(BigDecimal.valueOf(NANOS_PER_SECOND)) < 0) {
      if (abs.longValue() < 1_000) {
        return sign + abs.toPlainString() + "ns";
      }
      if (abs.longValue() < 1_000_000) {
        return sign + plain(abs.movePointLeft(3)) + "µs";
      }
      return sign + plain(abs.movePointLeft(6)) + "ms";
    }
    long total = abs.longValue();
    long hours = total / (3600 * NANOS_PER_SECOND);
    long minutes = total / (60 * NANOS_PER_SECOND) % 60;
    BigDecimal seconds = BigDecimal.valueOf(total % (60 * NANOS_PER_SECOND)).movePointLeft(9);
    StringBuilder sb = new StringBuilder(sign);
    if (hours > 0) {
      sb.append(hours).append('h');
    }
    if (hours > 0 || minutes > 0) {
      sb.append(minutes).append('m');
    }
    return sb.append(plain(seconds)).append('s').toString();
  }

  /**
   * Parses Go duration text ("720h", "1h30m", "1.5h", "-5m", "0") or whole days ("180 days", "180d") or whole
   * epochs ("2880 epochs", 30 s each). A bare number other than 0 has no unit and is rejected.
   */
  public static Duration parse(String text) {
    String s = text.strip().toLowerCase(Locale.ROOT);
    Matcher days = DAYS.matcher(s);
    if (days.matches()) {
      return Duration.ofDays(Long.parseLong(days.group(1)));
    }
    Matcher epochs = EPOCHS.matcher(s);
    if (epochs.matches()) {
      return Epochs.toDuration(Long.parseLong(epochs.group(1)));
    }
    return parseGo(s, text);
  }

  private static Duration parseGo(String s, String original) {
    boolean negative = s.startsWith("-");
    String body = negative || s.startsWith("+") ? s.substring(1) : s;
    if (body.equals("0")) {
      return Duration.ZERO;
    }
    if (body.isEmpty() || body.length() > 100) {
      throw invalid(original);
    }
    Matcher m = GO_PART.matcher(body);
    BigDecimal nanos = BigDecimal.ZERO;
    int pos = 0;
    while (pos < body.length()) {
      if (!m.find(pos) || m.start() != pos || m.group(1).isEmpty() || m.group(1).equals(".")) {
        throw invalid(original);
      }
      nanos = nanos.add(new BigDecimal(m.group(1)).multiply(unitNanos(m.group(2))));
      pos = m.end();
    }
    if (nanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      throw new AmountException("duration \"" + original + "\" is out of range (Go durations stop at ~292 years)");
    }
    long n = nanos.longValue();
    return Duration.ofNanos(negative ? -n : n);
  }

  private static BigDecimal unitNanos(String unit) {
    long n = switch (unit) {
      case "ns" -> 1L;
      case "us", "µs", "μs" -> 1_000L;
      case "ms" -> 1_000_000L;
      case "s" -> NANOS_PER_SECOND;
      case "m" -> 60 * NANOS_PER_SECOND;
      default -> 3600 * NANOS_PER_SECOND;
    };
    return BigDecimal.valueOf(n);
  }

  private static AmountException invalid(String text) {
    return new AmountException("invalid duration \"" + text + "\" (examples: 720h, 1h30m, 180 days, 2880 epochs)");
  }

  private static String plain(BigDecimal d) {
    return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
  }
}
