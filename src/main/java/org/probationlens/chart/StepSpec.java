package org.probationlens.chart;

import java.util.Objects;

/**
 * Which columns of a long-form table a stepped-line chart reads: the column naming each line (an
 * innovation type, an owner), the column along the bottom (a date, days since transfer) and the
 * column up the side (CRCs with the innovation in operation, the share still waiting). Each part is
 * named as it is set, so the columns cannot be given in the wrong order:
 *
 * <pre>{@code
 * StepSpec.lines("type").x("date").y("cumulative_crcs")
 * }</pre>
 *
 * <p>Immutable: each step returns a changed copy. {@link StepCharts#byGroup(String,
 * tech.tablesaw.api.Table, StepSpec, org.probationlens.provenance.Sources)} checks that the columns
 * are in the table.
 */
public final class StepSpec {

  private final String lines;
  private final String x;
  private final String y;

  private StepSpec(String lines, String x, String y) {
    this.lines = lines;
    this.x = x;
    this.y = y;
  }

  /**
   * Stepped lines, one per value of the given text column (no missing values), in order of first
   * appearance. Set the x and y columns next.
   *
   * @param column the column naming each line, not blank
   * @return the spec, not null
   * @throws IllegalArgumentException if {@code column} is null or blank
   */
  public static StepSpec lines(String column) {
    return new StepSpec(checked("lines", column), null, null);
  }

  /**
   * This spec with the column along the bottom: numbers or dates, no missing values; each line runs
   * through its rows in the table's order (sort the table by it first).
   *
   * @param column the x column, not blank
   * @return the changed copy, not null
   * @throws IllegalArgumentException if {@code column} is null or blank
   */
  public StepSpec x(String column) {
    return new StepSpec(lines, checked("x", column), y);
  }

  /**
   * This spec with the numeric column up the side; a missing value leaves a gap.
   *
   * @param column the y column, not blank
   * @return the changed copy, not null
   * @throws IllegalArgumentException if {@code column} is null or blank
   */
  public StepSpec y(String column) {
    return new StepSpec(lines, x, checked("y", column));
  }

  /**
   * The column naming each line.
   *
   * @return the column name, not null
   */
  public String lineColumn() {
    return lines;
  }

  /**
   * The column along the bottom.
   *
   * @return the column name, not null
   * @throws IllegalStateException if {@link #x(String)} was not called
   */
  public String xColumn() {
    return required(x, "x(column)");
  }

  /**
   * The column up the side.
   *
   * @return the column name, not null
   * @throws IllegalStateException if {@link #y(String)} was not called
   */
  public String yColumn() {
    return required(y, "y(column)");
  }

  private String required(String value, String step) {
    if (value == null) {
      throw new IllegalStateException("step spec " + this + " is missing ." + step);
    }
    return value;
  }

  private static String checked(String part, String column) {
    if (column == null || column.isBlank()) {
      throw new IllegalArgumentException(
          "step chart " + part + " column must name a column of the table; got \"" + column + "\"");
    }
    return column;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StepSpec s
        && lines.equals(s.lines)
        && Objects.equals(x, s.x)
        && Objects.equals(y, s.y);
  }

  @Override
  public int hashCode() {
    return Objects.hash(lines, x, y);
  }

  /**
   * The spec as it reads in code, for messages.
   *
   * @return for example {@code lines(type).x(date).y(cumulative_crcs)}, not null
   */
  @Override
  public String toString() {
    return "lines("
        + lines
        + ")"
        + (x == null ? "" : ".x(" + x + ")")
        + (y == null ? "" : ".y(" + y + ")");
  }
}
