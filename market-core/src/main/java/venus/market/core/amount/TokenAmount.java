package venus.market.core.amount;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Pattern;
import venus.market.core.cbor.CborEncodable;
import venus.market.core.cbor.CborReader;
import venus.market.core.cbor.CborWriter;

/**
 * An amount of FIL in attoFIL (10^-18 FIL), the unit of every on-chain value (go-state-types abi.TokenAmount).
 * May be negative (balance deltas); types that forbid that call {@link #requireNonNegative}. Text follows lotus
 * chain/types/fil.go: {@link #parse} is ParseFIL, {@link #toString()} is FIL.String() and {@link #toShortString()}
 * is FIL.Short(). CBOR: the Filecoin BigInt byte string.
 */
public record TokenAmount(BigInteger atto) implements Comparable<TokenAmount>, CborEncodable {

  public static final BigInteger ATTO_PER_FIL = BigInteger.TEN.pow(18);
  public static final TokenAmount ZERO = new TokenAmount(BigInteger.ZERO);

  /** ParseFIL caps the numeric part at 50 characters. */
  private static final int MAX_NUMBER_CHARS = 50;
  /** What Go's big.Rat.SetString accepts from the characters ParseFIL keeps ({@code -.0-9}). */
  private static final Pattern DECIMAL = Pattern.compile("-?(\\d+\\.?\\d*|\\.\\d+)");
  private static final Pattern ATTO_INTEGER = Pattern.compile("-?\\d+");
  private static final String[] SHORT_PREFIXES = {"a", "f", "p", "n", "μ", "m"};

  public TokenAmount {
    if (atto == null) {
      throw new AmountException("token amount must not be null");
    }
  }

  public static TokenAmount ofAtto(BigInteger atto) {
    return new TokenAmount(atto);
  }

  public static TokenAmount ofAtto(long atto) {
    return new TokenAmount(BigInteger.valueOf(atto));
  }

  public static TokenAmount ofFil(long fil) {
    return new TokenAmount(BigInteger.valueOf(fil).multiply(ATTO_PER_FIL));
  }

  /**
   * lotus ParseFIL: a decimal number with an optional unit suffix (case-insensitive, spaces around it ignored):
   * none or "fil" for FIL, "attofil" or "afil" for attoFIL. The result must be a whole number of attoFIL.
   * Examples: "0.02fil", "0.02 FIL", "100afil", "5". Other prefixes ("mfil") are rejected, as in lotus.
   */
  public static TokenAmount parse(String text) {
    int end = 0;
    while (end < text.length() && "-.0123456789".indexOf(text.charAt(end)) >= 0) {
      end++;
    }
    String number = text.substring(0, end);
    String suffix = text.substring(end);
    boolean atto = false;
    if (!suffix.isEmpty()) {
      switch (suffix.strip().toLowerCase(Locale.ROOT)) {
        case "", "fil" -> atto = false;
        case "attofil", "afil" -> atto = true;
        default -> throw new AmountException("unrecognized suffix: \"" + suffix + "\" in \"" + text
            + "\" (use FIL, attoFIL or aFIL)");
      }
    }
    if (number.length() > MAX_NUMBER_CHARS) {
      throw new AmountException("string length too large: " + number.length() + " (max " + MAX_NUMBER_CHARS + ")");
    }
    if (!DECIMAL.matcher(number).matches()) {
      throw new AmountException("failed to parse \"" + number + "\" as a decimal number (in \"" + text + "\")");
    }
    BigDecimal value = new BigDecimal(number);
    if (!atto) {
      value = value.movePointRight(18);
    }
    try {
      return new TokenAmount(value.toBigIntegerExact());
    } catch (ArithmeticException e) {
      throw new AmountException("invalid " + (atto ? "atto" : "") + "FIL value: \"" + number
          + "\" (finer than 1 attoFIL)", e);
    }
  }

  /** Parses a plain decimal attoFIL integer, the JSON/CLI form of a BigInt ("1000", "-5"). */
  public static TokenAmount parseAtto(String text) {
    if (text.length() > 100 || !ATTO_INTEGER.matcher(text).matches()) {
      throw new AmountException("not an attoFIL integer: \"" + (text.length() > 100 ? text.substring(0, 100) + "…"
          : text) + "\"");
    }
    return new TokenAmount(new BigInteger(text));
  }

