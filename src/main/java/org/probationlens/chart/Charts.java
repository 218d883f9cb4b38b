package org.probationlens.chart;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;
import org.probationlens.provenance.Result;
import org.probationlens.provenance.Sources;
import org.probationlens.stats.FunnelLimits;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.plotly.components.Axis;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.components.Line;
import tech.tablesaw.plotly.components.Margin;
import tech.tablesaw.plotly.components.Marker;
import tech.tablesaw.plotly.components.Symbol;
import tech.tablesaw.plotly.components.TickSettings;
import tech.tablesaw.plotly.traces.BarTrace;
import tech.tablesaw.plotly.traces.ScatterTrace;
import tech.tablesaw.plotly.traces.Trace;

/**
 * One-call charts for probation analysis: bars by area or provider, rankings, volumes over time,
 * actual starts against the forecast a contract was let on. Each takes the {@link Sources} of the
 * data (or a {@link Result}, whose table and sources it uses), shown as a footer under the chart,
 * and returns a {@link Chart} that renders offline in a notebook.
 *
 * <p>The table is never changed. Categories and x values must all be present (a missing one is an
 * error naming the column and row); a missing y value leaves a gap in the chart.
 *
 * <p>Charts speak in names, not codes ({@link Labels}): CPA, owner, PCC area and NPS division codes
 * become their names, work types are spelled out, enum-style names are written in words; axis
 * titles come from the column names with their units ("weighted shortfall against forecast (%)");
 * money columns are drawn in £ million with hover text such as "£110.2m". Long titles are broken
 * into lines and the top margin leaves room for the Plotly toolbar.
 *
 * <p>Each factory also takes a {@link Result} in place of a table and source: the chart then shows
 * the result's table under the result's disclosure control ({@code render.Disclosure}, applied when
 * the chart is shown: withheld counts leave gaps) with the result's sources, and the disclosure
 * note under the footer.
 */
public final class Charts {

  /** The height of a chart in pixels, unless it has many bars. */
  public static final int HEIGHT = 420;

  private Charts() {}

  /**
   * Vertical bars, one per row, in the table's order: for example starts by work type.
   *
   * @param title the chart's title, not null
   * @param table the data, not null
   * @param categoryColumn the column naming each bar (any type, no missing values)
   * @param valueColumn the numeric column giving each bar's height
   * @param sources where the data came from (a result's {@code sources()}), not null
   * @return the chart, not null
   * @throws IllegalArgumentException if a column is absent, of the wrong type, or a category is
   *     missing
   */
  public static Chart bar(
      String title, Table table, String categoryColumn, String valueColumn, Sources sources) {
    check(title, table, sources);
    String[] categories = categories(table, categoryColumn);
    double[] values = scaled(values(table, valueColumn), valueColumn);
    Trace trace = BarTrace.builder(categories, values).name(Labels.axisTitle(valueColumn)).build();
    BottomAxis x = BottomAxis.of(Labels.axisTitle(categoryColumn), List.of(categories));
    Layout layout =
        base(title, HEIGHT + x.extraHeight(), x.bottom())
            .xAxis(x.axis())
            .yAxis(valueAxis(valueColumn))
            .build();
    return new Chart(new Figure(layout, trace), sources);
  }

  /**
   * Vertical bars in groups, one group per row (in the table's order) and one bar per value column
   * within it, each column a series in the legend: for example the areas each owner served on two
   * dates. Category labels are broken into lines to fit under their group, horizontal and whole,
   * and the bottom margin is computed from them so that they never cover the axis title.
   *
   * @param title the chart's title, not null
   * @param table the data, not null
   * @param categoryColumn the column naming each group (codes become names, no missing values)
   * @param valueColumns the numeric columns, one bar (and legend entry) each, at least one
   * @param valueTitle the value axis title in words with its unit, such as "PCC areas served
   *     (count)", not blank
   * @param sources where the data came from (a result's {@code sources()}), not null
   * @return the chart, not null
   * @throws IllegalArgumentException if a column is absent, of the wrong type, or a category is
   *     missing, or {@code valueColumns} is empty, or {@code valueTitle} is blank
   */
  public static Chart groupedBars(
      String title,
      Table table,
      String categoryColumn,
      List<String> valueColumns,
      String valueTitle,
      Sources sources) {
    check(title, table, sources);
    Objects.requireNonNull(valueColumns, "valueColumns");
    if (valueColumns.isEmpty()) {
      throw new IllegalArgumentException("valueColumns must name at least one column");
    }
    String yTitle = words(valueTitle, "valueTitle");
    String[] categories = categories(table, categoryColumn);
    List<Trace> traces = new ArrayList<>();
    for (String column : valueColumns) {
      traces.add(
          BarTrace.builder(categories, scaled(values(table, column), column))
              .name(Labels.axisTitle(column))
              .build());
    }
    BottomAxis x = BottomAxis.of(Labels.axisTitle(categoryColumn), List.of(categories));
    Layout layout =
        base(title, HEIGHT + x.extraHeight(), x.bottom())
            .barMode(Layout.BarMode.GROUP)
            .xAxis(x.axis())
            .yAxis(Axis.builder().title(yTitle).build())
            .showLegend(valueColumns.size() > 1)
            .build();
    return new Chart(new Figure(layout, traces.toArray(Trace[]::new)), sources);
  }

