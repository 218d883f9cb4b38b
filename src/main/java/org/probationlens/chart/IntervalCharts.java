package org.probationlens.chart;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.probationlens.provenance.Sources;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.plotly.components.Axis;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.components.Margin;
import tech.tablesaw.plotly.components.Marker;
import tech.tablesaw.plotly.components.Symbol;
import tech.tablesaw.plotly.traces.BarTrace;
import tech.tablesaw.plotly.traces.ScatterTrace;
import tech.tablesaw.plotly.traces.Trace;

/**
 * Charts of shares with their confidence intervals, of several series side by side, and of two
 * published measures against each other, for the people-and-partners analyses (staff surveys,
 * referral funnels, victim contact). Each takes the result's {@link Sources}, so its footer says
 * whether the figures are published or synthetic. Categories and axis titles are words, not codes.
 */
public final class IntervalCharts {

  private IntervalCharts() {}

  /**
   * One horizontal bar per category, in the order given (first at the top), with the ends of its
   * confidence interval as markers; a NaN limit draws no marker (no interval was computable).
   * Labels longer than {@value #LONGEST_LABEL} characters are shortened with an ellipsis.
   *
   * @param title the chart's title, not blank
   * @param categories the bar labels, in words
   * @param estimate the bar lengths
   * @param lower the lower limits (NaN where none)
   * @param upper the upper limits (NaN where none)
   * @param valueAxis the value axis title, with its unit
   * @param categoryAxis the category axis title, in words (what the bars are: "CRC", "survey")
   * @param sources where the figures came from, not null
   * @return the chart, not null
   * @throws IllegalArgumentException if the arrays differ in length
   */
  public static Chart intervalBars(
      String title,
      List<String> categories,
      double[] estimate,
      double[] lower,
      double[] upper,
      String valueAxis,
      String categoryAxis,
      Sources sources) {
    int n = categories.size();
    if (estimate.length != n || lower.length != n || upper.length != n) {
      throw new IllegalArgumentException(
          "categories, estimate, lower and upper must have the same length; got "
              + n
              + ", "
              + estimate.length
              + ", "
              + lower.length
              + ", "
              + upper.length);
    }
    // Plotly draws the first category at the bottom: reverse so that the first given is on top.
    String[] c = new String[n];
    double[] e = new double[n];
    List<String> lc = new ArrayList<>();
    List<Double> lv = new ArrayList<>();
    List<String> uc = new ArrayList<>();
    List<Double> uv = new ArrayList<>();
    int longest = 3;
    for (int k = 0; k < n; k++) {
      int i = n - 1 - k;
      c[k] = shortened(categories.get(i));
      e[k] = estimate[i];
      longest = Math.max(longest, c[k].length());
      if (!Double.isNaN(lower[i])) {
        lc.add(c[k]);
        lv.add(lower[i]);
      }
      if (!Double.isNaN(upper[i])) {
        uc.add(c[k]);
        uv.add(upper[i]);
      }
    }
    List<Trace> traces = new ArrayList<>();
    traces.add(
        BarTrace.builder(c, e)
            .orientation(BarTrace.Orientation.HORIZONTAL)
            .name("estimate")
            .build());
    if (!lc.isEmpty()) {
      traces.add(marker(lv, lc, "95% interval: lower limit"));
      traces.add(marker(uv, uc, "95% interval: upper limit"));
    }
    int height = Math.max(Charts.HEIGHT, 28 * n + 160);
    int left = Math.min(620, Math.max(80, 7 * longest + 24));
    Layout layout =
        Layout.builder()
            .title(Objects.requireNonNull(title, "title"))
            .height(height)
            .autosize(true)
            .hoverMode(Layout.HoverMode.CLOSEST)
            .margin(Margin.builder().left(left).right(30).top(60).bottom(60).build())
            .xAxis(Axis.builder().title(valueAxis).build())
            .yAxis(
                Axis.builder()
                    .type(Axis.Type.CATEGORY)
                    .title(Objects.requireNonNull(categoryAxis, "categoryAxis"))
                    .build())
            .build();
    return Chart.of(new Figure(layout, traces.toArray(new Trace[0])), sources);
  }

  /** The longest bar label drawn whole; longer ones end in an ellipsis (the table has them). */
  public static final int LONGEST_LABEL = 85;

