package venus.market.core.amount;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Human byte sizes as lotus reads and prints them. {@link #parse} is docker/go-units RAMInBytes (binary
 * multiples: "512b" = 512, "8M" = "8MiB" = "8 mib" = 8388608, "2KiB" = 2048); {@link #sizeStr} is lotus
 * types.SizeStr ("512 B", "8 MiB", "3.969 KiB"); {@link #bytesSize} is go-units BytesSize ("1KiB", "809B").
 */
public final class ByteSizes {

  private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB"};
  private static final String[] GO_UNITS_ABBRS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"};
  private static final String MULTIPLIERS = "kmgtp";
  /** What Go's strconv.ParseFloat accepts in practice here (no hex, inf or NaN). */
  private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
  private static final double TWO_TO_63 = 9.223372036854775808E18;

  private ByteSizes() {}

  /** go-units RAMInBytes: a number, an optional single space, an optional k/m/g/t/p with optional "i" then "b". */
  public static long parse(String text) {
    int sep = -1;
    for (int i = text.length() - 1; i >= 0; i--) {
      char c = text.charAt(i);
      if ((c >= '0' && c <= '9') || c == '.' || c == ' ') {
        sep = i;
        break;
      }
    }
    if (sep < 0) {
      throw new AmountException("invalid size: '" + text + "' (expected e.g. 512b, 8M, 2KiB, 32GiB)");
    }
    String number = text.charAt(sep) == ' ' ? text.substring(0, sep) : text.substring(0, sep + 1);
    String suffix = text.substring(sep + 1);
    if (!NUMBER.matcher(number).matches()) {
      throw new AmountException("invalid size: '" + text + "' (\"" + number + "\" is not a number)");
    }
    double size = Double.parseDouble(number);
    if (size < 0) {
      throw new AmountException("invalid size: '" + text + "' (negative)");
    }
    if (!suffix.isEmpty()) {
      size *= multiplier(suffix);
    }
    if (size >= TWO_TO_63) {
      throw new AmountException("invalid size: '" + text + "' (larger than 2^63 bytes)");
    }
    return (long) size;
  }

  private static double multiplier(String suffix) {
    String s = suffix.toLowerCase(Locale.ROOT);
    if (suffix.length() > 3) {
      throw badSuffix(suffix);
    }
    if (s.charAt(0) == 'b') {
      if (s.length() > 1) {
        throw badSuffix(suffix);
      }
      return 1;
    }
    int power = MULTIPLIERS.indexOf(s.charAt(0)) + 1;
    if (power == 0 || (s.length() == 2 && s.charAt(1) != 'b') || (s.length() == 3 && !s.endsWith("ib"))) {
      throw badSuffix(suffix);
    }
    return Math.pow(1024, power);
  }

  private static AmountException badSuffix(String suffix) {
    return new AmountException("invalid suffix: '" + suffix + "' (use b, k, kb, kib … p, pib)");
  }

  /** lotus types.SizeStr: binary units with a space, {@code %.4g} ("512 B", "8 MiB", "3.969 KiB", "0 B"). */
  public static String sizeStr(long bytes) {
    if (bytes == 0) {
      return "0 B";
    }
    return scaled(bytes, UNITS, " ");
  }

  /** go-units BytesSize: binary units without a space, {@code %.4g} ("1KiB", "809B", "32GiB"). */
  public static String bytesSize(long bytes) {
    return scaled(bytes, GO_UNITS_ABBRS, "");
  }

  private static String scaled(long bytes, String[] units, String space) {
    double f = bytes;
    int i = 0;
    while (f >= 1024 && i + 1 < units.length) {
      f /= 1024;
      i++;
    }
    return formatG4(f) + space + units[i];
  }

  /** Go's {@code %.4g}: four significant digits, round half to even on the exact binary value, zeros trimmed. */
  static String formatG4(double v) {
    if (v == 0) {
      return "0";
    }
    BigDecimal d = new BigDecimal(v).round(new MathContext(4, RoundingMode.HALF_EVEN));
    int exponent = d.precision() - d.scale() - 1;
    if (exponent < -4 || exponent >= 4) {
      BigDecimal mantissa = d.movePointLeft(exponent).stripTrailingZeros();
      String e = String.format(Locale.ROOT, "%s%02d", exponent < 0 ? "-" : "+", Math.abs(exponent));
      return mantissa.toPlainString() + "e" + e;
    }
    return d.stripTrailingZeros().toPlainString();
  }
}