  /**
   * Grouped vertical bars of a result's table, under its disclosure control, with its sources.
   *
   * @param title the chart's title, not null
   * @param result the result, not null
   * @param categoryColumn the column naming each group
   * @param valueColumns the numeric columns, one bar each, at least one
   * @param valueTitle the value axis title in words with its unit, not blank
   * @return the chart, not null
   * @throws IllegalArgumentException as {@link #groupedBars(String, Table, String, List, String,
   *     Sources)}
   */
  public static ChartOfResult groupedBars(
      String title,
      Result result,
      String categoryColumn,
      List<String> valueColumns,
      String valueTitle) {
    return ChartOfResult.checked(
        result,
        t -> groupedBars(title, t, categoryColumn, valueColumns, valueTitle, result.sources()));
  }

  /**
   * A ranking as horizontal bars, the largest value at the top: for example the volume shortfall of
   * each CPA against its forecast. Rows with a missing value come last, with no bar. The height
   * grows with the number of bars so that every label shows.
   *
   * @param title the chart's title, not null
   * @param table the data, not null
   * @param categoryColumn the column naming each bar (any type, no missing values)
   * @param valueColumn the numeric column to rank by
   * @param sources where the data came from (a result's {@code sources()}), not null
   * @return the chart, not null
   * @throws IllegalArgumentException if a column is absent, of the wrong type, or a category is
   *     missing
   */
  public static Chart horizontalBar(
      String title, Table table, String categoryColumn, String valueColumn, Sources sources) {
    check(title, table, sources);
    String[] categories = categories(table, categoryColumn);
    double[] values = scaled(values(table, valueColumn), valueColumn);
    // Plotly draws the first bar at the bottom: order smallest first (missing below all) so that
    // the largest is at the top.
    Integer[] order = IntStream.range(0, values.length).boxed().toArray(Integer[]::new);
    Arrays.sort(
        order,
        Comparator.comparingDouble(
            (Integer i) -> Double.isNaN(values[i]) ? Double.NEGATIVE_INFINITY : values[i]));
    String[] c = new String[order.length];
    double[] v = new double[order.length];
    int longest = 3;
    for (int k = 0; k < order.length; k++) {
      c[k] = categories[order[k]];
      v[k] = values[order[k]];
      longest = Math.max(longest, c[k].length());
    }
    Trace trace =
        BarTrace.builder(c, v)
            .orientation(BarTrace.Orientation.HORIZONTAL)
            .name(Labels.axisTitle(valueColumn))
            .build();
    int height = Math.max(HEIGHT, 24 * c.length + 180);
    int left = Math.min(520, LabelSpace.left(LabelSpace.CHAR_PX * longest));
    Layout layout =
        base(title, height)
            .margin(Margin.builder().left(left).right(30).top(TOP).bottom(70).build())
            .xAxis(valueAxis(valueColumn))
            .yAxis(
                Axis.builder()
                    .title(Labels.axisTitle(categoryColumn))
                    .type(Axis.Type.CATEGORY)
                    .tickSettings(
                        TickSettings.builder()
                            .tickMode(TickSettings.TickMode.AUTO)
                            .autoMargin(true)
                            .build())
                    .build())
            .build();
    return new Chart(new Figure(layout, trace), sources);
  }

  /**
   * One line through the table's points in order of x: for example monthly starts.
   *
   * @param title the chart's title, not null
   * @param table the data, not null
   * @param xColumn the column along the bottom (dates, numbers or labels; no missing values)
   * @param yColumn the numeric column up the side
   * @param sources where the data came from (a result's {@code sources()}), not null
   * @return the chart, not null
   * @throws IllegalArgumentException if a column is absent, of the wrong type, or an x value is
   *     missing
   */
  public static Chart line(
      String title, Table table, String xColumn, String yColumn, Sources sources) {
    return lines(title, table, xColumn, List.of(yColumn), sources);
  }

  /**
   * Several lines against the same x, one per numeric column, named by the column: for example
   * starts of each work type by quarter.
   *
   * @param title the chart's title, not null
   * @param table the data, not null
   * @param xColumn the column along the bottom (dates, numbers or labels; no missing values)
   * @param yColumns the numeric columns, one line each, at least one
   * @param sources where the data came from (a result's {@code sources()}), not null
   * @return the chart, not null
   * @throws IllegalArgumentException if a column is absent, of the wrong type, or an x value is
   *     missing, or {@code yColumns} is empty
   */
  public static Chart lines(
      String title, Table table, String xColumn, List<String> yColumns, Sources sources) {
    return lines(title, table, xColumn, yColumns, null, sources);
  }

