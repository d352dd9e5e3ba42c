package venus.market.daemon.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Go {@code time.Duration} text ("24h0m0s", "10s", "1m30s", "500ms"), the form every droplet/lotus
 * config file and CLI table uses, so operators can paste values between the Go and Java tools.
 */
public final class GoDuration {
  private static final Pattern PART = Pattern.compile("([0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(ns|us|µs|μs|ms|s|m|h)");
  private static final long MAX_TEXT = 64;

  private GoDuration() {}

  /** Parses Go duration text; empty if the text is not one (so callers can name the bad key). */
  public static Optional<Duration> parse(String text) {
    if (text == null || text.isEmpty() || text.length() > MAX_TEXT) {
      return Optional.empty();
    }
    String s = text;
    boolean negative = false;
    if (s.charAt(0) == '-' || s.charAt(0) == '+') {
      negative = s.charAt(0) == '-';
      s = s.substring(1);
    }
    if (s.equals("0")) {
      return Optional.of(Duration.ZERO);
    }
    Matcher m = PART.matcher(s);
    int pos = 0;
    BigDecimal nanos = BigDecimal.ZERO;
    while (pos < s.length()) {
      if (!m.find(pos) || m.start() != pos) {
        return Optional.empty();
      }
      nanos = nanos.add(new BigDecimal(m.group(1).startsWith(".") ? "0" + m.group(1) : m.group(1))
          .multiply(BigDecimal.valueOf(unitNanos(m.group(2)))));
      pos = m.end();
    }
    if (pos == 0 || nanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      return Optional.empty();
    }
    long n = nanos.longValue();
    return Optional.of(Duration.ofNanos(negative ? -n : n));
  }

  private static long unitNanos(String unit) {
    return switch (unit) {
      case "ns" -> 1L;
      case "us", "µs", "μs" -> 1_000L;
      case "ms" -> 1_000_000L;
      case "s" -> 1_000_000_000L;
      case "m" -> 60_000_000_000L;
      default -> 3_600_000_000_000L;
    };
  }

  /** Formats like Go's {@code Duration.String()}: "0s", "1h0m0s", "719h59m0s", "1.5s", "500ms". */
  public static String format(Duration d) {
    long n = d.toNanos();
    if (n == 0) {
      return "0s";
    }
    StringBuilder out = new StringBuilder();
    if (n < 0) {
      out.append('-');
      n = -n;
    }
    if (n < 1_000_000_000L) {
      if (n < 1_000L) {
        return out.append(n).append("ns").toString();
      }
      if (n < 1_000_000L) {
        return out.append(fraction(n, 1_000L)).append("µs").toString();
      }
      return out.append(fraction(n, 1_000_000L)).append("ms").toString();
    }
    long hours = n / 3_600_000_000_000L;
    long rest = n % 3_600_000_000_000L;
    long minutes = rest / 60_000_000_000L;
    long secNanos = rest % 60_000_000_000L;
    if (hours > 0) {
      out.append(hours).append('h');
    }
    if (hours > 0 || minutes > 0) {
      out.append(minutes).append('m');
    }
    return out.append(fraction(secNanos, 1_000_000_000L)).append('s').toString();
  }

  private static String fraction(long value, long unit) {
    long whole = value / unit;
    long frac = value % unit;
    if (frac == 0) {
      return Long.toString(whole);
    }
    String digits = String.format("%0" + (Long.toString(unit).length() - 1) + "d", frac);
    return whole + "." + digits.replaceAll("0+$", "");
  }
}
