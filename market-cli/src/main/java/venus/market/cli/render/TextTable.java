package venus.market.cli.render;

import java.util.ArrayList;
import java.util.List;

/**
 * Column-aligned text like Go's tabwriter with padding 2 (what lotus and droplet print): every column
 * but the last is padded to its widest cell plus two spaces; the last column is not padded.
 */
public final class TextTable {
  private final List<List<String>> rows = new ArrayList<>();

  public TextTable(String... header) {
    rows.add(List.of(header));
  }

  public TextTable row(Object... cells) {
    List<String> r = new ArrayList<>(cells.length);
    for (Object c : cells) {
      r.add(String.valueOf(c));
    }
    rows.add(r);
    return this;
  }

  public int size() {
    return rows.size() - 1;
  }

  public String render() {
    int cols = rows.stream().mapToInt(List::size).max().orElse(0);
    int[] width = new int[cols];
    for (List<String> r : rows) {
      for (int i = 0; i < r.size() - 1; i++) {
        width[i] = Math.max(width[i], r.get(i).length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (List<String> r : rows) {
      for (int i = 0; i < r.size(); i++) {
        String cell = r.get(i);
        out.append(cell);
        if (i < r.size() - 1) {
          out.append(" ".repeat(width[i] - cell.length() + 2));
        }
      }
      out.append('\n');
    }
    return out.toString();
  }
}
