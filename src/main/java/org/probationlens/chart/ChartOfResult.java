package org.probationlens.chart;

import java.util.Objects;
import java.util.function.Function;
import org.probationlens.provenance.Result;
import tech.tablesaw.api.Table;

/**
 * A chart of an analysis result's table, to be drawn when shown: {@code render} first applies the
 * result's disclosure control (small counts of people on probation withheld, under the session's
 * policy), then draws the chart from the protected table and adds what disclosure control did under
 * the sources footer. So nothing unsafe reaches a chart, and {@code chart} needs no knowledge of
 * disclosure control or of the session.
 *
 * @param result the result whose table is drawn, not null
 * @param draw how to draw the chart from a table shaped like the result's (the protected copy),
 *     with the result's sources; not null
 */
public record ChartOfResult(Result result, Function<Table, Chart> draw) {

  /**
   * Checks the parts.
   *
   * @throws NullPointerException if a part is null
   */
  public ChartOfResult {
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(draw, "draw");
  }

  /**
   * A chart of a result, its columns checked now (a missing or mistyped column fails here, where
   * the chart is asked for, not when it is shown); the drawing from the unprotected table is
   * discarded.
   *
   * @param result the result, not null
   * @param draw how to draw the chart from a table shaped like the result's, not null
   * @return the chart to draw when shown, not null
   * @throws IllegalArgumentException if {@code draw} rejects the result's table
   */
  static ChartOfResult checked(Result result, Function<Table, Chart> draw) {
    ChartOfResult c = new ChartOfResult(result, draw);
    draw.apply(result.table());
    return c;
  }

  /**
   * Draws the chart from a table shaped like the result's: {@code render} passes the result's table
   * after disclosure control.
   *
   * @param table the (protected) table, not null
   * @return the chart, not null
   */
  public Chart drawFrom(Table table) {
    return Objects.requireNonNull(
        draw.apply(Objects.requireNonNull(table, "table")), "draw returned null");
  }
}
