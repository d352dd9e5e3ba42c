package venus.market.client.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Left-aligned columns two spaces apart (Go tabwriter with padding 2, as lotus prints tables). A row may be followed
 * by free-text lines that do not take part in the alignment.
 */
public final class Table {
  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();
  private final List<List<String>> extra = new ArrayList<>();

  public Table(String... header) {
    this.header = List.of(header);
  }

  public void row(List<String> cells, List<String> trailingLines) {
    rows.add(List.copyOf(cells));
    extra.add(List.copyOf(trailingLines));
  }

  public void print(PrintWriter out) {
    int[] w = new int[header.size()];
    for (int i = 0; i < w.length; i++) {
      w[i] = header.get(i).length();
      for (List<String> r : rows) {
        w[i] = Math.max(w[i], r.get(i).length());
      }
    }
    out.println(line(header, w));
    for (int r = 0; r < rows.size(); r++) {
      out.println(line(rows.get(r), w));
      extra.get(r).forEach(out::println);
    }
    out.flush();
  }

  private static String line(List<String> cells, int[] w) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      sb.append(cells.get(i));
      if (i < cells.size() - 1) {
        sb.append(" ".repeat(w[i] - cells.get(i).length() + 2));
      }
    }
    return sb.toString().stripTrailing();
  }
}
