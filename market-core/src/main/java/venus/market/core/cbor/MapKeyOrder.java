package venus.market.core.cbor;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The canonical order of text map keys in DAG-CBOR and cbor-gen: shorter UTF-8 encoding first, then bytewise
 * (so "a", "d", "bb", "ccc" — not plain lexicographic order).
 */
public final class MapKeyOrder {

  /** Orders strings as their map keys must appear. */
  public static final Comparator<String> COMPARATOR = (a, b) -> compare(a.getBytes(UTF_8), b.getBytes(UTF_8));

  private MapKeyOrder() {}

  /** Compares two UTF-8 encoded keys: negative if {@code a} must come before {@code b}. */
  public static int compare(byte[] a, byte[] b) {
    if (a.length != b.length) {
      return Integer.compare(a.length, b.length);
    }
    return Arrays.compareUnsigned(a, b);
  }

  /** The keys in canonical order. */
  public static List<String> sorted(Collection<String> keys) {
    return keys.stream().sorted(COMPARATOR).toList();
  }
}
