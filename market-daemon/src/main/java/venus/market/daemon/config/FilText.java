package venus.market.daemon.config;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;

/**
 * FIL amounts as operators write them in config.toml and flags ("0 FIL", "0.02fil", "500 attofil"),
 * converted to attoFIL.
 */
public final class FilText {
  private static final BigDecimal ATTO_PER_FIL = BigDecimal.TEN.pow(18);
  private static final int MAX_TEXT = 80;

  private FilText() {}

  /** Parses a FIL amount; a bare number means FIL. Empty when the text is not a non-negative amount. */
  public static Optional<BigInteger> parseAtto(String text) {
    if (text == null || text.isBlank() || text.length() > MAX_TEXT) {
      return Optional.empty();
    }
    String s = text.trim().toLowerCase(Locale.ROOT);
    BigDecimal scale = ATTO_PER_FIL;
    if (s.endsWith("attofil") || s.endsWith("afil")) {
      s = s.substring(0, s.length() - (s.endsWith("attofil") ? 7 : 4));
      scale = BigDecimal.ONE;
    } else if (s.endsWith("fil")) {
      s = s.substring(0, s.length() - 3);
    }
    s = s.trim();
    if (!s.matches("[0-9]+(\\.[0-9]+)?")) {
      return Optional.empty();
    }
    BigDecimal atto = new BigDecimal(s).multiply(scale);
    if (atto.stripTrailingZeros().scale() > 0) {
      return Optional.empty(); // finer than 1 attoFIL
    }
    return Optional.of(atto.toBigIntegerExact());
  }

  /** Formats attoFIL like lotus {@code types.FIL}: "0 FIL", "0.02 FIL", "1.5 FIL". */
  public static String format(BigInteger atto) {
    BigDecimal fil = new BigDecimal(atto).divide(ATTO_PER_FIL).stripTrailingZeros();
    String plain = fil.signum() == 0 ? "0" : fil.toPlainString();
    return plain + " FIL";
  }
}
