package org.probationlens.chart;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.probationlens.provenance.Result;
import org.probationlens.provenance.Sources;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.plotly.components.Axis;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.components.Line;
import tech.tablesaw.plotly.components.Margin;
import tech.tablesaw.plotly.traces.ScatterTrace;
import tech.tablesaw.plotly.traces.Trace;

/**
 * Step charts, one stepped line per group: Kaplan-Meier curves (the share of innovations still
 * waiting for sign-off, by owner) and cumulative counts (how many CRCs had adopted a kind of
 * innovation by each date). A step chart holds each value until the next change, which is what both
 * of these mean; a straight line between points would suggest change that did not happen.
 *
 * <p>Group names are shown as {@link Labels#category} gives them (an owner's code becomes its
 * name), and axis titles from the column names with their units.
 */
public final class StepCharts {

  /**
   * The Analysis Function's categorical colours ({@link Palette#CATEGORICAL}) as "r,g,b", so that a
   * curve and its shaded band match.
   */
  private static final String[] COLOURS =
      Palette.CATEGORICAL.stream()
          .map(
              h ->
                  Integer.parseInt(h.substring(1, 3), 16)
                      + ","
                      + Integer.parseInt(h.substring(3, 5), 16)
                      + ","
                      + Integer.parseInt(h.substring(5, 7), 16))
          .toArray(String[]::new);

  /** Line dashes by curve, so that curves differ by more than colour ({@link Palette#DASHES}). */
  private static final Line.Dash[] DASHES = {
    Line.Dash.SOLID, Line.Dash.DASH, Line.Dash.DOT, Line.Dash.DASH_DOT, Line.Dash.LONG_DASH
  };

  private StepCharts() {}

  /**
   * One stepped line per value of {@code groupColumn}, in order of first appearance, each through
   * its rows in the table's order (sort the table by x first).
   *
   * @param title the chart's title, not null
   * @param table the data in long form, not null
   * @param spec which columns name the lines and hold x (numbers or dates, no missing values) and y
   *     (numbers; a missing value leaves a gap), not null
   * @param sources where the data came from (a result's {@code sources()}), not null
   * @return the chart, not null
   * @throws IllegalArgumentException if a column is absent or a group or x value is missing
   * @throws IllegalStateException if the spec lacks its x or y column
   */
  public static Chart byGroup(String title, Table table, StepSpec spec, Sources sources) {
    Objects.requireNonNull(spec, "spec");
    String groupColumn = spec.lineColumn();
    String xColumn = spec.xColumn();
    String yColumn = spec.yColumn();
    Set<String> groups = groups(title, table, groupColumn, xColumn, yColumn, sources);
    List<Trace> traces = new ArrayList<>();
    for (String g : groups) {
      Table part = table.where(table.stringColumn(groupColumn).isEqualTo(g));
      traces.add(
          ScatterTrace.builder(part.column(xColumn), part.column(yColumn))
              .mode(ScatterTrace.Mode.LINE)
              .line(Line.builder().shape(Line.Shape.HV).build())
              .name(Labels.category(g))
              .build());
    }
    Layout layout =
        layout(title, Labels.axisTitle(xColumn), Labels.axisTitle(yColumn), groups.size() > 1);
    return new Chart(new Figure(layout, traces.toArray(Trace[]::new)), sources);
  }

  /**
   * Stepped lines of a result's table, under its disclosure control, with its sources.
   *
   * @param title the chart's title, not null
   * @param result the result, not null
   * @param spec which columns name the lines and hold x and y, not null
   * @return the chart, not null
   * @throws IllegalArgumentException as {@link #byGroup(String, Table, StepSpec, Sources)}
   */
  public static ChartOfResult byGroup(String title, Result result, StepSpec spec) {
    return ChartOfResult.checked(result, t -> byGroup(title, t, spec, result.sources()));
  }

