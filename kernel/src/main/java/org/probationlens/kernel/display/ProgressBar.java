package org.probationlens.kernel.display;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.probationlens.progress.ProgressView;

/**
 * The kernel's side of {@link org.probationlens.progress.Progress}: one output per task, shown with
 * a display id and then updated in place (update_display_data), so a 300,000-case run shows one bar
 * that moves, and an executed notebook (nbconvert HTML) keeps only its final line.
 */
public final class ProgressBar implements ProgressView {
  /** Width of the text bar, in characters. */
  static final int WIDTH = 30;

  private record Shown(String what, long total, String unit, String displayId) {}

  private final Map<Long, Shown> tasks = new ConcurrentHashMap<>();
  private final Consumer<DisplayData> display;
  private final Consumer<DisplayData> update;

  /**
   * @param display shows a new output (display_data)
   * @param update replaces an output shown before, found by its display id
   */
  public ProgressBar(Consumer<DisplayData> display, Consumer<DisplayData> update) {
    this.display = display;
    this.update = update;
  }

  @Override
  public void started(long id, String what, long total, String unit) {
    Shown shown = new Shown(what, total, unit, "lens-progress-" + id);
    tasks.put(id, shown);
    display.accept(bundle(shown, line(shown, 0)));
  }

  @Override
  public void advanced(long id, long done) {
    Shown shown = tasks.get(id);
    if (shown != null) {
      update.accept(bundle(shown, line(shown, done)));
    }
  }

  @Override
  public void finished(long id, long done, long nanos, boolean completed) {
    Shown shown = tasks.remove(id);
    if (shown == null) {
      return;
    }
    String seconds = String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    String text =
        shown.what()
            + ": "
            + (completed ? "done, " : "stopped after ")
            + String.format(Locale.ROOT, "%,d", done)
            + " "
            + shown.unit()
            + " in "
            + seconds;
    update.accept(bundle(shown, text));
  }

  /** The text of a bar: {@code reading cases.csv [===== ] 50% 150,000 of 300,000 rows}. */
  static String line(String what, long total, String unit, long done) {
    if (total <= 0) {
      return what + ": " + String.format(Locale.ROOT, "%,d", done) + " " + unit;
    }
    double share = Math.min(1.0, done / (double) total);
    int filled = (int) Math.round(share * WIDTH);
    return what
        + " ["
        + "=".repeat(filled)
        + " ".repeat(WIDTH - filled)
        + "] "
        + Math.round(share * 100)
        + "% "
        + String.format(Locale.ROOT, "%,d of %,d", done, total)
        + " "
        + unit;
  }

  private static String line(Shown shown, long done) {
    return line(shown.what(), shown.total(), shown.unit(), done);
  }

  private static DisplayData bundle(Shown shown, String text) {
    DisplayData data = new DisplayData(text);
    data.putHTML("<pre class=\"pl-progress\">" + escape(text) + "</pre>");
    data.setDisplayId(shown.displayId());
    return data;
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
