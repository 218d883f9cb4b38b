package org.probationlens.chart;

import java.util.ArrayList;
import java.util.List;

/**
 * Room for tick labels, computed from the labels themselves: how wide a label is drawn, how
 * category labels along the bottom are broken into lines so that they stay horizontal and whole,
 * and the margins that leave them clear of the axis title.
 *
 * <p>Widths are estimated for Plotly's default 12 px sans-serif font at {@value #CHAR_PX} px a
 * character (its capitals and digits are about that wide, most lower-case letters narrower), so an
 * estimate errs on the side of room. Plotly's own {@code automargin} is set on the same axes as a
 * second guard.
 */
final class LabelSpace {

  /** Estimated width of one character of a 12 px tick label, in pixels. */
  static final int CHAR_PX = 7;

  /** Height of one line of a 12 px tick label, in pixels. */
  static final int LINE_PX = 15;

  /** Room for an axis title (one line of 14 px text) and its gap from the tick labels. */
  static final int TITLE_PX = 40;

  /**
   * The width of the plotting area a chart is laid out for: the live notebook's output column is
   * about 967 px wide, less the side margins.
   */
  static final int PLOT_PX = 760;

  /** At most this many lines for one category label; longer labels are cut with an ellipsis. */
  static final int MAX_LINES = 6;

  private LabelSpace() {}

  /** The estimated drawn width of a label in pixels (its longest line, for a broken label). */
  static int width(String label) {
    int longest = 0;
    for (String line : label.split("<br>", -1)) {
      longest = Math.max(longest, line.length());
    }
    return CHAR_PX * longest;
  }

  /** The widest of some labels, in pixels. */
  static int widest(List<String> labels) {
    int w = 0;
    for (String l : labels) {
      w = Math.max(w, width(l));
    }
    return w;
  }

  /**
   * Category labels along a horizontal axis broken into lines that fit each category's share of the
   * plot's width (words kept whole; a word longer than a line stands alone), at most {@value
   * #MAX_LINES} lines each.
   *
   * @param labels the labels in order
   * @return the labels with {@code <br>} between lines
   */
  static List<String> wrapped(List<String> labels) {
    int slot = PLOT_PX / Math.max(1, labels.size());
    int chars = Math.max(6, (slot - 8) / CHAR_PX);
    List<String> out = new ArrayList<>();
    for (String l : labels) {
      out.add(wrap(l, chars));
    }
    return out;
  }

  static String wrap(String label, int chars) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : label.split(" ")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > chars) {
        lines.add(line.toString());
        line.setLength(0);
      }
      line.append(line.length() == 0 ? "" : " ").append(word);
    }
    lines.add(line.toString());
    if (lines.size() > MAX_LINES) {
      List<String> kept = new ArrayList<>(lines.subList(0, MAX_LINES));
      kept.set(MAX_LINES - 1, kept.get(MAX_LINES - 1) + "\u2026");
      lines = kept;
    }
    return String.join("<br>", lines);
  }

  /** The number of lines of the label with the most. */
  static int lines(List<String> labels) {
    int most = 1;
    for (String l : labels) {
      most = Math.max(most, l.split("<br>", -1).length);
    }
    return most;
  }

  /**
   * The bottom margin under horizontal tick labels of some lines, with the axis title below them.
   *
   * @param lines the most lines any tick label has
   * @return the margin in pixels
   */
  static int bottom(int lines) {
    return 10 + LINE_PX * lines + TITLE_PX;
  }

  /**
   * The left margin beside tick labels of the given widest width, with the axis title beside them.
   *
   * @param widestPx the widest tick label, in pixels
   * @return the margin in pixels
   */
  static int left(int widestPx) {
    return 10 + widestPx + TITLE_PX;
  }

  /**
   * Which of some categories along the bottom carry a tick label: all of them when each label fits
   * its share of the width broken into lines, else every k-th, so that labels never overlap.
   *
   * @param wrapped the labels as {@link #wrapped} broke them
   * @return the step k, at least 1
   */
  static int step(List<String> wrapped) {
    int widest = Math.max(CHAR_PX, widest(wrapped)) + 12;
    int fit = Math.max(1, PLOT_PX / widest);
    return Math.max(1, (int) Math.ceil(wrapped.size() / (double) fit));
  }
}
