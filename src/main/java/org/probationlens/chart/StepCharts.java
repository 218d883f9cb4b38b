package org.probationlens.chart;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.probationlens.data.Result;
import org.probationlens.data.Sources;
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
 */
public final class StepCharts {

  private StepCharts() {}

  /**
   * One stepped line per value of {@code groupColumn}, in order of first appearance, each through
   * its rows in the table's order (sort the table by x first).
   *
   * @param title the chart's title, not null
   * @param table the data in long form, not null
   * @param groupColumn the text column naming each line (no missing values)
   * @param xColumn the column along the bottom: numbers or dates (no missing values)
   * @param yColumn the numeric column up the side; a missing value leaves a gap
   * @param sources where the data came from (a result's {@code sources()}), not null
   * @return the chart, not null
   * @throws IllegalArgumentException if a column is absent or a group or x value is missing
   */
  public static Chart byGroup(
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
    if (!(group instanceof tech.tablesaw.api.StringColumn)) {
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
    List<Trace> traces = new ArrayList<>();
    for (String g : groups) {
      Table part = table.where(table.stringColumn(groupColumn).isEqualTo(g));
      traces.add(
          ScatterTrace.builder(part.column(xColumn), part.column(yColumn))
              .mode(ScatterTrace.Mode.LINE)
              .line(Line.builder().shape(Line.Shape.HV).build())
              .name(g)
              .build());
    }
    Layout layout =
        Layout.builder()
            .title(title)
            .height(Charts.HEIGHT)
            .margin(Margin.builder().left(70).right(30).top(60).bottom(60).build())
            .xAxis(Axis.builder().title(xColumn).build())
            .yAxis(Axis.builder().title(yColumn).build())
            .showLegend(groups.size() > 1)
            .build();
    return new Chart(new Figure(layout, traces.toArray(Trace[]::new)), sources);
  }

  /**
   * One stepped line per group of a result's table, with its sources: see {@link #byGroup(String,
   * Table, String, String, String, Sources)}.
   *
   * @param title the chart's title, not null
   * @param result the result, its table in long form, not null
   * @param groupColumn the text column naming each line
   * @param xColumn the column along the bottom
   * @param yColumn the numeric column up the side
   * @return the chart, not null
   */
  public static Chart byGroup(
      String title, Result result, String groupColumn, String xColumn, String yColumn) {
    return byGroup(title, result.table(), groupColumn, xColumn, yColumn, result.sources());
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