  static String shortened(String label) {
    return label.length() <= LONGEST_LABEL
        ? label
        : label.substring(0, LONGEST_LABEL - 1).stripTrailing() + "\u2026";
  }

  private static Trace marker(List<Double> x, List<String> y, String name) {
    double[] xs = x.stream().mapToDouble(Double::doubleValue).toArray();
    return ScatterTrace.builder(
            DoubleColumn.create("x", xs), StringColumn.create("y", y.toArray(new String[0])))
        .mode(ScatterTrace.Mode.MARKERS)
        .name(name)
        .marker(Marker.builder().size(16).symbol(Symbol.DIAMOND).build())
        .build();
  }

  /**
   * Vertical bars, one group per category and one bar per series within it: for example the share
   * of cases at each rating as service users and as inspectors judged them.
   *
   * @param title the chart's title, not blank
   * @param categories the group labels, in words, in order
   * @param series each series' name and values (one per category), in order
   * @param valueAxis the value axis title, with its unit
   * @param categoryAxis the category axis title, in words (what the groups are)
   * @param sources where the figures came from, not null
   * @return the chart, not null
   */
  public static Chart groupedBars(
      String title,
      List<String> categories,
      Map<String, double[]> series,
      String valueAxis,
      String categoryAxis,
      Sources sources) {
    String[] c = categories.toArray(new String[0]);
    List<Trace> traces = new ArrayList<>();
    for (Map.Entry<String, double[]> s : new LinkedHashMap<>(series).entrySet()) {
      if (s.getValue().length != c.length) {
        throw new IllegalArgumentException(
            "series '"
                + s.getKey()
                + "' has "
                + s.getValue().length
                + " values for "
                + c.length
                + " categories");
      }
      traces.add(BarTrace.builder(c, s.getValue()).name(s.getKey()).build());
    }
    Layout layout =
        Layout.builder()
            .title(Objects.requireNonNull(title, "title"))
            .height(Charts.HEIGHT)
            .autosize(true)
            .barMode(Layout.BarMode.GROUP)
            .hoverMode(Layout.HoverMode.CLOSEST)
            .xAxis(
                Axis.builder()
                    .type(Axis.Type.CATEGORY)
                    .title(Objects.requireNonNull(categoryAxis, "categoryAxis"))
                    .build())
            .yAxis(Axis.builder().title(valueAxis).build())
            .build();
    return Chart.of(new Figure(layout, traces.toArray(new Trace[0])), sources);
  }

  /** The range of some values widened by a third of their spread (at least 10) on each side. */
  private static double[] padded(double[] v) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double d : v) {
      lo = Math.min(lo, d);
      hi = Math.max(hi, d);
    }
    double pad = Math.max(10, (hi - lo) / 3);
    return new double[] {Math.max(0, lo - pad), hi + pad};
  }

  /**
   * Points with a label each: one published measure against another (for example a provider's
   * caseload per officer against the share of its staff who said their workload was unmanageable).
   *
   * @param title the chart's title, not blank
   * @param x the values along the bottom
   * @param y the values up the side
   * @param labels one label per point, in words
   * @param xAxis the bottom axis title, with its unit
   * @param yAxis the side axis title, with its unit
   * @param sources where the figures came from, not null
   * @return the chart, not null
   */
  public static Chart labelledPoints(
      String title,
      double[] x,
      double[] y,
      List<String> labels,
      String xAxis,
      String yAxis,
      Sources sources) {
    if (x.length != y.length || x.length != labels.size()) {
      throw new IllegalArgumentException("x, y and labels must have the same length");
    }
    Trace t =
        ScatterTrace.builder(x, y)
            .mode(ScatterTrace.Mode.TEXT_AND_MARKERS)
            .text(labels.toArray(new String[0]))
            .marker(Marker.builder().size(12).build())
            .name("provider")
            .build();
    Layout layout =
        Layout.builder()
            .title(Objects.requireNonNull(title, "title"))
            .height(Charts.HEIGHT + 60)
            .autosize(true)
            .hoverMode(Layout.HoverMode.CLOSEST)
            .xAxis(Axis.builder().title(xAxis).range(padded(x)[0], padded(x)[1]).build())
            .yAxis(Axis.builder().title(yAxis).range(padded(y)[0], padded(y)[1]).build())
            .build();
    return Chart.of(new Figure(layout, t), sources);
  }
}
