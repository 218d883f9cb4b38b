package org.probationlens.render;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.api.AreaPlot;
import tech.tablesaw.plotly.api.BoxPlot;
import tech.tablesaw.plotly.api.BubblePlot;
import tech.tablesaw.plotly.api.Heatmap;
import tech.tablesaw.plotly.api.Histogram;
import tech.tablesaw.plotly.api.Histogram2D;
import tech.tablesaw.plotly.api.HorizontalBarPlot;
import tech.tablesaw.plotly.api.LinePlot;
import tech.tablesaw.plotly.api.ParetoPlot;
import tech.tablesaw.plotly.api.PiePlot;
import tech.tablesaw.plotly.api.QQPlot;
import tech.tablesaw.plotly.api.ScatterPlot;
import tech.tablesaw.plotly.api.TimeSeriesPlot;
import tech.tablesaw.plotly.api.VerticalBarPlot;
import tech.tablesaw.plotly.api.ViolinPlot;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;

/** Test support: one figure from each of tablesaw-jsplot's one-call plot classes. */
final class TablesawFigures {

  private TablesawFigures() {}

  /** Five synthetic rows: a group, three numbers and a date. */
  static Table data() {
    return Table.create(
        "t",
        StringColumn.create("g", "a", "b", "a", "b", "c"),
        DoubleColumn.create("x", 1, 2, 3, 4, 5),
        DoubleColumn.create("y", 2, 1, 4, 3, 5),
        DoubleColumn.create("s", 1, 2, 3, 4, 5),
        DateColumn.create(
            "d",
            LocalDate.of(2015, 1, 1),
            LocalDate.of(2015, 2, 1),
            LocalDate.of(2015, 3, 1),
            LocalDate.of(2015, 4, 1),
            LocalDate.of(2015, 5, 1)));
  }

  static Map<String, Figure> all() {
    Table t = data();
    Map<String, Figure> m = new LinkedHashMap<>();
    m.put("box", BoxPlot.create("box", t, "g", "x"));
    m.put("histogram", Histogram.create("histogram", t, "x"));
    m.put("pie", PiePlot.create("pie", t, "g", "x"));
    m.put("heatmap", Heatmap.create("heatmap", t, "g", "g"));
    m.put("time series", TimeSeriesPlot.create("time series", t, "d", "x"));
    m.put("scatter", ScatterPlot.create("scatter", t, "x", "y"));
    m.put("scatter by group", ScatterPlot.create("scatter by group", t, "x", "y", "g"));
    m.put("bubble", BubblePlot.create("bubble", t, "x", "y", "s"));
    m.put("area", AreaPlot.create("area", t, "x", "y"));
    m.put("pareto", ParetoPlot.createVertical("pareto", t, "g", "x"));
    m.put("qq", QQPlot.create("qq", t, "x", "y"));
    m.put("histogram 2d", Histogram2D.create("histogram 2d", t, "x", "y"));
    m.put("violin", ViolinPlot.create("violin", t, "g", "x", true, true));
    m.put("horizontal bar", HorizontalBarPlot.create("horizontal bar", t, "g", "x"));
    m.put(
        "grouped bar",
        VerticalBarPlot.create("grouped bar", t, "g", Layout.BarMode.GROUP, "x", "y"));
    m.put("line by group", LinePlot.create("line by group", t, "x", "y", "g"));
    return m;
  }
}
