package venus.market.devnet.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares the JSON shape of a devnet reply with the example in the lotus API documentation
 * (test resource vectors/lotus-api): same object keys, same JSON kinds (string / number / bool /
 * object / array) at every path. A null on either side matches anything (optional fields and
 * example placeholders), and arrays are compared by their first elements.
 */
final class LotusShapes {
  private static final JsonNode METHODS = load();

  private static JsonNode load() {
    try (InputStream in = LotusShapes.class.getResourceAsStream("/vectors/lotus-api/lotus-v1-node-api-examples.json")) {
      return new ObjectMapper().readTree(in).get("methods");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static JsonNode example(String method) {
    JsonNode m = METHODS.get(method);
    if (m == null) {
      throw new IllegalArgumentException("no lotus example for " + method);
    }
    return m;
  }

  /** Differences between {@code actual} and the documented result of {@code method}. */
  static List<String> diff(String method, JsonNode actual, Set<String> ignoredKeys) {
    List<String> out = new ArrayList<>();
    compare("$", example(method).get("result"), actual, ignoredKeys, out);
    return out;
  }

  private static void compare(String path, JsonNode doc, JsonNode got, Set<String> ignored, List<String> out) {
    if (doc == null || doc.isNull() || got == null || got.isNull()) {
      return;
    }
    if (doc.getNodeType() != got.getNodeType()) {
      out.add(path + ": lotus has " + doc.getNodeType() + ", devnet has " + got.getNodeType());
      return;
    }
    if (doc.isObject()) {
      Set<String> dk = new TreeSet<>();
      doc.fieldNames().forEachRemaining(dk::add);
      Set<String> gk = new TreeSet<>();
      got.fieldNames().forEachRemaining(gk::add);
      dk.removeAll(ignored);
      gk.removeAll(ignored);
      boolean mapLike = dk.size() == 1 && !Character.isUpperCase(dk.iterator().next().charAt(0));
      if (mapLike) {
        // a Go map (e.g. StateMarketDeals keyed by deal id): compare values only
        Iterator<JsonNode> gv = got.elements();
        if (gv.hasNext()) {
          compare(path + "[*]", doc.elements().next(), gv.next(), ignored, out);
        }
        return;
      }
      if (!dk.equals(gk)) {
        out.add(path + ": lotus keys " + dk + ", devnet keys " + gk);
      }
      for (String k : dk) {
        compare(path + "." + k, doc.get(k), got.get(k), ignored, out);
      }
    } else if (doc.isArray() && doc.size() > 0 && got.size() > 0) {
      compare(path + "[0]", doc.get(0), got.get(0), ignored, out);
    }
  }

  private LotusShapes() {}
}
