package venus.market.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The state × process killed → outcome table the crash tests write to {@code target/crash-table.md}. */
final class CrashTable {
  /** One kill: which process, where the deals stood, how many deals it hit, what the test then saw. */
  record Row(String process, String at, int deals, String expected, String outcome) {}

  private final List<Row> rows = new ArrayList<>();

  synchronized void add(String process, String at, int deals, String expected, String outcome) {
    rows.add(new Row(process, at, deals, expected, outcome));
  }

  synchronized List<Row> rows() {
    return List.copyOf(rows);
  }

  synchronized void write(Path file, String title, String footer) throws IOException {
    StringBuilder sb = new StringBuilder("### ").append(title).append("\n\n")
        .append("| process killed (kill -9) | at | deals | expected | outcome |\n|---|---|---|---|---|\n");
    for (Row r : rows) {
      sb.append("| ").append(r.process()).append(" | ").append(r.at()).append(" | ").append(r.deals()).append(" | ")
          .append(r.expected()).append(" | ").append(r.outcome()).append(" |\n");
    }
    sb.append('\n').append(footer).append('\n');
    Files.createDirectories(file.getParent());
    Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
  }
}