  /**
   * Several lines against the same x, one per numeric column, named by the column, under a value
   * axis titled in words: for example "cases meeting the service level (%)" over service levels by
   * quarter, where the series' own names share only their unit.
   *
   * @param title the chart's title, not null
   * @param table the data, not null
   * @param xColumn the column along the bottom (dates, numbers or labels; no missing values)
   * @param yColumns the numeric columns, one line each, at least one
   * @param yTitle the value axis title in words with its unit, not blank
   * @param sources where the data came from (a result's {@code sources()}), not null
   * @return the chart, not null
   * @throws IllegalArgumentException if a column is absent, of the wrong type, or an x value is
   *     missing, or {@code yColumns} is empty, or {@code yTitle} is blank
   */
  public static Chart lines(
      String title,
      Table table,
      String xColumn,
      List<String> yColumns,
      String yTitle,
      Sources sources) {
    check(title, table, sources);
    Objects.requireNonNull(yColumns, "yColumns");
    if (yColumns.isEmpty()) {
      throw new IllegalArgumentException("yColumns must name at least one column");
    }
    Table sorted = sortedOn(table, xColumn);
    List<Trace> traces = new ArrayList<>();
    boolean money = yColumns.stream().allMatch(Labels::isMoney);
    for (String y : yColumns) {
      traces.add(lineTrace(sorted, xColumn, y, seriesName(y, money), null));
    }
    Axis yAxis =
        yTitle != null
            ? (money
                ? moneyAxis(words(yTitle, "yTitle"))
                : Axis.builder().title(words(yTitle, "yTitle")).build())
            : yColumns.size() == 1
                ? valueAxis(yColumns.get(0))
                : money
                    ? moneyAxis("£ million")
                    : Axis.builder().title(seriesAxisTitle(yColumns)).build();
    BottomAxis x = BottomAxis.along(sorted, xColumn);
    Layout layout =
        base(title, HEIGHT + x.extraHeight(), x.bottom())
            .xAxis(x.axis())
            .yAxis(yAxis)
            .showLegend(yColumns.size() > 1)
            .build();
    return new Chart(new Figure(layout, traces.toArray(Trace[]::new)), sources);
  }

  /**
   * Actual volumes against the forecast a contract was let on, over time: the actual as a solid
   * line with markers, the forecast dashed.
   *
   * @param title the chart's title, not null
   * @param table the data, not null
   * @param periodColumn the period (dates, numbers or labels such as "2015-16"; no missing values)
   * @param actualColumn the numeric column of actual volumes
   * @param forecastColumn the numeric column of forecast volumes
   * @param sources where the data came from (a result's {@code sources()}), not null
   * @return the chart, not null
   * @throws IllegalArgumentException if a column is absent, of the wrong type, or a period is
   *     missing
   */
  public static Chart actualVersusForecast(
      String title,
      Table table,
      String periodColumn,
      String actualColumn,
      String forecastColumn,
      Sources sources) {
    check(title, table, sources);
    Table sorted = sortedOn(table, periodColumn);
    Trace actual = lineTrace(sorted, periodColumn, actualColumn, "Actual", null);
    Trace forecast =
        lineTrace(
            sorted,
            periodColumn,
            forecastColumn,
            "Forecast",
            Line.builder().dash(Line.Dash.DASH).build());
    BottomAxis x = BottomAxis.along(sorted, periodColumn);
    Layout layout =
        base(title, HEIGHT + x.extraHeight(), x.bottom())
            .xAxis(x.axis())
            .yAxis(valueAxis(actualColumn))
            .showLegend(true)
            .build();
    return new Chart(new Figure(layout, actual, forecast), sources);
  }

  /**
   * Points, one per row: for example each area's caseload against its breach rate.
   *
   * @param title the chart's title, not null
   * @param table the data, not null
   * @param xColumn the numeric column along the bottom
   * @param yColumn the numeric column up the side
   * @param sources where the data came from (a result's {@code sources()}), not null
   * @return the chart, not null
   * @throws IllegalArgumentException if a column is absent or not numeric
   */
  public static Chart scatter(
      String title, Table table, String xColumn, String yColumn, Sources sources) {
    check(title, table, sources);
    double[] x = values(table, xColumn);
    double[] y = values(table, yColumn);
    Trace trace =
        ScatterTrace.builder(scaled(x, xColumn), scaled(y, yColumn))
            .mode(ScatterTrace.Mode.MARKERS)
            .name(Labels.axisTitle(yColumn))
            .build();
    Layout layout = base(title, HEIGHT).xAxis(valueAxis(xColumn)).yAxis(valueAxis(yColumn)).build();
    return new Chart(new Figure(layout, trace), sources);
  }

