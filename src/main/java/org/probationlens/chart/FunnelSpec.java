package org.probationlens.chart;

import java.util.Objects;
import java.util.Optional;

/**
 * Which columns of a table a funnel plot reads, and how its axes are titled: the column naming each
 * unit (a provider, a court), optionally the column giving its group (NPS division or CRC), the
 * column of its cases (cases reviewed, reports written) and the column of its cases with the
 * property (judged sufficient, proposal followed). Each part is named as it is set, so the columns
 * cannot be given in the wrong order:
 *
 * <pre>{@code
 * FunnelSpec.units("provider").groups("type").cases("reviewed").successes("sufficient")
 *     .axes("cases reviewed", "share of cases judged sufficient (%)")
 * }</pre>
 *
 * <p>Immutable: each step returns a changed copy. {@link Charts#funnel(String,
 * tech.tablesaw.api.Table, FunnelSpec, org.probationlens.provenance.Sources)} checks that the
 * columns are in the table.
 */
public final class FunnelSpec {

  private final String units;
  private final String groups;
  private final String cases;
  private final String successes;
  private final String xTitle;
  private final String yTitle;

  private FunnelSpec(
      String units, String groups, String cases, String successes, String xTitle, String yTitle) {
    this.units = units;
    this.groups = groups;
    this.cases = cases;
    this.successes = successes;
    this.xTitle = xTitle;
    this.yTitle = yTitle;
  }

  /**
   * A funnel whose units (providers, courts) are named in the given column: names, not codes, with
   * no missing values. Set the cases, successes and axes next.
   *
   * @param column the column naming each unit, not blank
   * @return the spec, not null
   * @throws IllegalArgumentException if {@code column} is null or blank
   */
  public static FunnelSpec units(String column) {
    return new FunnelSpec(checked("units", column), null, null, null, null, null);
  }

  /**
   * This spec with the units in groups (NPS divisions and CRCs, say): one colour and legend entry
   * per group, in the order the groups first appear.
   *
   * @param column the column giving each unit's group (no missing values), not blank
   * @return the changed copy, not null
   * @throws IllegalArgumentException if {@code column} is null or blank
   */
  public FunnelSpec groups(String column) {
    return new FunnelSpec(units, checked("groups", column), cases, successes, xTitle, yTitle);
  }

  /**
   * This spec with the column of each unit's cases (cases reviewed, reports written): numbers, each
   * at least 1.
   *
   * @param column the numeric column of cases, not blank
   * @return the changed copy, not null
   * @throws IllegalArgumentException if {@code column} is null or blank
   */
  public FunnelSpec cases(String column) {
    return new FunnelSpec(units, groups, checked("cases", column), successes, xTitle, yTitle);
  }

  /**
   * This spec with the column of each unit's cases with the property (judged sufficient, proposal
   * followed): numbers from 0 to the unit's cases.
   *
   * @param column the numeric column of cases with the property, not blank
   * @return the changed copy, not null
   * @throws IllegalArgumentException if {@code column} is null or blank
   */
  public FunnelSpec successes(String column) {
    return new FunnelSpec(units, groups, cases, checked("successes", column), xTitle, yTitle);
  }

  /**
   * This spec with its axes titled in words.
   *
   * @param x the x axis title (the cases), e.g. "cases reviewed", not null
   * @param y the y axis title (the share), e.g. "share of cases judged sufficient (%)", not null
   * @return the changed copy, not null
   */
  public FunnelSpec axes(String x, String y) {
    return new FunnelSpec(
        units,
        groups,
        cases,
        successes,
        Objects.requireNonNull(x, "x"),
        Objects.requireNonNull(y, "y"));
  }

  /**
   * The column naming each unit.
   *
   * @return the column name, not null
   */
  public String unitColumn() {
    return units;
  }

  /**
   * The column giving each unit's group, if the units are grouped.
   *
   * @return the column name, or empty for no groups
   */
  public Optional<String> groupColumn() {
    return Optional.ofNullable(groups);
  }

  /**
   * The column of each unit's cases.
   *
   * @return the column name, not null
   * @throws IllegalStateException if {@link #cases(String)} was not called
   */
  public String casesColumn() {
    return required(cases, "cases(column)");
  }

  /**
   * The column of each unit's cases with the property.
   *
   * @return the column name, not null
   * @throws IllegalStateException if {@link #successes(String)} was not called
   */
  public String successesColumn() {
    return required(successes, "successes(column)");
  }

  /**
   * The x axis title.
   *
   * @return the title, not null
   * @throws IllegalStateException if {@link #axes(String, String)} was not called
   */
  public String xTitle() {
    return required(xTitle, "axes(x, y)");
  }

  /**
   * The y axis title.
   *
   * @return the title, not null
   * @throws IllegalStateException if {@link #axes(String, String)} was not called
   */
  public String yTitle() {
    return required(yTitle, "axes(x, y)");
  }

  private String required(String value, String step) {
    if (value == null) {
      throw new IllegalStateException("funnel spec " + this + " is missing ." + step);
    }
    return value;
  }

  private static String checked(String part, String column) {
    if (column == null || column.isBlank()) {
      throw new IllegalArgumentException(
          "funnel " + part + " column must name a column of the table; got \"" + column + "\"");
    }
    return column;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FunnelSpec s
        && units.equals(s.units)
        && Objects.equals(groups, s.groups)
        && Objects.equals(cases, s.cases)
        && Objects.equals(successes, s.successes)
        && Objects.equals(xTitle, s.xTitle)
        && Objects.equals(yTitle, s.yTitle);
  }

  @Override
  public int hashCode() {
    return Objects.hash(units, groups, cases, successes, xTitle, yTitle);
  }

  /**
   * The spec as it reads in code, for messages.
   *
   * @return for example {@code units(provider).cases(reviewed).successes(sufficient)}, not null
   */
  @Override
  public String toString() {
    return "units("
        + units
        + ")"
        + (groups == null ? "" : ".groups(" + groups + ")")
        + (cases == null ? "" : ".cases(" + cases + ")")
        + (successes == null ? "" : ".successes(" + successes + ")")
        + (xTitle == null ? "" : ".axes(\"" + xTitle + "\", \"" + yTitle + "\")");
  }
}
