package venus.market.daemon.config;

import venus.market.core.amount.TokenAmount;
import venus.market.core.amount.Durations;
import venus.market.core.amount.AmountException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.tomlj.TomlArray;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/**
 * Typed, validating reads from one TOML table. Remembers which keys were read so that unknown keys
 * (usually typos) can be reported instead of silently ignored.
 */
final class TomlSection {
  private final String source;
  private final String prefix;
  private final TomlTable table;
  private final Set<String> seen = new HashSet<>();

  TomlSection(String source, String prefix, TomlTable table) {
    this.source = source;
    this.prefix = prefix;
    this.table = table;
  }

  String path(String key) {
    return prefix.isEmpty() ? key : prefix + "." + key;
  }

  boolean has(String key) {
    seen.add(key);
    return table.contains(List.of(key));
  }

  private Object raw(String key) {
    seen.add(key);
    return table.get(List.of(key));
  }

  ConfigException invalid(String key, Object value, String allowed) {
    TomlPosition pos = table.inputPositionOf(List.of(key));
    String where = pos == null ? source : source + " line " + pos.line();
    return ConfigException.invalid(where, path(key), value, allowed);
  }

  String string(String key, String dflt) {
    Object v = raw(key);
    if (v == null) {
      return dflt;
    }
    if (!(v instanceof String s)) {
      throw invalid(key, v, "expected a quoted string");
    }
    return s;
  }

  boolean bool(String key, boolean dflt) {
    Object v = raw(key);
    if (v == null) {
      return dflt;
    }
    if (!(v instanceof Boolean b)) {
      throw invalid(key, v, "expected true or false");
    }
    return b;
  }

  int positiveInt(String key, int dflt) {
    Object v = raw(key);
    if (v == null) {
      return dflt;
    }
    if (!(v instanceof Long l) || l < 1 || l > Integer.MAX_VALUE) {
      throw invalid(key, v, "expected a whole number from 1 to " + Integer.MAX_VALUE);
    }
    return l.intValue();
  }

  long positiveLong(String key, long dflt) {
    return bytesAtLeast(key, dflt, 1);
  }

  long nonNegativeLong(String key, long dflt) {
    return bytesAtLeast(key, dflt, 0);
  }

  private long bytesAtLeast(String key, long dflt, long min) {
    Object v = raw(key);
    if (v == null) {
      return dflt;
    }
    if (!(v instanceof Long l) || l < min) {
      throw invalid(key, v, "expected a whole number of bytes, " + min + " or more");
    }
    return l;
  }

  Duration duration(String key, Duration dflt) {
    Object v = raw(key);
    if (v == null) {
      return dflt;
    }
    Duration d = v instanceof String s ? duration(s) : null;
    if (d == null || d.isNegative()) {
      throw invalid(key, v, "expected a non-negative duration such as \"10s\", \"30m\" or \"1h0m0s\"");
    }
    return d;
  }

  BigInteger fil(String key, BigInteger dflt) {
    Object v = raw(key);
    if (v == null) {
      return dflt;
    }
    BigInteger atto = v instanceof String s ? fil(s) : null;
    if (atto == null) {
      throw invalid(key, v, "expected a FIL amount such as \"0 FIL\" or \"0.05 FIL\"");
    }
    return atto;
  }

  private static Duration duration(String s) {
    try {
      return Durations.parse(s);
    } catch (AmountException e) {
      return null;
    }
  }

  private static BigInteger fil(String s) {
    try {
      BigInteger atto = TokenAmount.parse(s).atto();
      return atto.signum() < 0 ? null : atto;
    } catch (AmountException e) {
      return null;
    }
  }

  List<String> stringList(String key, List<String> dflt) {
    Object v = raw(key);
    if (v == null) {
      return dflt;
    }
    if (!(v instanceof TomlArray arr)) {
      throw invalid(key, v, "expected a list of strings such as [\"a\", \"b\"]");
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < arr.size(); i++) {
      if (!(arr.get(i) instanceof String s)) {
        throw invalid(key, arr.get(i), "expected a list of strings such as [\"a\", \"b\"]");
      }
      out.add(s);
    }
    return out;
  }

  /** A sub-table; empty table if absent. Fails if the key holds something else. */
  TomlSection table(String key) {
    Object v = raw(key);
    if (v == null) {
      return new TomlSection(source, path(key), EMPTY);
    }
    if (!(v instanceof TomlTable t)) {
      throw invalid(key, v, "expected a table [" + path(key) + "]");
    }
    return new TomlSection(source, path(key), t);
  }

  /** One table of an array of tables, e.g. {@code StorageMiners[0]}. */
  TomlSection element(String key, int index, TomlTable t) {
    return new TomlSection(source, path(key) + "[" + index + "]", t);
  }

  Object value(String key) {
    return raw(key);
  }

  /** Fails on any key not read so far, unless it is listed as accepted-but-ignored. */
  void rejectUnknown(Set<String> ignored) {
    for (String k : table.keySet()) {
      if (!seen.contains(k) && !ignored.contains(k)) {
        throw new ConfigException(source + ": unknown key " + path(k) + " (known keys here: "
            + String.join(", ", new java.util.TreeSet<>(seen)) + ")");
      }
    }
  }

  private static final TomlTable EMPTY = org.tomlj.Toml.parse("");
}