  // ------------------------------------------------------------------ from results

  /**
   * Vertical bars of a result's table, under its disclosure control (applied by {@code render} when
   * the chart is shown), with its sources.
   *
   * @param title the chart's title, not null
   * @param result the result, not null
   * @param categoryColumn the column naming each bar
   * @param valueColumn the numeric column giving each bar's height
   * @return the chart, not null
   * @throws IllegalArgumentException as {@link #bar(String, Table, String, String, Sources)}
   */
  public static ChartOfResult bar(
      String title, Result result, String categoryColumn, String valueColumn) {
    return ChartOfResult.checked(
        result, t -> bar(title, t, categoryColumn, valueColumn, result.sources()));
  }

  /**
   * A ranking of a result's rows as horizontal bars, under its disclosure control, with its
   * sources.
   *
   * @param title the chart's title, not null
   * @param result the result, not null
   * @param categoryColumn the column naming each bar
   * @param valueColumn the numeric column to rank by
   * @return the chart, not null
   * @throws IllegalArgumentException as {@link #horizontalBar(String, Table, String, String,
   *     Sources)}
   */
  public static ChartOfResult horizontalBar(
      String title, Result result, String categoryColumn, String valueColumn) {
    return ChartOfResult.checked(
        result, t -> horizontalBar(title, t, categoryColumn, valueColumn, result.sources()));
  }

  /**
   * Lines of a result's table against the same x, under its disclosure control (applied by {@code
   * render} when the chart is shown), with its sources.
   *
   * @param title the chart's title, not null
   * @param result the result, not null
   * @param xColumn the column along the bottom
   * @param yColumns the numeric columns, one line each, at least one
   * @return the chart, not null
   * @throws IllegalArgumentException as {@link #lines(String, Table, String, List, Sources)}
   */
  public static ChartOfResult lines(
      String title, Result result, String xColumn, List<String> yColumns) {
    return ChartOfResult.checked(result, t -> lines(title, t, xColumn, yColumns, result.sources()));
  }

  /**
   * Lines of a result's table against the same x under a value axis titled in words, under its
   * disclosure control, with its sources.
   *
   * @param title the chart's title, not null
   * @param result the result, not null
   * @param xColumn the column along the bottom
   * @param yColumns the numeric columns, one line each, at least one
   * @param yTitle the value axis title in words with its unit, not blank
   * @return the chart, not null
   * @throws IllegalArgumentException as {@link #lines(String, Table, String, List, String,
   *     Sources)}
   */
  public static ChartOfResult lines(
      String title, Result result, String xColumn, List<String> yColumns, String yTitle) {
    return ChartOfResult.checked(
        result, t -> lines(title, t, xColumn, yColumns, yTitle, result.sources()));
  }

  /**
   * Points of a result's table, under its disclosure control (applied by {@code render} when the
   * chart is shown), with its sources.
   *
   * @param title the chart's title, not null
   * @param result the result, not null
   * @param xColumn the numeric column along the bottom
   * @param yColumn the numeric column up the side
   * @return the chart, not null
   * @throws IllegalArgumentException as {@link #scatter(String, Table, String, String, Sources)}
   */
  public static ChartOfResult scatter(String title, Result result, String xColumn, String yColumn) {
    return ChartOfResult.checked(
        result, t -> scatter(title, t, xColumn, yColumn, result.sources()));
  }

  // ------------------------------------------------------------------ funnel

