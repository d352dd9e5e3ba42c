package venus.market.client.cli;

import java.io.PrintWriter;
import venus.market.client.data.ByteProgress;
import venus.market.core.amount.ByteSizes;

/**
 * A progress bar with percentage on stderr ({@code import [=====>    ] 12% (8 MiB / 64 MiB)}), redrawn in place with '\r' only when the whole percent changes. Shown when asked
 * ({@code --progress}) or, for inputs of at least {@link #AUTO_THRESHOLD} bytes, when the process has a terminal —
 * never in pipes or logs unless asked.
 */
final class Progress implements ByteProgress {

  static final long AUTO_THRESHOLD = 64L << 20;
  static final int BAR_WIDTH = 40;

  private final String label;
  private final long total;
  private final PrintWriter err;
  private long done;
  private int shown = -1;

  private Progress(String label, long total, PrintWriter err) {
    this.label = label;
    this.total = Math.max(total, 1);
    this.err = err;
  }

  static ByteProgress create(String label, long total, boolean forced, PrintWriter err) {
    boolean terminal = System.console() != null;
    return forced || (terminal && total >= AUTO_THRESHOLD) ? new Progress(label, total, err) : ByteProgress.NONE;
  }

  /** Ends the line a progress indicator drew; a no-op for {@link ByteProgress#NONE}. */
  static void finish(ByteProgress p) {
    if (p instanceof Progress bar) {
      bar.draw(100);
      bar.err.println();
      bar.err.flush();
    }
  }

  @Override
  public void advance(long bytes) {
    done += bytes;
    // a CAR is a little larger than its file, so the count may overshoot the file size: hold at 99 until finish
    int pct = (int) Math.min(99, done * 100 / total);
    if (pct != shown) {
      draw(pct);
    }
  }

  private void draw(int pct) {
    shown = pct;
    int filled = pct * BAR_WIDTH / 100;
    String bar = "=".repeat(filled) + (filled < BAR_WIDTH ? ">" + " ".repeat(BAR_WIDTH - filled - 1) : "");
    err.print("\r" + label + " [" + bar + "] " + pct + "% (" + ByteSizes.sizeStr(Math.min(done, total)) + " / "
        + ByteSizes.sizeStr(total) + ")");
    err.flush();
  }
}