  /**
   * Kaplan-Meier curves with their pointwise confidence bands: for each group a stepped line of the
   * share still waiting (columns {@code group, time, survival, lower, upper}, as {@code
   * StageTimes.curvesTable()} gives them), over a shaded band between lower and upper. The time
   * axis says its unit.
   *
   * @param title the chart's title, not null
   * @param curves the curves in long form, sorted by time within each group, not null
   * @param timeAxis the time axis's title with its unit, such as "days from submission to MoJ
   *     sign-off"; must name the unit (days, weeks, months or years)
   * @param sources where the data came from (a result's {@code sources()}), not null
   * @return the chart, not null
   * @throws IllegalArgumentException if a column is absent, a group or time is missing, or {@code
   *     timeAxis} names no unit of time
   */
  public static Chart survival(String title, Table curves, String timeAxis, Sources sources) {
    Objects.requireNonNull(timeAxis, "timeAxis");
    if (!timeAxis.matches("(?i).*\\b(days?|weeks?|months?|years?|business days)\\b.*")) {
      throw new IllegalArgumentException(
          "timeAxis '"
              + timeAxis
              + "' must name the unit of time (days, weeks, months or years), e.g. 'days from"
              + " submission to sign-off'");
    }
    Set<String> groups = groups(title, curves, "group", "time", "survival", sources);
    column(curves, "lower");
    column(curves, "upper");
    List<Trace> traces = new ArrayList<>();
    int k = 0;
    for (String g : groups) {
      Line.Dash dash = DASHES[k % DASHES.length];
      String rgb = COLOURS[k++ % COLOURS.length];
      Table part = curves.where(curves.stringColumn("group").isEqualTo(g));
      String name = Labels.category(g);
      traces.add(
          ScatterTrace.builder(part.numberColumn("time"), part.numberColumn("upper"))
              .mode(ScatterTrace.Mode.LINE)
              .line(
                  Line.builder().shape(Line.Shape.HV).width(0).color("rgba(" + rgb + ",0)").build())
              .showLegend(false)
              .legendGroup(name)
              .name(name + ", 95% upper")
              .build());
      traces.add(
          ScatterTrace.builder(part.numberColumn("time"), part.numberColumn("lower"))
              .mode(ScatterTrace.Mode.LINE)
              .line(
                  Line.builder().shape(Line.Shape.HV).width(0).color("rgba(" + rgb + ",0)").build())
              .fill(ScatterTrace.Fill.TO_NEXT_Y)
              .fillColor("rgba(" + rgb + ",0.15)")
              .showLegend(false)
              .legendGroup(name)
              .name(name + ", 95% lower")
              .build());
      traces.add(
          ScatterTrace.builder(part.numberColumn("time"), part.numberColumn("survival"))
              .mode(ScatterTrace.Mode.LINE)
              .line(
                  Line.builder()
                      .shape(Line.Shape.HV)
                      .width(2)
                      .dash(dash)
                      .color("rgb(" + rgb + ")")
                      .build())
              .legendGroup(name)
              .name(name)
              .build());
    }
    Layout layout =
        layout(title, timeAxis, "share still waiting (shaded: 95% confidence band)", true);
    return new Chart(new Figure(layout, traces.toArray(Trace[]::new)), sources);
  }

  /**
   * Kaplan-Meier curves of a result (such as {@code StageTimes.curvesTable()}) with their bands,
   * under its disclosure control, with its sources: see {@link #survival(String, Table, String,
   * Sources)}.
   *
   * @param title the chart's title, not null
   * @param curves the curves in long form ({@code group, time, survival, lower, upper}), not null
   * @param timeAxis the time axis's title with its unit, such as "days from submission to MoJ
   *     sign-off"
   * @return the chart, not null
   * @throws IllegalArgumentException as {@link #survival(String, Table, String, Sources)}
   */
  public static ChartOfResult survival(String title, Result curves, String timeAxis) {
    return ChartOfResult.checked(curves, t -> survival(title, t, timeAxis, curves.sources()));
  }

  private static Layout layout(String title, String xTitle, String yTitle, boolean legend) {
    return Layout.builder()
        .title(Labels.wrapTitle(title))
        .height(Charts.HEIGHT)
        .autosize(true)
        .margin(Margin.builder().left(70).right(30).top(Charts.TOP).bottom(70).build())
        .xAxis(Axis.builder().title(xTitle).build())
        .yAxis(Axis.builder().title(yTitle).build())
        .showLegend(legend)
        .build();
  }

  private static Set<String> groups(
      String title,
      Table table,
      String groupColumn,
      String xColumn,
      String yColumn,
      Sources sources) {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(sources, "sources");
    Column<?> group = column(table, groupColumn);
    if (!(group instanceof StringColumn)) {
      throw new IllegalArgumentException(
          "column " + groupColumn + " must be text (STRING), found " + group.type());
    }
    column(table, xColumn);
    column(table, yColumn);
    Set<String> groups = new LinkedHashSet<>();
    for (int r = 0; r < table.rowCount(); r++) {
      if (group.isMissing(r)
          || group.getString(r).isEmpty()
          || table.column(xColumn).isMissing(r)) {
        throw new IllegalArgumentException(
            "row " + (r + 1) + ": " + groupColumn + " and " + xColumn + " must not be missing");
      }
      groups.add(group.getString(r));
    }
    return groups;
  }

  private static Column<?> column(Table table, String name) {
    Objects.requireNonNull(name, "column name");
    if (!table.columnNames().contains(name)) {
      throw new IllegalArgumentException(
          "table '" + table.name() + "' has no column " + name + "; found " + table.columnNames());
    }
    return table.column(name);
  }
}