  /**
   * A funnel plot of a share by unit (provider, court): each unit a point at its number of cases
   * and its share with the property (cases judged sufficient, proposals followed), labelled by name
   * on hover, with the pooled share and 95% and 99.8% control limits around it, drawn smoothly
   * across the range of sizes. A unit outside the 99.8% limits differs from the pool by more than
   * chance; small units are not judged by chance alone. Limits are {@link FunnelLimits}
   * (Spiegelhalter 2005); shares are shown in percent. When the spec has groups (NPS divisions and
   * CRCs, say), each group gets one colour and legend entry, in the order the groups first appear.
   *
   * @param title the chart's title, not null
   * @param table the data, not null
   * @param spec which columns hold the units, their groups, cases and successes, and the axis
   *     titles, not null
   * @param sources where the data came from (a result's {@code sources()}), not null
   * @return the chart, not null
   * @throws IllegalArgumentException if a column is absent or of the wrong type, a label is
   *     missing, or a count is missing or out of range
   * @throws IllegalStateException if the spec lacks its cases, successes or axes
   */
  public static Chart funnel(String title, Table table, FunnelSpec spec, Sources sources) {
    Objects.requireNonNull(spec, "spec");
    String labelColumn = spec.unitColumn();
    String groupColumn = spec.groupColumn().orElse(null);
    String casesColumn = spec.casesColumn();
    String successesColumn = spec.successesColumn();
    String xTitle = spec.xTitle();
    String yTitle = spec.yTitle();
    check(title, table, sources);
    String[] labels = categories(table, labelColumn);
    String[] groups =
        groupColumn == null ? new String[labels.length] : categories(table, groupColumn);
    double[] n = values(table, casesColumn);
    double[] k = values(table, successesColumn);
    double cases = 0;
    double successes = 0;
    double min = Double.MAX_VALUE;
    double max = 0;
    String[] hover = new String[n.length];
    double[] share = new double[n.length];
    for (int i = 0; i < n.length; i++) {
      if (!(n[i] >= 1) || !(k[i] >= 0 && k[i] <= n[i])) {
        throw new IllegalArgumentException(
            "row "
                + i
                + " ("
                + labels[i]
                + ") of table '"
                + table.name()
                + "': need "
                + casesColumn
                + " >= 1 and 0 <= "
                + successesColumn
                + " <= "
                + casesColumn
                + ", had "
                + n[i]
                + " and "
                + k[i]);
      }
      cases += n[i];
      successes += k[i];
      min = Math.min(min, n[i]);
      max = Math.max(max, n[i]);
      share[i] = 100 * k[i] / n[i];
      hover[i] =
          String.format(
              java.util.Locale.ROOT, "%s: %.0f of %.0f (%.1f%%)", labels[i], k[i], n[i], share[i]);
    }
    if (n.length == 0) {
      throw new IllegalArgumentException("table '" + table.name() + "' has no rows to plot");
    }
    double target = successes / cases;
    if (!(target > 0 && target < 1)) {
      throw new IllegalArgumentException(
          "the pooled share is " + target + "; a funnel needs a share strictly between 0 and 1");
    }
    FunnelLimits f95 = FunnelLimits.forProportion(target, 0.95);
    FunnelLimits f998 = FunnelLimits.forProportion(target, 0.998);
    int points = 120;
    double from = Math.max(1, Math.floor(min * 0.8));
    double to = Math.ceil(max * 1.1);
    double[] grid = new double[points];
    double[][] limit = new double[5][points];
    for (int i = 0; i < points; i++) {
      long size = Math.round(from + (to - from) * i / (points - 1));
      grid[i] = size;
      limit[0][i] = 100 * target;
      limit[1][i] = 100 * f95.lower(size);
      limit[2][i] = 100 * f95.upper(size);
      limit[3][i] = 100 * f998.lower(size);
      limit[4][i] = 100 * f998.upper(size);
    }
    List<Trace> traces = new ArrayList<>();
    List<String> order = new ArrayList<>();
    for (String g : groups) {
      if (!order.contains(g)) {
        order.add(g);
      }
    }
    List<String> colours = Palette.colours(order.size());
    for (int gi = 0; gi < order.size(); gi++) {
      String g = order.get(gi);
      List<Integer> rows = new ArrayList<>();
      for (int i = 0; i < groups.length; i++) {
        if (Objects.equals(groups[i], g)) {
          rows.add(i);
        }
      }
      Trace unitPoints =
          ScatterTrace.builder(
                  rows.stream().mapToDouble(i -> n[i]).toArray(),
                  rows.stream().mapToDouble(i -> share[i]).toArray())
              .mode(ScatterTrace.Mode.MARKERS)
              .text(rows.stream().map(i -> hover[i]).toArray(String[]::new))
              .marker(
                  Marker.builder()
                      .size(9)
                      .color(colours.get(gi))
                      .symbol(SYMBOLS[gi % SYMBOLS.length])
                      .build())
              .name(g == null ? Labels.axisTitle(labelColumn) : g)
              .build();
      // the unit's name first on hover, then its group, rather than Plotly's "(x, y)"
      traces.add(
          TraceWith.of(unitPoints).with("hovertemplate", "%{text}<extra>%{fullData.name}</extra>"));
    }
    String[] names = {
      String.format(java.util.Locale.ROOT, "pooled share (%.1f%%)", 100 * target),
      "95% limits",
      "95% limits",
      "99.8% limits",
      "99.8% limits"
    };
    Line.Dash[] dash = {
      Line.Dash.SOLID, Line.Dash.DASH, Line.Dash.DASH, Line.Dash.DOT, Line.Dash.DOT
    };
    for (int j = 0; j < 5; j++) {
      // one legend entry per limit: the upper line of each pair joins its lower line's entry
      traces.add(
          ScatterTrace.builder(grid, limit[j])
              .mode(ScatterTrace.Mode.LINE)
              .name(names[j])
              .legendGroup(names[j])
              .showLegend(j == 0 || j == 1 || j == 3)
              .line(
                  Line.builder()
                      .dash(dash[j])
                      .color(j == 0 ? Palette.REFERENCE : j < 3 ? "#2073BC" : "#801650")
                      .width(j == 0 ? 1.5 : 2)
                      .build())
              .build());
    }
    // units outside the 99.8% limits, ringed and named on the chart itself
    List<Integer> outside = new ArrayList<>();
    for (int i = 0; i < n.length; i++) {
      long size = Math.round(n[i]);
      if (k[i] / n[i] < f998.lower(size) || k[i] / n[i] > f998.upper(size)) {
        outside.add(i);
      }
    }
    if (!outside.isEmpty()) {
      Trace ringed =
          ScatterTrace.builder(
                  outside.stream().mapToDouble(i -> n[i]).toArray(),
                  outside.stream().mapToDouble(i -> share[i]).toArray())
              .mode(ScatterTrace.Mode.TEXT_AND_MARKERS)
              .text(outside.stream().map(i -> labels[i]).toArray(String[]::new))
              .name("outside the 99.8% limits")
              .build();
      double low = 100 * target;
      double high = 100 * target;
      for (int i = 0; i < points; i++) {
        low = Math.min(low, limit[3][i]);
        high = Math.max(high, limit[4][i]);
      }
      for (double v : share) {
        low = Math.min(low, v);
        high = Math.max(high, v);
      }
      String[] position =
          labelPositions(outside, n, share, 100 * target, labels, from, to, low, high);
      traces.add(
          TraceWith.of(ringed)
              .with(
                  "marker",
                  java.util.Map.of(
                      "symbol",
                      "circle-open",
                      "size",
                      18,
                      "color",
                      Palette.REFERENCE,
                      "line",
                      java.util.Map.of("width", 2)))
              .with("textposition", position)
              .with("textfont", java.util.Map.of("size", 11, "color", Palette.REFERENCE))
              .with("hoverinfo", "skip")
              .with("cliponaxis", false));
    }
    Layout layout =
        base(title, HEIGHT + 60)
            .xAxis(Axis.builder().title(xTitle).build())
            .yAxis(Axis.builder().title(yTitle).build())
            .showLegend(true)
            .build();
    return new Chart(new Figure(layout, traces.toArray(Trace[]::new)), sources);
  }