  /** Reads the Filecoin BigInt CBOR form. */
  public static TokenAmount readCbor(CborReader reader) {
    return new TokenAmount(reader.readBigInt());
  }

  @Override
  public void writeCbor(CborWriter writer) {
    writer.writeBigInt(atto);
  }

  public TokenAmount add(TokenAmount o) {
    return new TokenAmount(atto.add(o.atto));
  }

  public TokenAmount subtract(TokenAmount o) {
    return new TokenAmount(atto.subtract(o.atto));
  }

  public TokenAmount multiply(long factor) {
    return new TokenAmount(atto.multiply(BigInteger.valueOf(factor)));
  }

  public TokenAmount multiply(BigInteger factor) {
    return new TokenAmount(atto.multiply(factor));
  }

  /** Euclidean division (the remainder is never negative), like Go's big.Int.Div behind lotus BigDiv. */
  public TokenAmount divide(long divisor) {
    if (divisor == 0) {
      throw new AmountException("division of " + this + " by zero");
    }
    BigInteger d = BigInteger.valueOf(divisor);
    BigInteger[] qr = atto.divideAndRemainder(d);
    BigInteger q = qr[1].signum() < 0 ? (d.signum() > 0 ? qr[0].subtract(BigInteger.ONE) : qr[0].add(BigInteger.ONE))
        : qr[0];
    return new TokenAmount(q);
  }

  public TokenAmount negate() {
    return new TokenAmount(atto.negate());
  }

  public TokenAmount abs() {
    return atto.signum() < 0 ? negate() : this;
  }

  public int signum() {
    return atto.signum();
  }

  public boolean isZero() {
    return atto.signum() == 0;
  }

  public boolean isNegative() {
    return atto.signum() < 0;
  }

  public boolean isPositive() {
    return atto.signum() > 0;
  }

  public boolean lessThan(TokenAmount o) {
    return compareTo(o) < 0;
  }

  public boolean greaterThan(TokenAmount o) {
    return compareTo(o) > 0;
  }

  public static TokenAmount min(TokenAmount a, TokenAmount b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  public static TokenAmount max(TokenAmount a, TokenAmount b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  /** Returns this amount, or throws naming {@code what} if it is negative. */
  public TokenAmount requireNonNegative(String what) {
    if (isNegative()) {
      throw new AmountException(what + " must not be negative, got " + this);
    }
    return this;
  }

  @Override
  public int compareTo(TokenAmount o) {
    return atto.compareTo(o.atto);
  }

  /** FIL.Unitless(): the exact decimal number of FIL, trailing zeros removed ("0.02", "0"). */
  public String unitless() {
    return trimmed(new BigDecimal(atto, 18));
  }

  /** FIL.String(): "0.02 FIL", "0.00992212295525724 FIL", "0 FIL". */
  @Override
  public String toString() {
    return unitless() + " FIL";
  }

  /** FIL.Short(): the largest unit prefix (a, f, p, n, μ, m or none) that keeps the value ≥ 1, three decimals. */
  public String toShortString() {
    BigInteger n = atto.abs();
    BigInteger unit = BigInteger.ONE;
    String prefix = "";
    BigInteger thousand = BigInteger.valueOf(1000);
    for (String p : SHORT_PREFIXES) {
      if (n.compareTo(unit.multiply(thousand)) < 0) {
        prefix = p;
        break;
      }
      unit = unit.multiply(thousand);
    }
    if (atto.signum() == 0) {
      return "0";
    }
    BigDecimal scaled = new BigDecimal(atto).divide(new BigDecimal(unit)).setScale(3, RoundingMode.HALF_UP);
    return trimmed(scaled) + " " + prefix + "FIL";
  }

  /** FIL.Nano(): the value in nanoFIL with up to nine decimals ("1.5 nFIL"), or "0". */
  public String toNanoString() {
    if (atto.signum() == 0) {
      return "0";
    }
    return trimmed(new BigDecimal(atto, 9)) + " nFIL";
  }

  private static String trimmed(BigDecimal d) {
    if (d.signum() == 0) {
      return "0";
    }
    return d.stripTrailingZeros().toPlainString();
  }
}