  // ------------------------------------------------------------------ helpers

  /**
   * Where each outlier's name goes, so that names stay on the chart and apart: above a point above
   * the pooled share, below one below it; running right from a point in the left quarter of the x
   * range, left from one in the right quarter, centred elsewhere; and beside its point (middle left
   * or right) when it would print over the name before it on the same side. A name's width is
   * estimated at {@value #LABEL_CHAR_PX} px a character of an 11 px font across a plot {@value
   * LabelSpace#PLOT_PX} px wide.
   *
   * @param rows the outliers' rows
   * @param n each row's cases (x)
   * @param share each row's share (y)
   * @param pooled the pooled share, as y
   * @param names each row's name
   * @param from the x range's start
   * @param to the x range's end
   * @param low the y range's bottom (the lowest limit or share)
   * @param high the y range's top
   * @return Plotly text positions, one per outlier in {@code rows}' order
   */
  static String[] labelPositions(
      List<Integer> rows,
      double[] n,
      double[] share,
      double pooled,
      String[] names,
      double from,
      double to,
      double low,
      double high) {
    String[] out = new String[rows.size()];
    Integer[] byX = IntStream.range(0, rows.size()).boxed().toArray(Integer[]::new);
    Arrays.sort(byX, Comparator.comparingDouble(j -> n[rows.get(j)]));
    double xu = Math.max(1e-9, to - from) / LABEL_PLOT_PX; // cases a pixel
    double yu = Math.max(1e-9, high - low) / LABEL_PLOT_HEIGHT_PX; // share a pixel
    List<double[]> placed = new ArrayList<>(); // boxes {x0, x1, y0, y1} of names placed
    for (int j : byX) {
      int row = rows.get(j);
      double x = n[row];
      double y = share[row];
      double w = LABEL_CHAR_PX * names[row].length() * xu;
      double at = (x - from) / Math.max(1e-9, to - from);
      boolean above = y > pooled;
      String[] tries =
          above
              ? new String[] {"top", "middle", "bottom"}
              : new String[] {"bottom", "middle", "top"};
      String chosen = null;
      for (String v : tries) {
        String h =
            v.equals("middle")
                ? (at < 0.5 ? "right" : "left")
                : at < 0.25 ? "right" : at > 0.75 ? "left" : "center";
        double gap = v.equals("middle") ? 10 * xu : 0;
        double x0 = h.equals("right") ? x + gap : h.equals("left") ? x - gap - w : x - w / 2;
        double y0 = v.equals("top") ? y + 8 * yu : v.equals("middle") ? y - 7 * yu : y - 22 * yu;
        double[] box = {x0, x0 + w, y0, y0 + 14 * yu};
        if (placed.stream()
            .noneMatch(e -> e[0] < box[1] && box[0] < e[1] && e[2] < box[3] && box[2] < e[3])) {
          placed.add(box);
          chosen = v + " " + h;
          break;
        }
      }
      out[j] = chosen != null ? chosen : tries[0] + " center";
    }
    return out;
  }

  /** The plot's height that outliers' names share, in pixels (the chart less its margins). */
  static final int LABEL_PLOT_HEIGHT_PX = 290;

  /** The plot's width that outliers' names share, in pixels (the live column less the legend). */
  static final int LABEL_PLOT_PX = 560;

  /** Estimated width of one character of an outlier's name (11 px), in pixels. */
  static final double LABEL_CHAR_PX = 6.5;

  /** Marker symbols by group of a funnel's units, as {@link Palette#SYMBOLS} begins. */
  private static final Symbol[] SYMBOLS = {
    Symbol.CIRCLE, Symbol.SQUARE, Symbol.DIAMOND, Symbol.TRIANGLE_UP
  };

  private static void check(String title, Table table, Sources sources) {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(sources, "sources");
  }

  /** The top margin: room for a title of two or three lines below the Plotly toolbar. */
  static final int TOP = 110;

  static Layout.LayoutBuilder base(String title, int height) {
    return base(title, height, 80);
  }

  static Layout.LayoutBuilder base(String title, int height, int bottom) {
    return Layout.builder()
        .title(Labels.wrapTitle(title))
        .height(height)
        .autosize(true)
        .margin(Margin.builder().left(80).right(40).top(TOP).bottom(bottom).build())
        .hoverMode(Layout.HoverMode.CLOSEST);
  }

  /** A title given by the caller: not blank, and in words (no column name's underscores). */
  private static String words(String title, String what) {
    if (title == null || title.isBlank() || title.contains("_")) {
      throw new IllegalArgumentException(
          what
              + " must be an axis title in words with its unit, such as \"cases meeting the"
              + " service level (%)\"; got "
              + (title == null ? "null" : "\"" + title + "\""));
    }
    return title;
  }

  /**
   * The axis along the bottom with the margin its tick labels need: category labels broken into
   * horizontal lines that fit their share of the width (every k-th shown when even that is too
   * crowded), the bottom margin computed from the lines so that they clear the axis title; numbers
   * and dates as Plotly ticks them.
   */
  record BottomAxis(Axis axis, int bottom) {

    /** The extra chart height that a bottom margin beyond the default 80 px takes. */
    int extraHeight() {
      return Math.max(0, bottom - 80);
    }

    /** Every category labelled: each bar needs its name. */
    static BottomAxis of(String title, List<String> categories) {
      return of(title, categories, false);
    }

    /** Categories along a line: every k-th labelled when they are too many to label each. */
    static BottomAxis of(String title, List<String> categories, boolean thinned) {
      List<String> wrapped = LabelSpace.wrapped(categories);
      int step = thinned ? LabelSpace.step(wrapped) : 1;
      List<Double> at = new ArrayList<>();
      List<String> text = new ArrayList<>();
      for (int i = 0; i < wrapped.size(); i += step) {
        at.add((double) i);
        text.add(wrapped.get(i));
      }
      Axis axis =
          Axis.builder()
              .title(title)
              .type(Axis.Type.CATEGORY)
              .tickSettings(
                  TickSettings.builder()
                      .tickMode(TickSettings.TickMode.ARRAY)
                      .arrayTicks(
                          at.stream().mapToDouble(Double::doubleValue).toArray(),
                          text.toArray(String[]::new))
                      // kept horizontal when drawn: render sets tickangle 0 on tick labels
                      // broken into lines (tablesaw cannot write a tick angle)
                      .autoMargin(true)
                      .build())
              .build();
      return new BottomAxis(axis, Math.max(80, LabelSpace.bottom(LabelSpace.lines(text))));
    }

    static BottomAxis along(Table sorted, String xColumn) {
      Column<?> x = sorted.column(xColumn);
      if (x instanceof StringColumn) {
        return of(Labels.axisTitle(xColumn), List.of(categories(sorted, xColumn)), true);
      }
      return new BottomAxis(
          Axis.builder()
              .title(Labels.axisTitle(xColumn))
              .tickSettings(TickSettings.builder().autoMargin(true).build())
              .build(),
          80);
    }
  }

  /** The axis for a value column: its title with units; money in £ million with "£" and "m". */
  static Axis valueAxis(String column) {
    return Labels.isMoney(column)
        ? moneyAxis(Labels.axisTitle(column))
        : Axis.builder().title(Labels.axisTitle(column)).build();
  }

  private static Axis moneyAxis(String title) {
    return Axis.builder()
        .title(title)
        .tickSettings(
            TickSettings.builder()
                .tickMode(TickSettings.TickMode.AUTO)
                .nTicks(8)
                .prefix("£")
                .suffix("m")
                .build())
        .build();
  }

  /** A legend name: the axis title, without "(£ million)" when the axis says it. */
  private static String seriesName(String column, boolean moneyAxis) {
    String t = Labels.axisTitle(column);
    return moneyAxis ? t.replace(" (£ million)", "") : t;
  }

  /**
   * A value axis title in words for several series: the series' names without their shared unit,
   * then the unit ("lowest CPA, highest CPA, England and Wales (%)"), or "value" and the unit when
   * the names are too long for one axis title (the unit left off when they share none); never a
   * bare unit, nor one series' name for all of them. A caller who knows the measure names it
   * ({@link #lines(String, Table, String, List, String, Sources)}).
   */
  static String seriesAxisTitle(List<String> columns) {
    String unit = commonUnit(columns);
    List<String> names = new ArrayList<>();
    for (String c : columns) {
      String t = Labels.axisTitle(c);
      names.add(t.substring(0, t.length() - unit.length()).strip());
    }
    String joined = String.join(", ", names);
    String words = joined.length() <= 60 ? joined : "value";
    return unit.isEmpty() ? words : words + " " + unit;
  }

  private static String commonUnit(List<String> columns) {
    String unit = null;
    for (String c : columns) {
      String t = Labels.axisTitle(c);
      int open = t.lastIndexOf('(');
      String u = open >= 0 && t.endsWith(")") ? t.substring(open) : "";
      if (unit == null) {
        unit = u;
      } else if (!unit.equals(u)) {
        return "";
      }
    }
    return unit == null ? "" : unit;
  }

  /** Values of a money column in £ million; others as they are. */
  private static double[] scaled(double[] v, String column) {
    if (!Labels.isMoney(column)) {
      return v;
    }
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = v[i] / 1e6;
    }
    return out;
  }

  private static Column<?> column(Table table, String name) {
    Objects.requireNonNull(name, "column name");
    if (!table.containsColumn(name)) {
      throw new IllegalArgumentException(
          "no column '"
              + name
              + "' in table '"
              + table.name()
              + "'; its columns are "
              + table.columnNames());
    }
    return table.column(name);
  }

  private static double[] values(Table table, String name) {
    Column<?> c = column(table, name);
    if (!(c instanceof NumericColumn<?> n)) {
      throw new IllegalArgumentException(
          "column '"
              + name
              + "' in table '"
              + table.name()
              + "' is "
              + c.type().name()
              + "; a chart needs a numeric column here (INTEGER, LONG, SHORT, FLOAT or DOUBLE)");
    }
    double[] v = new double[n.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = n.isMissing(i) ? Double.NaN : n.getDouble(i);
    }
    return v;
  }

  private static String[] categories(Table table, String name) {
    Column<?> c = column(table, name);
    String[] out = new String[c.size()];
    for (int i = 0; i < out.length; i++) {
      Object value = c.isMissing(i) ? null : c.get(i);
      if (value == null || (value instanceof String s && s.isEmpty())) {
        throw new IllegalArgumentException(
            "column '"
                + name
                + "' in table '"
                + table.name()
                + "' has a missing value at row "
                + i
                + "; every bar and point needs one");
      }
      out[i] = value instanceof String text ? Labels.category(text) : String.valueOf(value);
    }
    return out;
  }

  private static Table sortedOn(Table table, String xColumn) {
    categories(table, xColumn); // checks presence and that no x is missing
    return table.sortAscendingOn(xColumn);
  }

  private static Trace lineTrace(
      Table sorted, String xColumn, String yColumn, String name, Line line) {
    Column<?> x = sorted.column(xColumn);
    double[] raw = values(sorted, yColumn);
    double[] y = scaled(raw, yColumn);
    ScatterTrace.ScatterBuilder b;
    if (x instanceof NumericColumn<?> nx) {
      b = ScatterTrace.builder(nx.asDoubleArray(), y);
    } else {
      StringColumn labels = StringColumn.create(xColumn, categories(sorted, xColumn));
      b = ScatterTrace.builder(labels, DoubleColumn.create(yColumn, y));
    }
    b.mode(ScatterTrace.Mode.LINE_AND_MARKERS).name(name);
    if (Labels.isMoney(yColumn)) {
      String[] text = new String[raw.length];
      for (int i = 0; i < raw.length; i++) {
        text[i] = name + ": " + Labels.money(raw[i]);
      }
      b.text(text);
    }
    if (line != null) {
      b.line(line);
    }
    return b.build();
  }
}
